// The folding the search relies on, and the index the page's script reads.
#include <gtest/gtest.h>

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

TEST(SearchIndex, HoldsEachProcedureShownAndFoldedAndEachPostTitle) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich", "keywords: [Giấy khai sinh, \"trẻ \\\"sơ\\\" sinh\"]\n");
  disk.files["content/news/a.md"] = "---\ntitle: Hội nghị CCHC\ndate: 2023-05-25\n---\n";
  std::string js = search_index(disk);
  EXPECT_TRUE(js.starts_with("// ")) << js;
  EXPECT_NE(js.find("window.CK_SEARCH_INDEX = {"), std::string::npos);
  EXPECT_NE(js.find("[\"Đăng ký khai sinh\",\"thu-tuc/dang-ky-khai-sinh/\",\"1.001193\",\"Hộ tịch\","
                    "\"dang ky khai sinh\",\"1.001193 ho tich giay khai sinh tre \\\"so\\\" sinh\"]"),
            std::string::npos)
      << js;
  EXPECT_NE(js.find("[\"Hội nghị CCHC\",\"tin-tuc/hoi-nghi-cchc/\",\"25/5/2023\",\"hoi nghi cchc\"]"),
            std::string::npos)
      << js;
}

}  // namespace
}  // namespace ck
