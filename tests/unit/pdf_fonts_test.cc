// Documents drawn on several threads at once give the bytes of one drawn
// alone. ctest runs this test a second time with a library that makes cairo
// slow to make a font face (tests/support/slow_font_faces.cc), so that the
// threads' first text meets there: before the fonts were made once per
// process (pdf_fonts.cc), each thread made its own face of Noto Sans Bold,
// and a document embedded the font twice.
#include <gtest/gtest.h>

#include <barrier>
#include <thread>
#include <vector>

#include "pdf.h"

namespace ck {
namespace {

// Bold and regular text at several sizes, as a poster has, and a mark Noto
// Sans lacks, for which pango takes another font, at two sizes.
std::string draw_document() {
  Diagnostics diags;
  std::unique_ptr<PdfDocument> doc = make_pdf_document("Thủ tục", 0, diags);
  if (!doc) return diags.has_errors() ? "module not loaded" : "";
  double y = 10 + doc->text("Đã nộp ✓", {11, false, false, 0}, 10, 10, 180);
  for (double size : {20.0, 9.0, 14.0, 7.0})
    for (bool bold : {true, false})
      y += doc->text("Đăng ký khai sinh Ạ 1.001193", {size, bold, false, 0}, 10, y, 180);
  doc->text("✓", {20, false, false, 0}, 10, y, 180);
  return doc->finish();
}

TEST(PdfFontsTest, DocumentsDrawnTogetherEqualOneDrawnAlone) {
  constexpr int kThreads = 4;
  std::vector<std::string> together(kThreads);
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      together[i] = draw_document();
    });
  for (std::thread& thread : threads) thread.join();

  const std::string alone = draw_document();
  ASSERT_EQ(alone.substr(0, 5), "%PDF-");
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(together[i].size(), alone.size()) << "thread " << i;
    EXPECT_TRUE(together[i] == alone) << "thread " << i;
  }
}

}  // namespace
}  // namespace ck
