#include "print_breaks.h"

#include <gtest/gtest.h>

#include "print_cells.h"

namespace ck {
namespace {

// A label of a sheet's cell, broken as the sheet draws it.
std::string cell_label(const std::string& name) {
  Diagnostics diags;
  std::unique_ptr<PdfDocument> doc = make_pdf_document("Thử", 0, diags);
  EXPECT_TRUE(doc) << "the PDF module could not be loaded";
  return doc ? with_line_breaks(*doc, name, cell_name_style(), kCellWidth - 3) : "";
}

TEST(PrintBreaks, CostsFollowVietnameseWords) {
  EXPECT_EQ(break_cost("giao dịch,", "đã"), 0);  // after punctuation
  EXPECT_EQ(break_cost("văn bản", "(áp"), 0);    // before a parenthesis
  EXPECT_LT(break_cost("người", "của"), break_cost("chứng", "thực"));
  EXPECT_GT(break_cost("Hộ", "tịch"), break_cost("hộ tịch", "Cấp"));
  EXPECT_EQ(break_cost("HỘ", "TỊCH"), break_cost("hộ", "tịch"));  // without case or marks
}

// Greedy breaking gave "Cấp bản sao Trích lục hộ / tịch" and "Giải quyết
// chế / độ mai táng phí": a word's syllables on two lines.
TEST(PrintBreaks, NoLineEndsInsideAWordWhenAnotherBreakExists) {
  for (const std::string name :
       {"Cấp bản sao Trích lục hộ tịch", "Giải quyết chế độ mai táng phí đối với cựu chiến binh",
        "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", "Công nhận hòa giải viên",
        "Thông báo tổ chức lễ hội cấp xã"}) {
    const std::string label = cell_label(name);
    for (std::size_t at = label.find('\n'); at != std::string::npos; at = label.find('\n', at + 1)) {
      const std::size_t before = label.rfind(' ', at - 1);
      const std::size_t after = label.find_first_of(" \n", at + 1);
      const std::string left = label.substr(before == std::string::npos ? 0 : before + 1,
                                            at - (before == std::string::npos ? 0 : before + 1));
      const std::string right =
          label.substr(at + 1, (after == std::string::npos ? label.size() : after) - at - 1);
      EXPECT_LT(break_cost(left, right), 100) << label;
    }
    std::string joined = label;
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    EXPECT_EQ(joined, name);  // words and their order kept
  }
}

TEST(PrintBreaks, ShortNamesAndSingleWordsStayAsTheyAre) {
  EXPECT_EQ(cell_label("Đăng ký kết hôn"), "Đăng ký kết hôn");
  EXPECT_EQ(cell_label("Chứng"), "Chứng");
  EXPECT_EQ(cell_label("a\nb"), "a\nb");  // already broken by hand
}

// An extra line only where it keeps a word whole: names greedy breaking
// does not cut take as many lines as it gives them.
TEST(PrintBreaks, TakesNoMoreLinesThanNeeded) {
  Diagnostics diags;
  std::unique_ptr<PdfDocument> doc = make_pdf_document("Thử", 0, diags);
  ASSERT_TRUE(doc);
  for (const std::string name :
       {"Chứng thực chữ ký trong các giấy tờ, văn bản", "Đăng ký khai tử",
        "Cấp Giấy xác nhận tình trạng hôn nhân", "Công nhận câu lạc bộ thể thao cơ sở"}) {
    const std::string label = with_line_breaks(*doc, name, cell_name_style(), kCellWidth - 3);
    EXPECT_EQ(doc->measure(label, cell_name_style(), kCellWidth - 3),
              doc->measure(name, cell_name_style(), kCellWidth - 3))
        << label;
  }
}

}  // namespace
}  // namespace ck
