// The booklet drawn in parts: a rebuild draws only the parts whose codes
// changed, and gives the bytes a build without kept parts gives.
#include <gtest/gtest.h>

#include <barrier>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "kept_file.h"
#include "load.h"
#include "print.h"
#include "qr_codes.h"
#include "test_site.h"
#include "theme.h"

namespace ck {
namespace {

namespace fs = std::filesystem;

// Enough procedures in one domain for several parts of the booklet (about
// 20 codes to a page, 24 pages to a part), and two in another.
MemoryDisk big_site(const std::string& renamed = "") {
  MemoryDisk disk = testing::small_site();
  testing::add_numbered_procedures(disk, "ho-tich", "Thủ tục hộ tịch số", 1100, 1050, renamed);
  return disk;
}

class BookletTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ck-booklet-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    RealDisk real;
    theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags_);
    ASSERT_TRUE(theme_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The booklet of `disk`'s site, drawn with the parts kept in `kept` (none
  // when null); or, with `sheet`, the sheet of that domain.
  // `diags`: the job's own, when jobs run on several threads.
  std::string booklet(MemoryDisk disk, KeptEntries* kept, const std::string& sheet = "",
                      Diagnostics* diags = nullptr) {
    Diagnostics& d = diags ? *diags : diags_;
    Site site = build_model(load_sources({}, disk, d), d);
    EXPECT_FALSE(d.has_errors());
    RenderContext ctx(site, *theme_, {}, nullptr, kept);
    const Domain* domain = site.find_domain(sheet);
    OutputFile file = domain ? render_sheet_pdf(ctx, *domain, d) : render_booklet_pdf(ctx, d);
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ(file.bytes.substr(0, 5), "%PDF-");
    return file.bytes;
  }

  std::string kept_path() const { return (dir_ / "kept").string(); }

  fs::path dir_;
  Diagnostics diags_;
  std::optional<Theme> theme_;
};

TEST_F(BookletTest, ARenameRedrawsOnePartAndGivesTheBytesOfAFreshDrawing) {
  std::size_t first_added = 0;
  {
    KeptEntries kept(kept_path(), print_parts_header(1));
    std::string first = booklet(big_site(), &kept);
    ASSERT_EQ(first.substr(0, 5), "%PDF-");
    EXPECT_EQ(first, booklet(big_site(), nullptr));
    first_added = kept.added();
    ASSERT_TRUE(kept.save());
  }
  // The frame, each domain's heights (a record of its cells, and its
  // layout's), and the parts: several for the large domain, one for the small.
  EXPECT_GE(first_added, 1u + 4u + 3u);
  {
    KeptEntries kept(kept_path(), print_parts_header(1));
    EXPECT_EQ(booklet(big_site(" (đã sửa)"), &kept), booklet(big_site(" (đã sửa)"), nullptr));
    // The renamed procedure's part, and its domain's heights: the record of
    // each cell, and the layout's.
    EXPECT_EQ(kept.added(), 3u);
    ASSERT_TRUE(kept.save());
  }
  KeptEntries unchanged(kept_path(), print_parts_header(1));
  booklet(big_site(" (đã sửa)"), &unchanged);
  EXPECT_EQ(unchanged.added(), 0u);
}

// The number of pages a PDF's page tree counts.
std::string page_count(const std::string& pdf) {
  std::smatch count;
  std::regex_search(pdf, count, std::regex(R"(/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+))"));
  return count.empty() ? "none" : count[1].str();
}

// Rewrites the kept file at `path`, each kept PDF replaced by `bytes`.
void replace_kept_pdfs(const std::string& path, const std::string& header, const std::string& bytes) {
  std::string file = *RealDisk().read_file(path, nullptr);
  std::string_view rest(file);
  ASSERT_TRUE(rest.starts_with(header));
  rest = rest.substr(header.size(), rest.size() - header.size() - sizeof(std::uint64_t));
  auto counted = [&rest] {
    std::uint32_t size = 0;
    std::memcpy(&size, rest.data(), sizeof size);
    std::string_view taken = rest.substr(sizeof size, size);
    rest.remove_prefix(sizeof size + size);
    return taken;
  };
  KeptFile::Writer writer(path, header);
  while (!rest.empty()) {
    std::string_view key = counted();
    std::string_view value = counted();
    writer.add(key, value.starts_with("%PDF") ? bytes : value);
  }
  ASSERT_TRUE(writer.save());
}

TEST_F(BookletTest, PartsThatCannotBeMergedAreDrawnWhole) {
  std::string merged;
  {
    KeptEntries kept(kept_path(), print_parts_header(1));
    merged = booklet(big_site(), &kept);
    ASSERT_TRUE(kept.save());
  }
  replace_kept_pdfs(kept_path(), print_parts_header(1), "not a PDF");
  KeptEntries broken(kept_path(), print_parts_header(1));
  const std::string whole = booklet(big_site(), &broken);
  EXPECT_NE(whole, merged);
  EXPECT_EQ(page_count(whole), page_count(merged));
  EXPECT_NE(page_count(whole), "none");
}

TEST_F(BookletTest, ADomainsSheetIsRedrawnInPartsToo) {
  {
    KeptEntries kept(kept_path(), print_parts_header(1));
    EXPECT_EQ(booklet(big_site(), &kept, "ho-tich"), booklet(big_site(), nullptr, "ho-tich"));
    ASSERT_TRUE(kept.save());
  }
  KeptEntries kept(kept_path(), print_parts_header(1));
  EXPECT_EQ(booklet(big_site(" (đã sửa)"), &kept, "ho-tich"),
            booklet(big_site(" (đã sửa)"), nullptr, "ho-tich"));
  EXPECT_EQ(kept.added(), 3u);  // the renamed procedure's part, and the domain's heights (two records)
}

// The booklet and a domain's sheet draw the same parts, the sheet's page
// numbers being the frame's: a part is drawn once for both, even when the
// two are made at the same time on two threads.
TEST_F(BookletTest, TheBookletAndADomainsSheetDrawTheirPartsOnce) {
  const std::string booklet_alone = booklet(big_site(), nullptr);
  const std::string sheet_alone = booklet(big_site(), nullptr, "ho-tich");
  std::size_t booklet_added = 0;
  {
    KeptEntries kept(kept_path() + "-booklet", print_parts_header(1));
    booklet(big_site(), &kept);
    booklet_added = kept.added();
  }
  KeptEntries kept(kept_path(), print_parts_header(1));
  std::string together[2];
  Diagnostics diags[2];
  std::barrier start(2);
  std::thread sheet_job([&] {
    start.arrive_and_wait();
    together[1] = booklet(big_site(), &kept, "ho-tich", &diags[1]);
  });
  start.arrive_and_wait();
  together[0] = booklet(big_site(), &kept, "", &diags[0]);
  sheet_job.join();
  EXPECT_EQ(together[0], booklet_alone);
  EXPECT_EQ(together[1], sheet_alone);
  EXPECT_EQ(kept.added(), booklet_added + 1);  // the sheet's frame; its parts are the booklet's
}

TEST_F(BookletTest, KeptPartsOfAnotherExecutableOrDamagedAreNotUsed) {
  {
    KeptEntries kept(kept_path(), print_parts_header(1));
    booklet(big_site(), &kept);
    ASSERT_TRUE(kept.save());
  }
  KeptEntries other(kept_path(), print_parts_header(2));
  const std::string fresh = booklet(big_site(), nullptr);
  EXPECT_EQ(booklet(big_site(), &other), fresh);
  EXPECT_GE(other.added(), 6u);

  std::string bytes = *RealDisk().read_file(kept_path(), nullptr);
  bytes[bytes.size() / 2] ^= 1;
  { std::ofstream(kept_path(), std::ios::binary | std::ios::trunc) << bytes; }
  KeptEntries damaged(kept_path(), print_parts_header(1));
  EXPECT_EQ(booklet(big_site(), &damaged), fresh);
  EXPECT_GE(damaged.added(), 6u);
}

}  // namespace
}  // namespace ck
