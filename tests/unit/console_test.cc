// Terminal output: colours only where asked, quiet mode keeps errors, the
// summary speaks Vietnamese with a decimal comma.
#include "console.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

Diagnostics two_problems() {
  Diagnostics diags;
  diags.error({"procedures/a.md", 3, 7}, {"lỗi A", "error A"}, {"gợi ý A", "hint A"});
  diags.warning({"content/b.md", 2, 0}, {"cảnh báo B", "warning B"});
  return diags;
}

TEST(Console, PlainWithoutColour) {
  Console console{Lang::vi, false, false, false};
  EXPECT_EQ(format_for_console(two_problems(), console), format_all(two_problems(), Lang::vi));
}

TEST(Console, ColoursErrorRedWarningYellowPlaceBold) {
  Console console{Lang::en, false, true, false};
  std::string out = format_for_console(two_problems(), console);
  EXPECT_NE(out.find("\033[1mprocedures/a.md:3:7\033[0m: \033[31merror\033[0m: error A"), std::string::npos);
  EXPECT_NE(out.find("\033[1mcontent/b.md:2\033[0m: \033[33mwarning\033[0m: warning B"), std::string::npos);
}

TEST(Console, QuietKeepsOnlyErrors) {
  Console console{Lang::vi, true, false, false};
  std::string out = format_for_console(two_problems(), console);
  EXPECT_NE(out.find("lỗi A"), std::string::npos);
  EXPECT_EQ(out.find("cảnh báo B"), std::string::npos);
}

TEST(Console, SummaryIsOneLine) {
  BuildReport report;
  report.pages = 187;
  report.files = 190;
  report.written = 3;
  report.seconds = 0.4231;
  std::string vi = build_summary(report, Diagnostics{}, "output", Lang::vi);
  EXPECT_TRUE(vi.starts_with("Đã tạo 187 trang trong 0,42 giây")) << vi;
  EXPECT_EQ(vi.find('\n'), vi.size() - 1);
  EXPECT_TRUE(
      build_summary(report, Diagnostics{}, "output", Lang::en).starts_with("Built 187 pages in 0.42 s"));
}

}  // namespace
}  // namespace ck
