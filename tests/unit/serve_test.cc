// The preview server's pure parts: which file a request names (never one
// outside the site), content types, the reload script and the error page.
#include "serve.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace ck {
namespace {

class SitePathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ck-serve-test-XXXXXX").string();
    base_ = mkdtemp(pattern.data());
    root_ = base_ + "/site";
    fs::create_directories(root_ + "/thu-tuc/khai-sinh");
    write(root_ + "/index.html", "home");
    write(root_ + "/thu-tuc/khai-sinh/index.html", "page");
    write(root_ + "/assets/site.css", "css");
    write(root_ + "/.congkhai-output", "marker");
    write(base_ + "/secret.txt", "secret");
    fs::create_symlink(base_ + "/secret.txt", root_ + "/leak.txt");
    fs::create_symlink(base_, root_ + "/outside");
    fs::create_symlink(root_ + "/index.html", root_ + "/inside.html");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void write(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
  }
  std::string real(const std::string& path) { return fs::canonical(path).string(); }

  std::string base_, root_;
};

TEST_F(SitePathTest, ServesFilesAndDirectoryIndexes) {
  EXPECT_EQ(resolve_site_path(root_, "/"), real(root_ + "/index.html"));
  EXPECT_EQ(resolve_site_path(root_, "/thu-tuc/khai-sinh/"), real(root_ + "/thu-tuc/khai-sinh/index.html"));
  EXPECT_EQ(resolve_site_path(root_, "/thu-tuc/khai-sinh"), real(root_ + "/thu-tuc/khai-sinh/index.html"));
  EXPECT_EQ(resolve_site_path(root_, "/assets/site.css?v=2"), real(root_ + "/assets/site.css"));
  EXPECT_EQ(resolve_site_path(root_, "/thu-tuc/kh%61i-sinh/"), real(root_ + "/thu-tuc/khai-sinh/index.html"));
  EXPECT_EQ(resolve_site_path(root_, "/inside.html"), real(root_ + "/index.html"));  // a link inside is fine
}

TEST_F(SitePathTest, RefusesEverythingOutsideTheSite) {
  for (std::string path : {"/../secret.txt",
                           "/thu-tuc/../../secret.txt",
                           "/%2e%2e/secret.txt",
                           "/%2E%2E/secret.txt",
                           "/%2e%2e%2fsecret.txt",
                           "/..%2Fsecret.txt",
                           "//secret.txt",
                           "secret.txt",
                           "/leak.txt",
                           "/outside/secret.txt",
                           "/outside/",
                           "/index.html%00",
                           "/%00",
                           "/..%5csecret.txt",
                           "/a\\..\\secret.txt",
                           "/.congkhai-output",
                           "/./index.html",
                           "/%zz",
                           "/%2",
                           "/nope.html"})
    EXPECT_EQ(resolve_site_path(root_, path), std::nullopt) << path;
  std::string absolute = base_ + "/secret.txt";
  EXPECT_EQ(resolve_site_path(root_, absolute), std::nullopt);
  EXPECT_EQ(resolve_site_path(root_, "/" + absolute), std::nullopt);
  EXPECT_EQ(resolve_site_path(root_, "http://127.0.0.1/../secret.txt"), std::nullopt);
}

TEST_F(SitePathTest, DecodesOnlyOnce) {
  // "%252e%252e" decodes to the literal name "%2e%2e", a folder inside the
  // site; decoding twice would give "..", the folder outside.
  write(root_ + "/%2e%2e/x.txt", "inside");
  write(base_ + "/x.txt", "outside");
  EXPECT_EQ(resolve_site_path(root_, "/%252e%252e/x.txt"), real(root_ + "/%2e%2e/x.txt"));
}

TEST(ContentType, KnowsTheSiteFileTypes) {
  EXPECT_EQ(content_type_for("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("qr.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("to-khai.PDF"), "application/pdf");
  EXPECT_EQ(content_type_for("search.json"), "application/json");
  EXPECT_EQ(content_type_for("ket-qua.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(content_type_for("sitemap.xml"), "application/xml");
  EXPECT_EQ(content_type_for("site.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("search.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("logo.png"), "image/png");
  EXPECT_EQ(content_type_for("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("unknown.bin"), "application/octet-stream");
}

TEST(ReloadScript, GoesBeforeTheEndOfBody) {
  std::string html = inject_reload_script("<html><body><p>x</p></body></html>", 7);
  EXPECT_NE(html.find("var v=\"7\""), std::string::npos);
  EXPECT_LT(html.find("<script>"), html.find("</body>"));
  EXPECT_TRUE(html.ends_with("</body></html>"));
}

TEST(ErrorPage, ListsEveryProblemEscaped) {
  Diagnostics diags;
  diags.error({"procedures/a.md", 3, 7}, {"lĩnh vực \"<b>\" không có", "no domain \"<b>\""},
              {"xem domains.yaml & sửa", "see domains.yaml & fix"});
  diags.warning({"content/pages/b.md", 2, 1}, {"cảnh báo", "warning"});
  std::string page = error_page(diags, "", Lang::vi, 4);
  EXPECT_NE(page.find("procedures/a.md:3:7"), std::string::npos);
  EXPECT_NE(page.find("content/pages/b.md:2:1"), std::string::npos);
  EXPECT_NE(page.find("&quot;&lt;b&gt;&quot;"), std::string::npos);
  EXPECT_NE(page.find("domains.yaml &amp; sửa"), std::string::npos);
  EXPECT_EQ(page.find("\"<b>\""), std::string::npos);
  EXPECT_NE(page.find("var v=\"4\""), std::string::npos);  // the error page reloads too
  EXPECT_NE(error_page(diags, "", Lang::en, 4).find("see domains.yaml &amp; fix"), std::string::npos);
}

}  // namespace
}  // namespace ck
