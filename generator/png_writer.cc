#include "png_writer.h"

#include <png.h>

#include <csetjmp>

namespace ck {
namespace {

class PngWriter {
 public:
  PngWriter() {
    png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png_) info_ = png_create_info_struct(png_);
  }
  ~PngWriter() { png_destroy_write_struct(&png_, &info_); }
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;

  bool ok() const { return png_ && info_; }
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
};

void append_bytes(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

void no_flush(png_structp) {}

// Packs a row eight pixels to a byte, 1 = white as PNG grayscale wants.
std::vector<png_byte> pack_row(const BilevelImage& image, int y) {
  std::vector<png_byte> row((image.width + 7) / 8, 0);
  for (int x = 0; x < image.width; ++x)
    if (!image.black[static_cast<std::size_t>(y) * image.width + x]) row[x / 8] |= 0x80 >> (x % 8);
  return row;
}

}  // namespace

std::string encode_png(const BilevelImage& image) {
  std::string out;
  PngWriter writer;
  if (!writer.ok()) return {};
  std::vector<std::vector<png_byte>> rows;
  for (int y = 0; y < image.height; ++y) rows.push_back(pack_row(image, y));
  // libpng reports errors by longjmp; nothing with a destructor is created
  // between here and the writes below.
  if (setjmp(png_jmpbuf(writer.png()))) return {};
  png_set_write_fn(writer.png(), &out, append_bytes, no_flush);
  png_set_IHDR(writer.png(), writer.info(), image.width, image.height, 1, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (image.dots_per_meter > 0)
    png_set_pHYs(writer.png(), writer.info(), image.dots_per_meter, image.dots_per_meter, PNG_RESOLUTION_METER);
  png_set_compression_level(writer.png(), 9);
  png_write_info(writer.png(), writer.info());
  for (std::vector<png_byte>& row : rows) png_write_row(writer.png(), row.data());
  png_write_end(writer.png(), writer.info());
  return out;
}

}  // namespace ck
