// URL slugs made from Vietnamese text.
#pragma once

#include <string>
#include <string_view>

namespace ck {

// "Đăng ký khai sinh" -> "dang-ky-khai-sinh": fold diacritics (see unicode.h),
// keep [a-z0-9], join the rest with single hyphens. May return "" (e.g. for
// text made only of punctuation); callers report that as an error.
std::string slugify(std::string_view text);

// True for a slug an editor may pin: non-empty [a-z0-9-], no leading,
// trailing or doubled hyphen. Rejects "..", "/" and anything else that
// could escape the output directory.
bool is_valid_slug(std::string_view slug);

}  // namespace ck
