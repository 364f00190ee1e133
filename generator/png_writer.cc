#include "png_writer.h"

#include <png.h>

#include <zlib.h>

#include <algorithm>
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

}  // namespace

std::string encode_png(const BilevelImage& image) {
  std::string out;
  PngWriter writer;
  if (!writer.ok()) return {};
  // PNG grayscale says 1 for white.
  std::vector<png_byte> white(image.black.size());
  for (std::size_t i = 0; i < white.size(); ++i) white[i] = static_cast<png_byte>(~image.black[i]);
  // libpng reports errors by longjmp; nothing with a destructor is created
  // between here and the writes below.
  if (setjmp(png_jmpbuf(writer.png()))) return {};
  png_set_write_fn(writer.png(), &out, append_bytes, no_flush);
  png_set_IHDR(writer.png(), writer.info(), image.width, image.height, 1, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (image.dots_per_meter > 0)
    png_set_pHYs(writer.png(), writer.info(), image.dots_per_meter, image.dots_per_meter, PNG_RESOLUTION_METER);
  // Rows of a QR code repeat scale times: filtered "up", the copies become
  // zeros that cost almost nothing to compress.
  png_set_filter(writer.png(), 0, PNG_FILTER_UP);
  // Run-length matching finds those zero rows as well as full deflate does,
  // in a fraction of the time.
  png_set_compression_level(writer.png(), 9);
  png_set_compression_strategy(writer.png(), Z_RLE);
  png_set_compression_buffer_size(writer.png(), 1 << 16);
  png_write_info(writer.png(), writer.info());
  const int repeat = std::max(image.repeat, 1);
  for (int y = 0; y < image.height; ++y)
    png_write_row(writer.png(), &white[static_cast<std::size_t>(y / repeat) * image.row_bytes()]);
  png_write_end(writer.png(), writer.info());
  return out;
}

}  // namespace ck
