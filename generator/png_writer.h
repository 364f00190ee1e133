// PNG files: the one place that talks to libpng and zlib. Writes to memory, with no
// time or text chunks, so the same pixels always give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ck {

// A black-and-white image, eight pixels to a byte, the first pixel in the
// high bit; a set bit is black. Rows are row_bytes() apart. Each stored row
// stands for `repeat` rows of the image, as a QR code's modules do.
struct BilevelImage {
  int width = 0;
  int height = 0;                   // rows of the image: stored rows × repeat
  int repeat = 1;
  std::vector<std::uint8_t> black;  // height / repeat * row_bytes()
  int dots_per_meter = 0;           // 0: no physical size recorded
  std::size_t row_bytes() const { return (static_cast<std::size_t>(width) + 7) / 8; }
};

// A 1-bit grayscale PNG; empty on failure (out of memory).
std::string encode_png(const BilevelImage& image);

}  // namespace ck
