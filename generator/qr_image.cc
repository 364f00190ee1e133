#include "qr_image.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "png_writer.h"
#include "render.h"

namespace ck {
namespace {

void append_decimal(std::string& out, int n) {
  char digits[16];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// One subpath per run of dark modules: "M x y h n v1 h-n z". Written in
// place: a code has hundreds of runs, and 10,000 codes are written.
std::string dark_runs_path(const QrMatrix& m) {
  std::string d;
  d.reserve(static_cast<std::size_t>(m.size() * m.size()));
  m.for_each_dark_run([&d](int x, int y, int length) {
    d += 'M';
    append_decimal(d, x);
    d += ' ';
    append_decimal(d, y);
    d += 'h';
    append_decimal(d, length);
    d += "v1h-";
    append_decimal(d, length);
    d += 'z';
  });
  return d;
}

// Sets bits [from, to) of a row, most significant bit first: whole bytes
// at once, since a module is tens of pixels wide.
void fill_bits(std::uint8_t* row, int from, int to) {
  while (from < to && from % 8 != 0) {
    row[from / 8] |= static_cast<std::uint8_t>(0x80 >> (from % 8));
    ++from;
  }
  for (; from + 8 <= to; from += 8) row[from / 8] = 0xff;
  for (; from < to; ++from) row[from / 8] |= static_cast<std::uint8_t>(0x80 >> (from % 8));
}

}  // namespace

std::string qr_svg(const QrMatrix& matrix, std::string_view title) {
  const std::string n = std::to_string(matrix.size());
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + n +
         "\" height=\"" + n + "\" role=\"img\" shape-rendering=\"crispEdges\">\n<title>" + escape_xml(title) +
         "</title>\n<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"" +
         dark_runs_path(matrix) + "\"/>\n</svg>\n";
}

std::string qr_png(const QrMatrix& matrix, int min_width, double width_cm) {
  const int scale = (min_width + matrix.size() - 1) / matrix.size();
  BilevelImage image;
  image.width = image.height = matrix.size() * scale;
  image.repeat = scale;  // one stored row per row of modules
  image.black.resize(matrix.size() * image.row_bytes());
  matrix.for_each_dark_run([&](int mx, int my, int length) {
    std::uint8_t* row = &image.black[static_cast<std::size_t>(my) * image.row_bytes()];
    fill_bits(row, mx * scale, (mx + length) * scale);
  });
  image.dots_per_meter = static_cast<int>(std::lround(image.width / (width_cm / 100.0)));
  return encode_png(image);
}

}  // namespace ck
