#include "markdown.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

std::string render(const std::string& text, MarkdownOptions options, Diagnostics& diags) {
  return render_markdown({text, {"p.md", 10, 1}}, options, diags);
}

TEST(Markdown, RawHtmlIsShownAsTextAndWarnedOnceAtItsLine) {
  Diagnostics diags;
  std::string html = render("Xin chào\n\n<script>alert(1)</script>\n\nvà <b>đậm</b>\n", {}, diags);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_EQ(format_all(diags, Lang::en),
            "p.md:12:1: warning: raw HTML in the text (3 places) is shown as plain text\n"
            "  hint: use Markdown, or set allow_raw_html: true in content/site.yaml if you really need it\n");
}

TEST(Markdown, RawHtmlPassesWhenTheSiteAllowsIt) {
  Diagnostics diags;
  MarkdownOptions options;
  options.allow_raw_html = true;
  EXPECT_NE(render("a <b>b</b>\n", options, diags).find("<b>b</b>"), std::string::npos);
  EXPECT_EQ(diags.warning_count(), 0);
}

TEST(Markdown, JavascriptLinksAreDropped) {
  Diagnostics diags;
  std::string html = render("[bấm](javascript:alert(1))\n", {}, diags);
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
}

TEST(Markdown, GfmTablesUseStyleNotObsoleteAlign) {
  Diagnostics diags;
  std::string html = render("| Số trang | Phí |\n|---|--:|\n| 1–2 | 2.000 đ |\n", {}, diags);
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td style=\"text-align: right\">2.000 đ</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("align=\""), std::string::npos) << html;
}

TEST(Markdown, HeadingsAreShiftedUnderThePageHeadings) {
  Diagnostics diags;
  MarkdownOptions options;
  options.heading_shift = 1;
  options.min_heading_level = 3;
  std::string html = render("# A\n\n## B\n\n###### C\n", options, diags);
  EXPECT_NE(html.find("<h3>A</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>B</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h6>C</h6>"), std::string::npos) << html;
}

TEST(Markdown, LinksAndImagesGoThroughTheResolverAndMissingOnesAreReportedAtTheirLine) {
  Diagnostics diags;
  MarkdownOptions options;
  options.resolve_link = [](const std::string& url) -> std::optional<std::string> {
    if (url == "/co.pdf") return "../co.pdf";
    if (url.starts_with("https://")) return url;
    return std::nullopt;
  };
  std::string html =
      render("Đoạn một dòng một\nrồi [tệp](/co.pdf) và [web](https://a.vn/)\n\n![ảnh thiếu](/khong.png)\n", options, diags);
  EXPECT_NE(html.find("<a href=\"../co.pdf\">tệp</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"https://a.vn/\""), std::string::npos) << html;
  EXPECT_EQ(format_all(diags, Lang::en),
            "p.md:13: error: file \"/khong.png\" not found\n"
            "  hint: put the file under content/static/ and write its path from the site root, e.g. "
            "/static/tin-tuc/anh.jpg\n");
}

TEST(Markdown, AMissingLinkOnTheSecondLineOfAParagraphIsReportedThere) {
  Diagnostics diags;
  MarkdownOptions options;
  options.resolve_link = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  render("Dòng một\nDòng hai [x](/x/)\n", options, diags);
  ASSERT_EQ(diags.sorted().size(), 1u);
  EXPECT_EQ(diags.sorted()[0].pos.line, 11);
}

}  // namespace
}  // namespace ck
