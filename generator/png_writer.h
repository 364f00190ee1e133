// PNG files: the one place that talks to libpng. Writes to memory, with no
// time or text chunks, so the same pixels always give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ck {

// A black-and-white image, one byte per pixel: 0 white, anything else black.
struct BilevelImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> black;  // row by row, width * height
  int dots_per_meter = 0;           // 0: no physical size recorded
};

// A 1-bit grayscale PNG; empty on failure (out of memory).
std::string encode_png(const BilevelImage& image);

}  // namespace ck
