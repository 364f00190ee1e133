// Slugs become directory names in the output, so whatever the text, a slug
// is either empty (reported by the model) or safe; making one is stable, and
// NFC and NFD spellings of a name give the same address.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "slug.h"
#include "unicode.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string slug = ck::slugify(text);
  require(slug.empty() || ck::is_valid_slug(slug));
  require(ck::slugify(slug) == slug);
  if (ck::find_invalid_utf8(text)) return 0;  // sources are checked before anything is slugified
  require(ck::slugify(ck::to_nfc(text)) == slug);
  std::string folded = ck::fold_diacritics(text);
  require(ck::fold_diacritics(folded) == folded);
  return 0;
}
