// A QR matrix drawn as files: SVG for pages and print (one path, sharp at
// any size) and PNG for pasting into office documents.
#pragma once

#include <string>
#include <string_view>

#include "qr.h"

namespace ck {

// A standalone SVG document whose viewBox counts modules, quiet zone
// included; `title` names it for screen readers. `title` is plain text.
std::string qr_svg(const QrMatrix& matrix, std::string_view title);

// A 1-bit PNG at least `min_width` pixels wide, each module a whole number of
// pixels, recorded as `width_cm` wide so office programs paste it at that size.
std::string qr_png(const QrMatrix& matrix, int min_width = 1200, double width_cm = 4.0);

}  // namespace ck
