#include "procedure_cache.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "load.h"
#include "test_site.h"

namespace ck {
namespace {

// Details with every member set to something other than its default.
ProcedureDetails full_details() {
  ProcedureDetails d;
  d.summary = "Tóm tắt";
  d.applicants = {"Cha", "Mẹ"};
  d.agency = {"UBND xã", "Chủ tịch", "Công an"};
  d.submit_at = "Bộ phận Một cửa";
  d.channels = {{ChannelKind::online, "Trong ngày", "Miễn phí", "ghi chú"}};
  d.documents = {{"Trường hợp 1", {{"Tờ khai", 1, 2, "static/to-khai.pdf", "mẫu", {"a.md", 20, 9}}}}};
  d.result = "Giấy khai sinh";
  d.conditions = {"Điều kiện"};
  d.legal_basis = {{"123/2015/NĐ-CP", "Nghị định", "Chính phủ", Date{2015, 11, 15}}};
  d.body = {"1. Nộp hồ sơ.\n", {"a.md", 30, 1}};
  return d;
}

// A procedure with every member set to something other than its default.
Procedure full_procedure() {
  Procedure p;
  p.source = {"procedures/ho-tich/a.md", 1, 1};
  p.at = {{2, 7}, {3, 7}, {4, 9}, {5, 7}};
  p.code = "1.001193";
  p.name = "Đăng ký khai sinh";
  p.domain = "ho-tich";
  p.slug = "dang-ky-khai-sinh";
  p.level = "Cấp xã";
  p.type = "TTHC";
  p.online = OnlineService::full;
  p.online_url = "https://dichvucong.gov.vn/x";
  p.time_limit = "Trong ngày";
  p.fee = "Miễn phí";
  p.site_forms = {{"/static/to-khai.pdf", {20, 9}}};
  p.keywords = {"khai sinh"};
  p.related = {"1.000894"};
  p.qr_encode = QrTarget::online_url;
  p.qr_encode_at = {12, 12};
  p.online_url_at = {11, 13};
  p.source_hash = 0x1234;
  p.checklist_hash = 0x5678;
  p.details = encode_details(full_details());
  return p;
}

// The cache as the next build reads it: its entries and details serialized
// and parsed again.
ProcedureCache reparsed(ProcedureCache& cache, std::uint64_t tool_key = 7) {
  auto [entries, details] = cache.serialize(tool_key);
  return ProcedureCache::parse(std::move(entries), std::move(details), tool_key);
}

TEST(ProcedureCacheTest, EveryMemberSurvivesTheRoundTrip) {
  ProcedureCache cache;
  Diagnostic warning{Severity::warning, {"a.md", 8, 3}, {"cảnh báo", "warning"}, {"gợi ý", "hint"}};
  cache.put("a.md", 10, full_procedure(), {warning});
  cache.put("broken.md", 1, std::nullopt, {});
  ProcedureCache again = reparsed(cache);
  ASSERT_EQ(again.size(), 2u);
  // Written again from its stored bytes, the cache is the same.
  EXPECT_EQ(again.serialize(7), cache.serialize(7));
  auto entry = again.take("a.md", 10);
  ASSERT_TRUE(entry);
  EXPECT_TRUE(entry->procedure == full_procedure());
  ASSERT_EQ(entry->messages.size(), 1u);
  EXPECT_TRUE(entry->messages.front() == warning);
  auto broken = again.take("broken.md", 1);
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->procedure);
  again = ProcedureCache();  // the details stay readable: the procedure shares the cache's bytes
  EXPECT_TRUE(decode_details(entry->procedure->details) == full_details());
}

// The model shares the details the cache put, so a clean build does not
// hold every procedure's details twice.
TEST(ProcedureCacheTest, PutGivesTheDetailsAsStoredAndTheyOutliveTheCache) {
  StoredDetails shared;
  {
    ProcedureCache cache;
    shared = cache.put("a.md", 10, full_procedure(), {});
    EXPECT_TRUE(shared == full_procedure().details);
    EXPECT_TRUE(cache.put("broken.md", 1, std::nullopt, {}) == StoredDetails());
  }
  EXPECT_TRUE(decode_details(shared) == full_details());
}

TEST(ProcedureCacheTest, OtherBytesOrAnotherExecutableMissTheCache) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  const auto [entries, details] = cache.serialize(7);
  EXPECT_FALSE(ProcedureCache::parse(entries, details, 7).take("a.md", 11)) << "other bytes";
  EXPECT_FALSE(ProcedureCache::parse(entries, details, 7).take("b.md", 10)) << "another file";
  EXPECT_TRUE(ProcedureCache::parse(entries, details, 7).take("a.md", 10));
  EXPECT_EQ(ProcedureCache::parse(entries, details, 8).size(), 0u) << "another executable";
  EXPECT_EQ(ProcedureCache::parse(entries, cache.serialize(8).second, 7).size(), 0u)
      << "another cache's details";
}

TEST(ProcedureCacheTest, DamagedBytesLoseOnlyTheDamagedTail) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  const auto [one, one_details] = cache.serialize(7);
  cache.put("b.md", 20, full_procedure(), {});
  const auto [two, two_details] = cache.serialize(7);
  for (std::size_t cut : {std::size_t{0}, std::size_t{30}, one.size() / 2, one.size() - 1})
    EXPECT_EQ(ProcedureCache::parse(one.substr(0, cut), one_details, 7).size(), 0u) << "cut at " << cut;
  ProcedureCache cut = ProcedureCache::parse(two.substr(0, two.size() - 1), two_details, 7);
  EXPECT_EQ(cut.size(), 1u);
  EXPECT_TRUE(cut.take("a.md", 10));
  std::string huge_length = one;
  huge_length[one.find("a.md") + 4 + 7] = '\x7f';  // the high byte of the entry's length
  EXPECT_EQ(ProcedureCache::parse(huge_length, one_details, 7).size(), 0u);
  EXPECT_FALSE(ProcedureCache::parse(two, one_details, 7).take("b.md", 20)) << "details past the end";
}

class ProcedureCacheFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("ck-cache-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    files_ = {path_, path_ + "-details"};
  }
  void TearDown() override {
    for (const std::string& path : {files_.entries, files_.details}) {
      std::filesystem::remove(path);
      std::filesystem::remove(path + ".new");
    }
  }
  // Reads the file, takes every entry as a build would, puts `edited` anew
  // and saves; returns the file's size.
  std::uintmax_t rebuild(const std::string& edited, std::uint64_t content) {
    ProcedureCache cache = ProcedureCache::read_file(files_, 7);
    cache.begin_writing(files_, 7);
    for (const char* path : {"a.md", "b.md", "c.md"}) cache.take(path, path == edited ? content - 1 : 1);
    Procedure p = full_procedure();
    p.name = "Sửa lần " + std::to_string(content);
    cache.put(edited, content, p, {});
    cache.forget_unused();
    EXPECT_TRUE(cache.write_file(files_, 7));
    return std::filesystem::file_size(path_);
  }

  std::string path_;  // of the entries
  CacheFiles files_;
};

// A rebuild after one edit appends that entry instead of writing the whole
// cache again; once replaced entries would be more than half the file, it
// is written anew.
TEST_F(ProcedureCacheFileTest, AnEditIsAppendedUntilHalfTheFileIsReplacedEntries) {
  ProcedureCache cache;
  for (const char* path : {"a.md", "b.md", "c.md"}) cache.put(path, 1, full_procedure(), {});
  ASSERT_TRUE(cache.write_file(files_, 7));
  const std::uintmax_t whole = std::filesystem::file_size(path_);
  const std::uintmax_t appended = rebuild("b.md", 2);
  EXPECT_GT(appended, whole);
  EXPECT_LT(appended, whole * 3 / 2) << "one entry of three added";
  ProcedureCache read = ProcedureCache::read_file(files_, 7);
  EXPECT_EQ(read.size(), 3u);
  auto b = read.take("b.md", 2);
  ASSERT_TRUE(b && b->procedure);
  EXPECT_EQ(b->procedure->name, "Sửa lần 2") << "the later entry wins";
  EXPECT_TRUE(read.take("a.md", 1));

  std::uintmax_t size = appended;
  for (std::uint64_t content = 3; size >= appended; ++content) {
    size = rebuild("b.md", content);
    ASSERT_LT(content, 10u) << "never written anew";
  }
  EXPECT_NEAR(static_cast<double>(size), static_cast<double>(whole), 64)
      << "written anew: three entries again";
  ProcedureCache rewritten = ProcedureCache::read_file(files_, 7);
  EXPECT_EQ(rewritten.size(), 3u);
  EXPECT_TRUE(rewritten.take("c.md", 1));
}

TEST_F(ProcedureCacheFileTest, ACutShortFileIsWrittenAnew) {
  ProcedureCache cache;
  for (const char* path : {"a.md", "b.md", "c.md"}) cache.put(path, 1, full_procedure(), {});
  ASSERT_TRUE(cache.write_file(files_, 7));
  const std::uintmax_t whole = std::filesystem::file_size(path_);
  std::filesystem::resize_file(path_, whole - 1);  // c.md's entry cut short
  EXPECT_EQ(ProcedureCache::read_file(files_, 7).size(), 2u);
  ProcedureCache read = ProcedureCache::read_file(files_, 7);
  for (const char* path : {"a.md", "b.md"}) read.take(path, 1);
  read.put("c.md", 1, full_procedure(), {});
  ASSERT_TRUE(read.write_file(files_, 7));
  EXPECT_EQ(std::filesystem::file_size(path_), whole);
  EXPECT_EQ(ProcedureCache::read_file(files_, 7).size(), 3u);
}

// Details are left in their file, and each page reads back its own. Bytes
// changed under a build are unreadable, not another procedure's; a details
// file of another pair is not read at all.
TEST_F(ProcedureCacheFileTest, DetailsStayInTheirFileAndAreReadBackByTheirPage) {
  ProcedureCache cache;
  for (const char* path : {"b.md", "a.md", "c.md"}) {
    Procedure p = full_procedure();
    ProcedureDetails d = full_details();
    d.summary = std::string("Tóm tắt của ") + path;
    p.details = encode_details(d);
    cache.put(path, 1, p, {});
  }
  ASSERT_TRUE(cache.write_file(files_, 7));
  ProcedureCache read = ProcedureCache::read_file(files_, 7);
  std::vector<StoredDetails> taken;
  for (const char* path : {"a.md", "b.md", "c.md"}) {
    auto entry = read.take(path, 1);
    ASSERT_TRUE(entry && entry->procedure);
    taken.push_back(entry->procedure->details);
    EXPECT_TRUE(taken.back().in_file());
    std::optional<ProcedureDetails> d = decode_details(taken.back());
    ASSERT_TRUE(d);
    EXPECT_EQ(d->summary, std::string("Tóm tắt của ") + path);
  }
  const std::string details = files_.details;
  std::filesystem::copy_file(details, details + ".kept");
  const std::string blank(std::filesystem::file_size(details), 'x');
  std::fstream(details, std::ios::in | std::ios::out | std::ios::binary).write(blank.data(), blank.size());
  EXPECT_FALSE(decode_details(taken[0])) << "changed under the build";

  std::filesystem::rename(details + ".kept", details);
  ProcedureCache other;
  other.put("a.md", 1, full_procedure(), {});
  ASSERT_TRUE(other.write_file({path_ + "-other", details + "-other"}, 7));
  std::filesystem::rename(details + "-other", details);
  std::filesystem::remove(path_ + "-other");
  EXPECT_EQ(ProcedureCache::read_file(files_, 7).size(), 0u) << "another pair's details";
}

// A build writes each entry it puts at once, and its details are read back
// from there; the save completes the file.
TEST_F(ProcedureCacheFileTest, PutsWriteTheirEntriesAtOnceAndTheSaveCompletesTheFile) {
  auto put = [](ProcedureCache& cache, const std::string& path, std::uint64_t content) {
    Procedure p = full_procedure();
    p.source.file = path;
    ProcedureDetails d = full_details();
    d.summary = "Tóm tắt " + std::to_string(content);
    p.details = encode_details(d);
    return cache.put(path, content, p, {});
  };
  auto summary = [](const StoredDetails& details) {
    std::optional<ProcedureDetails> d = decode_details(details);
    return d ? d->summary : "(unreadable)";
  };
  auto takes = [&](const char* path, std::uint64_t content) {
    return ProcedureCache::read_file(files_, 7).take(path, content).has_value();
  };
  ProcedureCache clean;
  clean.begin_writing(files_, 7);
  std::vector<StoredDetails> details;
  for (const char* path : {"a.md", "b.md", "c.md"}) details.push_back(put(clean, path, 1));
  EXPECT_GT(std::filesystem::file_size(files_.entries + ".new"), 3 * 100u) << "written before the save";
  EXPECT_GT(std::filesystem::file_size(files_.details + ".new"), 3 * 100u);
  EXPECT_FALSE(std::filesystem::exists(path_));
  ASSERT_TRUE(clean.write_file(files_, 7));
  EXPECT_FALSE(std::filesystem::exists(files_.entries + ".new") ||
               std::filesystem::exists(files_.details + ".new"));
  EXPECT_TRUE(takes("a.md", 1) && takes("b.md", 1) && takes("c.md", 1));
  for (const StoredDetails& d : details) {
    EXPECT_TRUE(d.in_file());
    EXPECT_EQ(summary(d), "Tóm tắt 1");
  }

  // A rebuild adds to the file it read.
  const std::uintmax_t whole = std::filesystem::file_size(path_);
  const std::uintmax_t whole_details = std::filesystem::file_size(files_.details);
  ProcedureCache again = ProcedureCache::read_file(files_, 7);
  again.begin_writing(files_, 7);
  ASSERT_TRUE(again.take("a.md", 1) && again.take("b.md", 1));
  const StoredDetails edited = put(again, "c.md", 2);
  EXPECT_GT(std::filesystem::file_size(path_), whole) << "added before the save";
  EXPECT_GT(std::filesystem::file_size(files_.details), whole_details);
  again.forget_unused();
  ASSERT_TRUE(again.write_file(files_, 7));
  EXPECT_EQ(summary(edited), "Tóm tắt 2");
  EXPECT_TRUE(takes("c.md", 2) && !takes("c.md", 1)) << "the later entry wins";

  // A file that ends cut short is not added to: a new one takes its place,
  // with the entries taken from it.
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) - 1);
  ProcedureCache repaired = ProcedureCache::read_file(files_, 7);
  repaired.begin_writing(files_, 7);
  ASSERT_TRUE(repaired.take("a.md", 1) && repaired.take("b.md", 1));
  put(repaired, "c.md", 3);
  repaired.forget_unused();
  ASSERT_TRUE(repaired.write_file(files_, 7));
  EXPECT_TRUE(takes("a.md", 1) && takes("b.md", 1) && takes("c.md", 3));
  EXPECT_EQ(ProcedureCache::read_file(files_, 7).size(), 3u);
  EXPECT_EQ(summary(edited), "Tóm tắt 2") << "details put earlier stay readable in the file replaced";
}

// Entries are decoded only when taken: a damaged one is a miss, and the
// others are still found.
TEST(ProcedureCacheTest, ADamagedEntryIsAMissAndTheOthersAreFound) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  cache.put("b.md", 20, full_procedure(), {});
  auto [bytes, details] = cache.serialize(7);
  const std::size_t a_name = bytes.find(full_procedure().name);
  ASSERT_NE(a_name, std::string::npos);
  bytes[a_name - 8] = '\x7f';  // the length of a.md's first name, now past the entry's end
  ProcedureCache damaged = ProcedureCache::parse(bytes, details, 7);
  EXPECT_EQ(damaged.size(), 2u);
  EXPECT_FALSE(damaged.take("a.md", 10));
  EXPECT_TRUE(damaged.take("b.md", 20));

  // The details are decoded by their page, later: a damaged byte in them
  // is found by their fingerprint, when the entry is taken.
  std::tie(bytes, details) = cache.serialize(7);
  const std::size_t a_result = details.find(full_details().result);
  ASSERT_NE(a_result, std::string::npos);
  details[a_result] = 'X';
  damaged = ProcedureCache::parse(bytes, details, 7);
  EXPECT_FALSE(damaged.take("a.md", 10));
  EXPECT_TRUE(damaged.take("b.md", 20));
}

// Loading through the cache gives the same procedures and messages as
// loading without it, and reads only what changed.
TEST(ProcedureCacheTest, LoadingThroughTheCacheEqualsLoadingWithout) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] += "unknown_field: x\n";  // a warning to replay
  Diagnostics plain_diags;
  Sources plain = load_sources({}, disk, plain_diags);
  ProcedureCache cache;
  for (int run = 0; run < 2; ++run) {
    Diagnostics diags;
    Sources cached = load_sources({}, disk, diags, 1, &cache);
    EXPECT_TRUE(cached.procedures == plain.procedures) << "run " << run;
    EXPECT_EQ(format_all(diags, Lang::en), format_all(plain_diags, Lang::en)) << "run " << run;
    EXPECT_EQ(cache.changed(), run == 0);
    cache = reparsed(cache, 1);
  }
  // Regression guard: an edit that keeps the size (and, on some disks, the
  // modification time) must still be seen.
  std::string& text = disk.files["procedures/ho-tich/khai-sinh.md"];
  text.replace(text.find("Đăng ký khai sinh"), std::string("Đăng ký khai sinh").size(), "Đăng ký khai sinX");
  Diagnostics diags;
  Sources edited = load_sources({}, disk, diags, 1, &cache);
  auto edited_one = std::find_if(edited.procedures.begin(), edited.procedures.end(),
                                 [](const Procedure& p) { return p.code == "1.001193"; });
  ASSERT_NE(edited_one, edited.procedures.end());
  EXPECT_EQ(edited_one->name, "Đăng ký khai sinX");
}

}  // namespace
}  // namespace ck
