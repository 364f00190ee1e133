#include "model.h"

#include <gtest/gtest.h>

#include "load.h"
#include "test_site.h"
#include "urls.h"

namespace ck {
namespace {

Site load(const MemoryDisk& disk, Diagnostics& diags) {
  return build_model(load_sources({}, disk, diags), diags);
}

TEST(Model, SmallSiteLoadsWithoutProblems) {
  Diagnostics diags;
  Site site = load(testing::small_site(), diags);
  EXPECT_EQ(format_all(diags, Lang::en), "");
  ASSERT_EQ(site.procedures.size(), 2u);
  EXPECT_EQ(site.procedures[0].slug, "dang-ky-khai-sinh");  // ho-tich comes first by order
  EXPECT_EQ(site.domains[0].procedures, std::vector<std::size_t>{0});
  EXPECT_EQ(site.config.base_url, "https://thu.example.vn");
  EXPECT_EQ(site.find_procedure("2.000815")->name, "Chứng thực bản sao từ bản chính");
}

TEST(Model, DuplicateCodeNamesBothFiles) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khac.md"] = testing::procedure("1.001193", "Thủ tục khác", "ho-tich");
  Diagnostics diags;
  load(disk, diags);
  EXPECT_EQ(format_all(diags, Lang::en),
            "procedures/ho-tich/khai-sinh.md:2:7: error: procedure code \"1.001193\" is also used by "
            "procedures/ho-tich/khac.md:2\n"
            "  hint: each procedure has its own code; check both files\n");
}

TEST(Model, SameSlugNamesBothFiles) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/trung.md"] = testing::procedure("9.9", "Đăng ký khai sinh", "ho-tich");
  Diagnostics diags;
  load(disk, diags);
  std::string out = format_all(diags, Lang::en);
  EXPECT_NE(out.find("URL /thu-tuc/dang-ky-khai-sinh/ is also used by procedures/ho-tich/"), std::string::npos) << out;
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(Model, PinnedSlugWinsAndBadSlugIsAnError) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] =
      testing::procedure("1.001193", "Đăng ký khai sinh", "ho-tich", "slug: khai-sinh\n");
  disk.files["procedures/ho-tich/xau.md"] = testing::procedure("1.2", "Xấu", "ho-tich", "slug: ../../etc\n");
  Diagnostics diags;
  Site site = load(disk, diags);
  EXPECT_EQ(site.find_procedure("1.001193")->slug, "khai-sinh");
  EXPECT_EQ(diags.error_count(), 1);
  EXPECT_NE(format_all(diags, Lang::en).find("invalid slug \"../../etc\""), std::string::npos);
}

TEST(Model, UnknownDomainListsTheKnownOnes) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/x.md"] = testing::procedure("1.3", "Thủ tục", "dat-dai");
  Diagnostics diags;
  load(disk, diags);
  EXPECT_EQ(format_all(diags, Lang::en),
            "procedures/x.md:4:9: error: unknown domain \"dat-dai\"\n"
            "  hint: use a domain declared in procedures/domains.yaml: ho-tich, chung-thuc\n");
}

TEST(Model, MissingCodeIsAWarningAndGetsNoShortLink) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/x.md"] =
      "---\nname: Không mã\ndomain: ho-tich\nchannels:\n  - time_limit: 1 ngày\n    fee: 0\n---\n";
  Diagnostics diags;
  Site site = load(disk, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(diags.warning_count(), 1);
}

TEST(Model, PageMayNotTakeAGeneratedSection) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/pages/x.md"] = "---\ntitle: X\nslug: thu-tuc\n---\n";
  Diagnostics diags;
  load(disk, diags);
  EXPECT_NE(format_all(diags, Lang::en).find("the URL /thu-tuc/ is reserved"), std::string::npos);
}

TEST(Model, EveryProblemOfEveryFileIsReportedInOneRun) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/a.md"] = "---\nname: [\n---\n";                     // YAML syntax
  disk.files["procedures/b.md"] = "no front matter\n";                        // fence
  disk.files["procedures/c.md"] = "---\ndomain: ho-tich\n---\n";              // name, channels
  disk.files["procedures/d.md"] = std::string("---\nname: \xFF\n---\n");       // UTF-8
  Diagnostics diags;
  load(disk, diags);
  EXPECT_EQ(diags.error_count(), 5) << format_all(diags, Lang::en);
}

TEST(Urls, RootPrefixClimbsOneLevelPerDirectory) {
  EXPECT_EQ(root_prefix(""), "./");
  EXPECT_EQ(root_prefix("thu-tuc/"), "../");
  EXPECT_EQ(root_prefix("thu-tuc/dang-ky/"), "../../");
}

TEST(Urls, CodesSafeInUrls) {
  EXPECT_TRUE(is_valid_code("1.001193"));
  EXPECT_TRUE(is_valid_code("1.001193.000.00.00.H35"));
  EXPECT_FALSE(is_valid_code("../x"));
  EXPECT_FALSE(is_valid_code("1/2"));
  EXPECT_FALSE(is_valid_code("1 2"));
}

}  // namespace
}  // namespace ck
