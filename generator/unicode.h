// Unicode text handling, the one place that talks to utf8proc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ck {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Canonical composition (NFC), so that NFD and NFC sources give the same bytes.
// The input must be valid UTF-8.
std::string to_nfc(std::string_view text);
bool is_plainly_nfc(std::string_view text);  // no change under NFC, by a quick check

// Lowercase ASCII-ish key for matching Vietnamese without diacritics:
// NFC, strip tone and vowel marks, case-fold, and map đ/Đ to d (đ is a
// letter of its own and survives mark stripping). "ĐĂNG KÝ" -> "dang ky".
std::string fold_diacritics(std::string_view text);
// The same through utf8proc for the whole text: slower, and obviously right.
// fold_diacritics must always agree with it (the Folding tests check).
std::string fold_diacritics_with_utf8proc(std::string_view text);

// Number of code points, for column numbers an editor can count.
std::size_t count_code_points(std::string_view text);

}  // namespace ck
