// The heights of a sheet's cells: measured once for the booklet and the
// domain's sheet, and not again in a rebuild for cells that show the same.
#include "print_cells.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <thread>

#include "load.h"
#include "print.h"
#include "test_site.h"
#include "theme.h"

namespace ck {
namespace {

namespace fs = std::filesystem;

// Counts the texts measured; draws nothing.
class CountingDocument : public PdfDocument {
 public:
  explicit CountingDocument(std::atomic<int>& measured) : measured_(measured) {}
  double measure(std::string_view text, const PdfTextStyle&, double) override {
    ++measured_;
    return 3 + static_cast<double>(text.size() % 7);
  }
  double width(std::string_view text, const PdfTextStyle&) override { return static_cast<double>(text.size()); }
  double text(std::string_view, const PdfTextStyle&, double, double, double) override { return 0; }
  void qr(const QrMatrix&, double, double, double) override {}
  void line(double, double, double, double, double) override {}
  void bookmark(const std::string&) override {}
  void begin_link(int) override {}
  void end_link() override {}
  void next_page() override {}
  int page() const override { return 1; }
  std::string finish() override { return {}; }

 private:
  std::atomic<int>& measured_;
};

constexpr int kCells = 30;

// The small site's ho-tich domain with kCells codes in all.
MemoryDisk site_with_cells(const std::string& renamed = "") {
  MemoryDisk disk = testing::small_site();
  testing::add_numbered_procedures(disk, "ho-tich", "Thủ tục số", kCells - 1, 7, renamed);
  return disk;
}

class PrintCellsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ck-cells-" + std::to_string(::getpid()));
    fs::remove_all(dir_);  // a run that crashed may have left it
    fs::create_directories(dir_);
    kept_path_ = (dir_ / "kept").string();
    RealDisk real;
    theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags_);
    ASSERT_TRUE(theme_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Lays out the ho-tich domain's cells `jobs` times at once, as the booklet
  // and the sheet do, each job with its own document; returns the heights of
  // each and how many texts were measured in all.
  std::pair<std::vector<std::vector<double>>, int> lay_out(const MemoryDisk& disk, KeptEntries* kept,
                                                           int jobs) {
    Site site = build_model(load_sources({}, disk, diags_), diags_);
    EXPECT_FALSE(diags_.has_errors());
    RenderContext ctx(site, *theme_, {}, nullptr, kept);
    const Domain& domain = *site.find_domain("ho-tich");
    const std::vector<const Procedure*> procedures = coded_procedures(site, domain);
    EXPECT_EQ(procedures.size(), static_cast<std::size_t>(kCells));
    std::atomic<int> measured{0};
    std::vector<std::vector<double>> heights(static_cast<std::size_t>(jobs));
    std::barrier start(jobs);
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j)
      threads.emplace_back([&, j] {
        CountingDocument doc(measured);
        start.arrive_and_wait();
        heights[static_cast<std::size_t>(j)] =
            cell_heights(doc, ctx, domain, procedures, kept).value_or(std::vector<double>{});
      });
    for (std::thread& t : threads) t.join();
    return {heights, measured.load()};
  }

  fs::path dir_;
  std::string kept_path_;
  Diagnostics diags_;
  std::optional<Theme> theme_;
};

TEST_F(PrintCellsTest, TheBookletAndTheSheetMeasureADomainsCellsOnce) {
  auto [alone, alone_measured] = lay_out(site_with_cells(), nullptr, 1);
  EXPECT_EQ(alone_measured, 2 * kCells);  // a name and a code line each
  ASSERT_EQ(alone[0].size(), static_cast<std::size_t>(kCells));
  KeptEntries kept(kept_path_, print_parts_header(1));
  auto [together, measured] = lay_out(site_with_cells(), &kept, 2);
  EXPECT_EQ(measured, 2 * kCells);
  EXPECT_EQ(together[0], alone[0]);
  EXPECT_EQ(together[1], alone[0]);
}

TEST_F(PrintCellsTest, ARebuildMeasuresOnlyTheCellsThatChanged) {
  auto lay_out_kept = [&](const MemoryDisk& disk) {
    KeptEntries kept(kept_path_, print_parts_header(1));
    auto [heights, measured] = lay_out(disk, &kept, 2);
    EXPECT_EQ(heights[0], heights[1]);
    EXPECT_TRUE(kept.save());
    return std::pair{heights[0], measured};
  };
  EXPECT_EQ(lay_out_kept(site_with_cells()).second, 2 * kCells);
  // Nothing changed: the heights are the earlier build's, and so is the
  // record of each cell that the next change needs.
  EXPECT_EQ(lay_out_kept(site_with_cells()).second, 0);
  auto [renamed, measured] = lay_out_kept(site_with_cells(" (đã sửa)"));
  EXPECT_EQ(measured, 2);
  EXPECT_EQ(renamed, lay_out(site_with_cells(" (đã sửa)"), nullptr, 1).first[0]);
}

}  // namespace
}  // namespace ck
