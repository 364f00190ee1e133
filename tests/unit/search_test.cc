// The folding the search relies on, and the index the page's script reads.
#include <gtest/gtest.h>

#include <random>

#include "load.h"
#include "render.h"
#include "test_site.h"
#include "theme.h"
#include "unicode.h"

namespace ck {
namespace {

TEST(Folding, QueriesWithoutDiacriticsMatchTheName) {
  EXPECT_EQ(fold_diacritics("Đăng ký khai sinh"), "dang ky khai sinh");
  EXPECT_EQ(fold_diacritics("ĐĂNG KÝ"), "dang ky");
  EXPECT_EQ(fold_diacritics("đ Đ"), "d d");
  // Decomposed input (NFD, as some phones type) folds the same way.
  EXPECT_EQ(fold_diacritics("Đa\xCC\x86ng ky\xCC\x81"), "dang ky");
  EXPECT_EQ(fold_diacritics("Chứng thực bản sao"), "chung thuc ban sao");
  EXPECT_EQ(fold_diacritics("Người có công"), "nguoi co cong");
  EXPECT_EQ(fold_diacritics("1.001193"), "1.001193");
}

std::string search_index(const MemoryDisk& disk) {
  Diagnostics diags;
  Site site = build_model(load_sources({}, disk, diags), diags);
  RealDisk real;
  auto theme = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags);
  EXPECT_TRUE(theme) << format_all(diags, Lang::en);
  RenderContext ctx(site, *theme);
  return render_search_index(ctx).bytes;
}

// The per-code-point table must give what utf8proc gives for a whole text:
// every code point it covers alone, then random strings of them mixed with
// combining marks and characters beyond it.
TEST(Folding, TableAgreesWithUtf8procOnWholeTexts) {
  auto utf8 = [](char32_t cp) {
    std::string out;
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    else
      out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    return out;
  };
  for (char32_t cp = 1; cp < 0x2000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    ASSERT_EQ(fold_diacritics(utf8(cp)), fold_diacritics_with_utf8proc(utf8(cp))) << std::hex << static_cast<unsigned>(cp);
  }
  std::mt19937 random(7);
  const char32_t pool[] = {'A', 'd', ' ', 0x110, 0x111, 0xC0, 0x1EA0, 0x1EF9, 0x1EC7, 0x300, 0x301, 0x323, 0x309,
                           0xDF, 0x3A3, 0x3C2, 0x130, 0x2013, 0x20AB, 0x4E2D, 0x1E9E};
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 8); n >= 0; --n) text += utf8(pool[random() % std::size(pool)]);
    ASSERT_EQ(fold_diacritics(text), fold_diacritics_with_utf8proc(text)) << text;
  }
  EXPECT_EQ(fold_diacritics("Đăng ký khai sinh"), "dang ky khai sinh");
}

TEST(SearchIndex, HoldsEachProcedureShownAndFoldedAndEachPostTitle) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich", "keywords: [Giấy khai sinh, \"trẻ \\\"sơ\\\" sinh\"]\n");
  disk.files["content/news/a.md"] = "---\ntitle: Hội nghị CCHC\ndate: 2023-05-25\n---\n";
  std::string js = search_index(disk);
  EXPECT_TRUE(js.starts_with("// ")) << js;
  EXPECT_NE(js.find("window.CK_SEARCH_INDEX = {"), std::string::npos);
  EXPECT_NE(js.find("[\"Đăng ký khai sinh\",\"thu-tuc/dang-ky-khai-sinh/\",\"1.001193\",\"Hộ tịch\","
                    "\"dang ki khai sinh\",\"1.001193 ho tich giai khai sinh tre \\\"so\\\" sinh\","
                    "\"giai khai sinh|tre \\\"so\\\" sinh\"]"),
            std::string::npos)
      << js;
  EXPECT_NE(js.find("[\"Hội nghị CCHC\",\"tin-tuc/hoi-nghi-cchc/\",\"25/5/2023\",\"hoi nghi cchc\"]"),
            std::string::npos)
      << js;
}

}  // namespace
}  // namespace ck
