#include "slug.h"

#include <gtest/gtest.h>

#include "unicode.h"

namespace ck {
namespace {

TEST(Slug, VietnameseNameBecomesAsciiWords) {
  EXPECT_EQ(slugify("Đăng ký khai sinh"), "dang-ky-khai-sinh");
  EXPECT_EQ(slugify("Chứng thực bản sao từ bản chính"), "chung-thuc-ban-sao-tu-ban-chinh");
  EXPECT_EQ(slugify("Hòa giải tranh chấp đất đai"), "hoa-giai-tranh-chap-dat-dai");
}

TEST(Slug, DecomposedInputGivesTheSameSlugAsComposed) {
  const std::string composed_name = "\xC4\x90\xC4\x83ng k\xC3\xBD khai sinh";                // NFC
  const std::string decomposed_name = "\xC4\x90" "a\xCC\x86ng ky\xCC\x81 khai sinh";          // NFD
  EXPECT_NE(composed_name, decomposed_name);
  EXPECT_EQ(slugify(decomposed_name), slugify(composed_name));
  EXPECT_EQ(slugify(decomposed_name), "dang-ky-khai-sinh");
}

TEST(Slug, UppercaseDStrokeFoldsToD) {
  EXPECT_EQ(slugify("ĐẤT ĐAI"), "dat-dai");
  EXPECT_EQ(fold_diacritics("ĐĂNG KÝ"), "dang ky");
}

TEST(Slug, PunctuationCollapsesToSingleHyphens) {
  EXPECT_EQ(slugify("  Cấp bản sao (trích lục) -- hộ tịch!  "), "cap-ban-sao-trich-luc-ho-tich");
  EXPECT_EQ(slugify("1.001193 Khai sinh"), "1-001193-khai-sinh");
}

TEST(Slug, TextWithoutLettersOrDigitsGivesEmptySlug) {
  EXPECT_EQ(slugify("!!! …"), "");
  EXPECT_EQ(slugify(""), "");
}

TEST(Slug, PinnedSlugValidation) {
  EXPECT_TRUE(is_valid_slug("dang-ky-khai-sinh"));
  EXPECT_TRUE(is_valid_slug("a1"));
  EXPECT_FALSE(is_valid_slug(""));
  EXPECT_FALSE(is_valid_slug("../etc"));
  EXPECT_FALSE(is_valid_slug("a/b"));
  EXPECT_FALSE(is_valid_slug("-a"));
  EXPECT_FALSE(is_valid_slug("a-"));
  EXPECT_FALSE(is_valid_slug("a--b"));
  EXPECT_FALSE(is_valid_slug("Dang-ky"));
  EXPECT_FALSE(is_valid_slug("đăng-ký"));
}

TEST(Unicode, FindsFirstInvalidByte) {
  EXPECT_FALSE(find_invalid_utf8("Quang Khải").has_value());
  std::string bad = "ab\xFF" "cd";
  ASSERT_TRUE(find_invalid_utf8(bad).has_value());
  EXPECT_EQ(*find_invalid_utf8(bad), 2u);
  EXPECT_TRUE(find_invalid_utf8("\xC3").has_value());  // truncated sequence
}

TEST(Unicode, NfcComposesDecomposedText) {
  EXPECT_EQ(to_nfc("a\xCC\x86"), "\xC4\x83");  // a + breve -> ă
}

}  // namespace
}  // namespace ck
