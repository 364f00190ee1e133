#include "qr_book.h"

#include <cstdint>
#include <cstring>

#include "fingerprint.h"

namespace ck {
namespace {

// Each code is kept as its version (1 byte), size (2), quiet zone (1) and
// modules, 8 to a byte.
std::string book_header(const QrOptions& options, std::uint64_t tool_key) {
  return "congkhai-qr 2 " + std::to_string(tool_key) + " " + qr_encoder_version() + " " +
         qr_level_name(options.level) + " " + std::to_string(options.quiet_zone) + " " +
         std::to_string(options.max_version) + "\n";
}

std::size_t module_bytes(std::size_t size) {
  return (size * size + 7) / 8;
}

// The matrix kept as `stored`; nullopt if it is cut short.
std::optional<QrMatrix> decode_matrix(std::string_view stored) {
  constexpr std::size_t kHead = sizeof(std::uint8_t) + sizeof(std::uint16_t) + sizeof(std::uint8_t);
  if (stored.size() < kHead) return std::nullopt;
  const int version = static_cast<unsigned char>(stored[0]);
  std::uint16_t size = 0;
  std::memcpy(&size, stored.data() + 1, sizeof size);
  const int quiet_zone = static_cast<unsigned char>(stored[3]);
  std::string_view modules = stored.substr(kHead);
  if (modules.size() != module_bytes(size)) return std::nullopt;
  std::vector<bool> dark(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  for (std::size_t i = 0; i < dark.size(); ++i)
    dark[i] = (static_cast<unsigned char>(modules[i / 8]) >> (i % 8)) & 1;
  return QrMatrix(size, quiet_zone, version, std::move(dark));
}

}  // namespace

QrBook::QrBook(std::string path, const QrOptions& options, std::uint64_t tool_key)
    : file_(std::move(path), book_header(options, tool_key)) {}

std::optional<QrMatrix> QrBook::find(std::string_view payload) const {
  std::optional<std::string_view> matrix = file_.find(payload);
  if (!matrix) return std::nullopt;
  return decode_matrix(*matrix);
}

QrBook::Writer::Writer(std::string path, const QrOptions& options, std::uint64_t tool_key)
    : file_(std::move(path), book_header(options, tool_key)) {}

void QrBook::Writer::add(std::string_view payload, const QrMatrix& matrix) {
  std::string stored;
  append_number(stored, static_cast<std::uint8_t>(matrix.version()));
  append_number(stored, static_cast<std::uint16_t>(matrix.size()));
  append_number(stored, static_cast<std::uint8_t>(matrix.quiet_zone()));
  const auto size = static_cast<std::size_t>(matrix.size());
  std::string modules(module_bytes(size), '\0');
  for (std::size_t i = 0; i < size * size; ++i)
    if (matrix.dark(static_cast<int>(i % size), static_cast<int>(i / size)))
      modules[i / 8] = static_cast<char>(modules[i / 8] | (1 << (i % 8)));
  file_.add(payload, stored + modules);
}

bool QrBook::Writer::add_from(const QrBook& book, std::string_view payload) {
  std::optional<std::string_view> matrix = book.file_.find(payload);
  if (matrix) file_.add(payload, *matrix);
  return matrix.has_value();
}

bool QrBook::Writer::save() {
  return file_.save();
}

}  // namespace ck
