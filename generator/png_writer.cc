#include "png_writer.h"

#include <png.h>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <utility>

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

void append_be32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

// Deflate's length and distance codes (RFC 1951, 3.2.5): where each code's
// range starts, and how many extra bits follow the code.
constexpr std::array<std::uint16_t, 29> kLengthBase{3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                    15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                    67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                    2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistanceBase{
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistanceExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                      6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr std::size_t kMaxMatch = 258;
constexpr std::size_t kMaxDistance = 32768;

// The index of the last range that starts at or before `value`.
template <std::size_t N>
std::size_t code_of(const std::array<std::uint16_t, N>& bases, std::size_t value) {
  return static_cast<std::size_t>(std::upper_bound(bases.begin(), bases.end(), value) - bases.begin()) - 1;
}

// Huffman codes are packed from their highest bit, everything else from the lowest.
constexpr std::uint32_t reversed(std::uint32_t code, int length) {
  std::uint32_t out = 0;
  for (int i = 0; i < length; ++i) out |= ((code >> i) & 1) << (length - 1 - i);
  return out;
}

struct PackedCode {
  std::uint32_t bits = 0;
  int length = 0;
};

// The fixed codes of literals, the end of a block and lengths (RFC 1951, 3.2.6), packed.
constexpr std::array<PackedCode, 288> kFixedCodes = [] {
  std::array<PackedCode, 288> codes{};
  for (std::uint32_t value = 0; value < 288; ++value) {
    auto [code, length] = value < 144   ? std::pair(0x30 + value, 8)
                          : value < 256 ? std::pair(0x190 + value - 144, 9)
                          : value < 280 ? std::pair(value - 256, 7)
                                        : std::pair(0xc0 + value - 280, 8);
    codes[value] = {reversed(code, length), length};
  }
  return codes;
}();

// The fixed codes of distances: five bits each, packed.
constexpr std::array<std::uint32_t, 30> kDistanceCodes = [] {
  std::array<std::uint32_t, 30> codes{};
  for (std::uint32_t code = 0; code < 30; ++code) codes[code] = reversed(code, 5);
  return codes;
}();

// A zlib stream holding one deflate block with the fixed Huffman codes
// (RFC 1951, 3.2.6). Written here, not by zlib: zlib builds Huffman trees
// for every block, and with each row of a code its own block (so that the
// repeated rows could be spliced in) that was three quarters of a code's
// PNG time.
// A bilevel image is runs and repeated rows, which the fixed codes store
// almost as small.
class FixedDeflate {
 public:
  explicit FixedDeflate(std::size_t expected_bytes) {
    out_.reserve(expected_bytes);
    out_ = "\x78\x01";  // zlib header: deflate, 32 KB window
    put(0b011, 3);      // the last block, with fixed codes
  }

  // Bytes as they are: each run of one byte is that byte, then a copy of
  // the one before. Where `earlier`, written `distance` back, holds the same
  // bytes for longer, they are copied from it: a code's rows share much
  // with the row above.
  void bytes(std::string_view data, std::string_view earlier = {}, std::size_t distance = 0) {
    const bool can_look_back = earlier.size() == data.size() && distance <= kMaxDistance;
    for (std::size_t at = 0, end; at < data.size(); at = end) {
      for (end = at + 1; end < data.size() && data[end] == data[at];) ++end;
      std::size_t same = 0;
      while (can_look_back && at + same < data.size() && data[at + same] == earlier[at + same]) ++same;
      if (same >= std::max<std::size_t>(end - at, 4)) {  // a literal is 8 or 9 bits, a copy from far back 25
        copy(distance, same, earlier.substr(at));
        end = at + same;
        continue;
      }
      symbol(static_cast<std::uint8_t>(data[at]));
      copy(1, end - at - 1, data.substr(at, 1));
    }
  }

  // `times` more copies of `piece`, the last bytes written.
  void repeat(std::string_view piece, std::size_t times) {
    if (piece.size() <= kMaxDistance) return copy(piece.size(), piece.size() * times, piece);
    for (std::size_t i = 0; i < times; ++i) bytes(piece);
  }

  std::string finish(std::uint32_t adler) {
    symbol(256);  // end of block
    if (filled_ > 0) out_.push_back(static_cast<char>(buffer_));
    append_be32(out_, adler);
    return std::move(out_);
  }

 private:
  // `length` bytes copied from `distance` back: `window`, repeated if
  // shorter. What is too short for a match is written as literals.
  void copy(std::size_t distance, std::size_t length, std::string_view window) {
    std::size_t done = 0;
    while (length - done >= 3) {
      std::size_t piece = std::min(length - done, kMaxMatch);
      if (length - done - piece < 3 && length - done != piece)
        piece = length - done - 3;  // leave a whole match
      match(piece, distance);
      done += piece;
    }
    for (; done < length; ++done) symbol(static_cast<std::uint8_t>(window[done % window.size()]));
  }

  void match(std::size_t length, std::size_t distance) {
    const std::size_t l = code_of(kLengthBase, length);
    symbol(257 + static_cast<int>(l));
    put(static_cast<std::uint32_t>(length - kLengthBase[l]), kLengthExtra[l]);
    const std::size_t d = code_of(kDistanceBase, distance);
    put(kDistanceCodes[d], 5);
    put(static_cast<std::uint32_t>(distance - kDistanceBase[d]), kDistanceExtra[d]);
  }

  // A literal (0-255), the end of the block (256) or a length code.
  void symbol(int value) {
    put(kFixedCodes[static_cast<std::size_t>(value)].bits,
        kFixedCodes[static_cast<std::size_t>(value)].length);
  }

  void put(std::uint32_t bits, int count) {
    buffer_ |= static_cast<std::uint64_t>(bits) << filled_;
    for (filled_ += count; filled_ >= 8; filled_ -= 8, buffer_ >>= 8)
      out_.push_back(static_cast<char>(buffer_));
  }

  std::string out_;
  std::uint64_t buffer_ = 0;
  int filled_ = 0;
};

std::uint32_t adler_of(std::string_view data, uLong start = adler32(0, nullptr, 0)) {
  return static_cast<std::uint32_t>(
      adler32(start, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

// The zlib stream of the image's rows. A stored row is written unfiltered;
// the rows that repeat it are filtered "up", so each is a filter byte and
// zeros, and all but the first are a copy of the one before.
std::string image_data(const BilevelImage& image) {
  const std::size_t row_bytes = image.row_bytes();
  const std::size_t repeat = static_cast<std::size_t>(std::max(image.repeat, 1));
  std::string copy_row(row_bytes + 1, '\0');
  copy_row[0] = 2;  // filter: up
  // The checksum of a stored row's copies, the same for every row.
  const uLong copy_adler = adler_of(copy_row);
  uLong copies_adler = adler32(0, nullptr, 0);
  for (std::size_t i = 1; i < repeat; ++i)
    copies_adler = adler32_combine(copies_adler, copy_adler, static_cast<z_off_t>(copy_row.size()));
  const auto copies_size = static_cast<z_off_t>((repeat - 1) * copy_row.size());
  FixedDeflate deflate(4096);  // a code's image is about 3 KB
  uLong adler = adler32(0, nullptr, 0);
  std::string row(row_bytes + 1, '\0'), above;  // filter: none
  for (std::size_t y = 0; y < image.black.size() / row_bytes; ++y) {
    // PNG grayscale says 1 for white.
    for (std::size_t x = 0; x < row_bytes; ++x)
      row[x + 1] = static_cast<char>(~image.black[y * row_bytes + x]);
    deflate.bytes(row, above, row.size() * repeat);
    above = row;
    adler = adler_of(row, adler);
    if (repeat == 1) continue;
    deflate.bytes(copy_row);
    deflate.repeat(copy_row, repeat - 2);
    adler = adler32_combine(adler, copies_adler, copies_size);
  }
  return deflate.finish(static_cast<std::uint32_t>(adler));
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
