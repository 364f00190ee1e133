#include "qr_book.h"

#include <cstdint>
#include <cstring>

#include "fingerprint.h"

namespace ck {
namespace {

// Each code: the payload's length (4 bytes) and bytes, the version (1),
// the size (2), the quiet zone (1) and the modules, 8 to a byte. The file
// ends with a fingerprint of the header and of each code in turn (8).
constexpr std::size_t kTrailer = sizeof(std::uint64_t);

std::string book_header(const QrOptions& options, std::uint64_t tool_key) {
  return "congkhai-qr 1 " + std::to_string(tool_key) + " " + qr_encoder_version() + " " +
         qr_level_name(options.level) + " " + std::to_string(options.quiet_zone) + " " +
         std::to_string(options.max_version) + "\n";
}

template <typename Number>
void append_number(std::string& out, Number n) {
  char bytes[sizeof n];
  std::memcpy(bytes, &n, sizeof n);
  out.append(bytes, sizeof n);
}

// Reads from the front of a view, failing (and staying failed) at its end.
class Cursor {
 public:
  explicit Cursor(std::string_view rest) : rest_(rest) {}
  template <typename Number>
  Number number() {
    Number n{};
    if (rest_.size() < sizeof n) return fail(n);
    std::memcpy(&n, rest_.data(), sizeof n);
    rest_.remove_prefix(sizeof n);
    return n;
  }
  std::string_view bytes(std::size_t count) {
    if (rest_.size() < count) return fail(std::string_view());
    std::string_view taken = rest_.substr(0, count);
    rest_.remove_prefix(count);
    return taken;
  }
  bool ok() const { return ok_; }
  std::string_view rest() const { return rest_; }

 private:
  template <typename T>
  T fail(T empty) {
    ok_ = false;
    rest_ = {};
    return empty;
  }
  std::string_view rest_;
  bool ok_ = true;
};

std::size_t module_bytes(std::size_t size) {
  return (size * size + 7) / 8;
}

// A stored matrix: version, size, quiet zone and modules, as written by
// Writer::add after the payload.
std::string_view take_matrix(Cursor& in) {
  Cursor peek = in;
  peek.number<std::uint8_t>();
  const auto size = peek.number<std::uint16_t>();
  return in.bytes(sizeof(std::uint8_t) + sizeof(std::uint16_t) + sizeof(std::uint8_t) + module_bytes(size));
}

QrMatrix decode_matrix(std::string_view stored) {
  Cursor in(stored);
  const int version = in.number<std::uint8_t>();
  const int size = in.number<std::uint16_t>();
  const int quiet_zone = in.number<std::uint8_t>();
  std::string_view modules = in.bytes(module_bytes(static_cast<std::size_t>(size)));
  std::vector<bool> dark(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  for (std::size_t i = 0; i < dark.size(); ++i)
    dark[i] = (static_cast<unsigned char>(modules[i / 8]) >> (i % 8)) & 1;
  return QrMatrix(size, quiet_zone, version, std::move(dark));
}

}  // namespace

QrBook::QrBook(std::string path, const QrOptions& options, std::uint64_t tool_key)
    : path_(std::move(path)), header_(book_header(options, tool_key)) {}

void QrBook::read() const {
  file_ = MappedFile::open(path_);
  std::string_view text = file_ ? file_->bytes() : std::string_view();
  if (!text.starts_with(header_) || text.size() < header_.size() + kTrailer) return;
  std::string_view body = text.substr(0, text.size() - kTrailer);
  Fingerprint check;
  check.add(header_);
  Cursor in(body.substr(header_.size()));
  std::unordered_map<std::string_view, std::string_view> codes;
  while (!in.rest().empty()) {
    const std::string_view entry = in.rest();
    std::string_view payload = in.bytes(in.number<std::uint32_t>());
    std::string_view matrix = take_matrix(in);
    if (!in.ok()) return;
    check.add(entry.substr(0, entry.size() - in.rest().size()));
    codes.emplace(payload, matrix);
  }
  Cursor trailer(text.substr(body.size()));
  if (trailer.number<std::uint64_t>() == check.value()) codes_ = std::move(codes);  // else damaged
}

std::optional<std::string_view> QrBook::stored(std::string_view payload) const {
  std::call_once(read_once_, [this] { read(); });
  auto it = codes_.find(payload);
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

std::optional<QrMatrix> QrBook::find(std::string_view payload) const {
  std::optional<std::string_view> matrix = stored(payload);
  if (!matrix) return std::nullopt;
  return decode_matrix(*matrix);
}

QrBook::Writer::Writer(std::string path, const QrOptions& options, std::uint64_t tool_key)
    : file_(std::move(path)) {
  const std::string header = book_header(options, tool_key);
  check_.add(header);
  file_.append(header);
}

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
  add_stored(payload, stored + modules);
}

bool QrBook::Writer::add_from(const QrBook& book, std::string_view payload) {
  std::optional<std::string_view> matrix = book.stored(payload);
  if (matrix) add_stored(payload, *matrix);
  return matrix.has_value();
}

void QrBook::Writer::add_stored(std::string_view payload, std::string_view matrix) {
  entry_.clear();
  append_number(entry_, static_cast<std::uint32_t>(payload.size()));
  entry_ += payload;
  entry_ += matrix;
  check_.add(entry_);
  file_.append(entry_);
}

bool QrBook::Writer::save() {
  std::string trailer;
  append_number(trailer, check_.value());
  file_.append(trailer);
  return file_.commit();
}

}  // namespace ck
