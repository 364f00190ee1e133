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

// A raw deflate stream (no zlib header or checksum: the caller frames it).
class RawDeflater {
 public:
  // A small hash table: each piece is compressed on its own, and zlib
  // clears the whole table at every full flush.
  RawDeflater(int window_bits, int strategy) {
    ok_ = deflateInit2(&stream_, 9, Z_DEFLATED, -window_bits, 1, strategy) == Z_OK;
  }
  ~RawDeflater() {
    if (ok_) deflateEnd(&stream_);
  }
  RawDeflater(const RawDeflater&) = delete;
  RawDeflater& operator=(const RawDeflater&) = delete;

  // Compresses `data` and appends what comes out to `out`. Z_FULL_FLUSH ends
  // on a byte boundary with nothing after it referring back before it.
  bool deflate(std::string_view data, int flush, std::string& out) {
    if (!ok_) return false;
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    unsigned char buffer[16384];
    int status;
    do {
      stream_.next_out = buffer;
      stream_.avail_out = sizeof buffer;
      status = ::deflate(&stream_, flush);
      if (status == Z_STREAM_ERROR) return false;
      out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0 || stream_.avail_in > 0);
    return flush != Z_FINISH || status == Z_STREAM_END;
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

void append_be32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

// The rows that repeat a stored row, filtered "up": each a filter byte and
// zeros, the same for every row of every code of a size.
struct RowCopies {
  std::size_t row_bytes = 0;
  int repeat = 0;
  std::size_t size = 0;  // bytes before compression
  uLong adler = 0;
  std::string deflated;
};

// The copies are the same for every code of a size: made once per thread.
const RowCopies& row_copies(std::size_t row_bytes, int repeat) {
  thread_local RowCopies made;
  if (made.row_bytes == row_bytes && made.repeat == repeat) return made;
  std::string copies(static_cast<std::size_t>(repeat - 1) * (row_bytes + 1), '\0');
  for (std::size_t at = 0; at < copies.size(); at += row_bytes + 1) copies[at] = 2;  // filter: up
  made = {row_bytes,
          repeat,
          copies.size(),
          adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef*>(copies.data()),
                  static_cast<uInt>(copies.size())),
          {}};
  if (!RawDeflater(15, Z_DEFAULT_STRATEGY).deflate(copies, Z_FULL_FLUSH, made.deflated)) made = {};
  return made;
}

// The zlib stream of the image's filtered rows. Each stored row is
// compressed on its own, and the compressed copies that follow it are
// spliced in: valid because every piece starts and ends on a full flush,
// with nothing referring back across it. Compressing all 1,200 pixel rows
// of each code took most of a 10,000-procedure build's PNG time.
std::string image_data(const BilevelImage& image) {
  const std::size_t row_bytes = image.row_bytes();
  const int repeat = std::max(image.repeat, 1);
  const RowCopies& copies = row_copies(row_bytes, repeat);
  if (repeat > 1 && copies.deflated.empty()) return {};

  std::string out = "\x78\xda";  // deflate, 32 KB window at most, maximum compression
  // A row of modules is runs of white and black bytes: run-length matching
  // compresses it almost as well as zlib's search, in two thirds of the time.
  RawDeflater rows(9, Z_RLE);
  uLong adler = adler32(0, nullptr, 0);
  std::string row(row_bytes + 1, '\0');  // filter: none
  for (std::size_t y = 0; y < image.black.size() / row_bytes; ++y) {
    // PNG grayscale says 1 for white.
    for (std::size_t x = 0; x < row_bytes; ++x)
      row[x + 1] = static_cast<char>(~image.black[y * row_bytes + x]);
    if (!rows.deflate(row, Z_FULL_FLUSH, out)) return {};
    adler = adler32(adler, reinterpret_cast<const Bytef*>(row.data()), static_cast<uInt>(row.size()));
    if (repeat == 1) continue;
    out += copies.deflated;
    adler = adler32_combine(adler, copies.adler, static_cast<z_off_t>(copies.size));
  }
  if (!rows.deflate({}, Z_FINISH, out)) return {};
  append_be32(out, static_cast<std::uint32_t>(adler));
  return out;
}

void append_bytes(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

void no_flush(png_structp) {}

}  // namespace

std::string encode_png(const BilevelImage& image) {
  if (image.width <= 0 || image.black.size() * std::max(image.repeat, 1) != image.row_bytes() * image.height)
    return {};
  const std::string data = image_data(image);
  if (data.empty()) return {};
  std::string out;
  PngWriter writer;
  if (!writer.ok()) return {};
  // libpng reports errors by longjmp; nothing with a destructor is created
  // between here and the writes below.
  if (setjmp(png_jmpbuf(writer.png()))) return {};
  png_set_write_fn(writer.png(), &out, append_bytes, no_flush);
  png_set_IHDR(writer.png(), writer.info(), image.width, image.height, 1, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (image.dots_per_meter > 0)
    png_set_pHYs(writer.png(), writer.info(), image.dots_per_meter, image.dots_per_meter,
                 PNG_RESOLUTION_METER);
  png_write_info(writer.png(), writer.info());
  // libpng frames the chunks and their checksums; the image data is ours.
  png_write_chunk(writer.png(), reinterpret_cast<png_const_bytep>("IDAT"),
                  reinterpret_cast<png_const_bytep>(data.data()), data.size());
  png_write_chunk(writer.png(), reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
  return out;
}

}  // namespace ck
