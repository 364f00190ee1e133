#include "unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

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

std::string fold_with_utf8proc(std::string_view text) {
  std::string folded =
      map_text(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  replace_all(folded, "đ", "d");  // case folding has already turned Đ into đ
  return folded;
}

// Folding works one code point at a time, so below U+2000 (every letter of
// Vietnamese, precomposed or with combining marks) each code point's fold is
// looked up in a table that utf8proc filled once: sorting and searching fold
// every name, and utf8proc's general machinery costs far more per call.
constexpr utf8proc_int32_t kTableEnd = 0x2000;

const std::vector<std::string>& fold_table() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> folds(kTableEnd);
    for (utf8proc_int32_t cp = 0; cp < kTableEnd; ++cp) {
      utf8proc_uint8_t bytes[4];
      auto n = utf8proc_encode_char(cp, bytes);
      folds[cp] = fold_with_utf8proc(std::string_view(reinterpret_cast<const char*>(bytes), n));
    }
    return folds;
  }();
  return table;
}

std::optional<std::string> fold_by_table(std::string_view text) {
  const std::vector<std::string>& table = fold_table();
  std::string folded;
  folded.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                              static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0 || cp >= kTableEnd) return std::nullopt;
    folded += table[static_cast<std::size_t>(cp)];
    at += static_cast<std::size_t>(n);
  }
  return folded;
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

// True when every code point is one NFC leaves alone: below U+0300 (ASCII,
// Latin-1, Latin Extended-A/B), the precomposed Vietnamese letters
// U+1EA0–U+1EF9, or general punctuation after the singleton spaces. That is
// nearly every real source, and checking is far cheaper than normalizing.
bool is_plainly_nfc(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      ++at;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                              static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) return false;
    bool stable = cp < 0x300 || (cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x2010 && cp <= 0x205E);
    if (!stable) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

std::string to_nfc(std::string_view text) {
  if (is_plainly_nfc(text)) return std::string(text);
  return map_text(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold_diacritics(std::string_view text) {
  if (std::optional<std::string> folded = fold_by_table(text)) return *folded;
  return fold_with_utf8proc(text);
}

std::string fold_diacritics_with_utf8proc(std::string_view text) { return fold_with_utf8proc(text); }

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace ck
