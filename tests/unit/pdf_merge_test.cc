#include "pdf_merge.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "pdf.h"

namespace ck {
namespace {

// A document drawn by the PDF module: one page per text, each text drawn
// `y` mm from the top of its page; a page whose text is empty is left blank.
std::string drawn(const std::vector<std::string>& texts, bool contents = false, double y = 20) {
  Diagnostics diags;
  std::unique_ptr<PdfDocument> doc = make_pdf_document("Thử", 0, diags);
  EXPECT_TRUE(doc) << "the PDF module could not be loaded";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) doc->next_page();
    if (contents && i == 0) {
      doc->bookmark("Mục lục");
      doc->begin_link(static_cast<int>(texts.size()));
    }
    if (!texts[i].empty()) doc->text(texts[i], {12, false, false, 0}, 20, y, 150);
    if (contents && i == 0) doc->end_link();
  }
  if (texts.back().empty()) doc->next_page();  // else cairo leaves a blank last page out
  return doc->finish();
}

// What poppler reads from `pdf`: the text of each page without spaces, or
// "error: …".
std::vector<std::string> pages_read(const std::string& pdf) {
  const auto dir = std::filesystem::temp_directory_path() / ("ck-merge-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "merged.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string command = "pdftotext " + file.string() + " - 2>&1";
  std::vector<std::string> pages(1);
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    std::string text;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
    if (::pclose(pipe) != 0) text = "error: " + text;
    pages.clear();
    std::size_t start = 0;
    for (std::size_t feed; (feed = text.find('\f', start)) != std::string::npos; start = feed + 1)
      pages.push_back(text.substr(start, feed - start));
    if (start < text.size()) pages.push_back(text.substr(start));
  }
  std::filesystem::remove_all(dir);
  // Spaces are left out: pdftotext guesses them from the glyphs' places.
  for (std::string& page : pages) std::erase_if(page, [](char c) { return c == ' ' || c == '\n'; });
  return pages;
}

// One place on each of the frame's pages [first, end), not moved.
std::vector<PdfMerge::Place> pages_from(std::size_t first, std::size_t end) {
  std::vector<PdfMerge::Place> places;
  for (std::size_t page = first; page < end; ++page) places.push_back({page, 0});
  return places;
}

// The frame's pages keep their own drawing (here, a footer) and draw a
// part's page under it.
TEST(PdfMerge, PartsAreDrawnOntoTheFramesPagesInOrder) {
  const std::string frame = drawn({"Mục lục", "Chân 2", "Chân 3", "Chân 4"}, true, 250);
  std::optional<PdfMerge> merge = PdfMerge::start(frame, pages_from(1, 4));
  ASSERT_TRUE(merge);
  EXPECT_EQ(merge->places_left(), 3u);
  ASSERT_TRUE(merge->add(drawn({"Hộ tịch trang một", "Hộ tịch trang hai"})));
  EXPECT_EQ(merge->places_left(), 1u);
  ASSERT_TRUE(merge->add(drawn({"Đất đai"})));
  std::optional<std::string> merged = merge->finish();
  ASSERT_TRUE(merged);
  EXPECT_EQ(pages_read(*merged), (std::vector<std::string>{"Mụclục",
                                                           "Hộtịchtrangmột"
                                                           "Chân2",
                                                           "Hộtịchtranghai"
                                                           "Chân3",
                                                           "Đấtđai"
                                                           "Chân4"}));
  // The bookmark points at the first page.
  std::smatch kids, mark;
  ASSERT_TRUE(
      std::regex_search(*merged, kids, std::regex(R"(/Kids \[ (\d+) 0 R \d+ 0 R \d+ 0 R \d+ 0 R \])")));
  ASSERT_TRUE(
      std::regex_search(*merged, mark, std::regex(R"(/Title [^]*?/Parent \d+ 0 R\s*/Dest \[(\d+) 0 R)")));
  EXPECT_EQ(mark[1], kids[1]);
}

TEST(PdfMerge, TheSameFrameAndPartsGiveTheSameBytes) {
  auto merged = [] {
    std::optional<PdfMerge> merge = PdfMerge::start(drawn({"Mục lục", ""}, true), pages_from(1, 2));
    EXPECT_TRUE(merge && merge->add(drawn({"Hộ tịch"})));
    return merge ? merge->finish().value_or("") : std::string();
  };
  const std::string first = merged();
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, merged());
}

TEST(PdfMerge, EachPartsPageBecomesAFormThatItsPlaceDraws) {
  const std::string frame = drawn({"Mục lục", "", "", "", "", "", "", ""}, true);
  std::optional<PdfMerge> merge = PdfMerge::start(frame, pages_from(1, 8));
  ASSERT_TRUE(merge);
  ASSERT_TRUE(merge->add(drawn({"a", "b", "c", "d", "e", "f", "g"})));
  std::optional<std::string> merged = merge->finish();
  ASSERT_TRUE(merged);
  auto count = [](const std::string& pdf, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = pdf.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
  };
  // The frame's eight pages; the part's seven are forms, each drawn by one.
  EXPECT_EQ(count(*merged, "/Type /Page "), 8u);
  EXPECT_EQ(count(*merged, "/Subtype /Form"), 7u);
  EXPECT_EQ(count(*merged, "/CkPart0 Do"), 7u);
  EXPECT_EQ(count(*merged, "q 1 0 0 1 0 0.000 cm"), 7u);  // not moved, and never "-0.000"
  EXPECT_EQ(pages_read(*merged), (std::vector<std::string>{"Mụclục", "a", "b", "c", "d", "e", "f", "g"}));
}

// The booklet packs domains: one frame page draws several parts' pages,
// each moved down to its row's place.
TEST(PdfMerge, APageDrawsSeveralPartsEachWhereItsPlaceMovesIt) {
  const std::string frame = drawn({"Mục lục", "Chân 2"}, true, 250);
  std::optional<PdfMerge> merge = PdfMerge::start(frame, std::vector<PdfMerge::Place>{{1, 300}, {1, 100}});
  ASSERT_TRUE(merge);
  EXPECT_EQ(merge->places_left(), 2u);
  ASSERT_TRUE(merge->add(drawn({"Thứ nhất", "Thứ hai"})));
  std::optional<std::string> merged = merge->finish();
  ASSERT_TRUE(merged);
  // Read top to bottom: the second part's page was moved less far down.
  EXPECT_EQ(pages_read(*merged), (std::vector<std::string>{"Mụclục", "ThứhaiThứnhấtChân2"}));
  EXPECT_NE(merged->find("q 1 0 0 1 0 -300.000 cm /CkPart0 Do Q\nq 1 0 0 1 0 -100.000 cm /CkPart1 Do Q"),
            std::string::npos);
}

TEST(PdfMerge, RefusesPlacesOutOfTheFramesPagesOrOrder) {
  const std::string frame = drawn({"Mục lục", "", ""}, true);
  EXPECT_FALSE(PdfMerge::start(frame, std::vector<PdfMerge::Place>{{3, 0}}));
  EXPECT_FALSE(PdfMerge::start(frame, std::vector<PdfMerge::Place>{{2, 0}, {1, 0}}));
  EXPECT_TRUE(PdfMerge::start(frame, std::vector<PdfMerge::Place>{{1, 0}, {1, 50}, {2, 0}}));
}

TEST(PdfMerge, RefusesWhatItCannotRead) {
  EXPECT_FALSE(PdfMerge::start("", {}));
  EXPECT_FALSE(PdfMerge::start("%PDF-1.5\nnot a document\n", {}));
  const std::string frame = drawn({"Mục lục", ""}, true);
  EXPECT_FALSE(PdfMerge::start(frame, pages_from(1, 3)));  // more places than pages
  std::string cut = frame;
  cut.erase(cut.size() / 2, 40);  // every offset after the cut is wrong
  EXPECT_FALSE(PdfMerge::start(cut, pages_from(1, 2)));
  std::optional<PdfMerge> merge = PdfMerge::start(frame, pages_from(1, 2));
  ASSERT_TRUE(merge);
  EXPECT_FALSE(merge->add(drawn({"a", "b"})));  // one place left, two pages
  EXPECT_FALSE(merge->add("garbage"));
}

TEST(PdfMerge, AnUnfilledPlaceGivesNoDocument) {
  std::optional<PdfMerge> merge = PdfMerge::start(drawn({"Mục lục", "", ""}, true), pages_from(1, 3));
  ASSERT_TRUE(merge);
  ASSERT_TRUE(merge->add(drawn({"a"})));
  EXPECT_FALSE(merge->finish());
}

}  // namespace
}  // namespace ck
