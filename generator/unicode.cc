#include "unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace ck {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map_text(std::string_view text, int options) {
  utf8proc_uint8_t* raw = nullptr;
  auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                          static_cast<utf8proc_ssize_t>(text.size()), &raw,
                          static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (len < 0) return std::string(text);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(len));
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                              static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) return at;
    at += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view text) {
  return map_text(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold_diacritics(std::string_view text) {
  std::string folded =
      map_text(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  replace_all(folded, "đ", "d");  // case folding has already turned Đ into đ
  return folded;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace ck
