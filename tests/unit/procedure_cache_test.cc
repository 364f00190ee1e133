#include "procedure_cache.h"

#include <gtest/gtest.h>

#include <algorithm>

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
  p.at = {{"a.md", 2, 7}, {"a.md", 3, 7}, {"a.md", 4, 9}, {"a.md", 5, 7}};
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
  p.site_forms = {{"/static/to-khai.pdf", {"a.md", 20, 9}}};
  p.keywords = {"khai sinh"};
  p.related = {"1.000894"};
  p.qr_encode = QrTarget::online_url;
  p.qr_encode_at = {"a.md", 12, 12};
  p.online_url_at = {"a.md", 11, 13};
  p.source_hash = 0x1234;
  p.fields_hash = 0x5678;
  p.details = encode_details(full_details());
  return p;
}

TEST(ProcedureCacheTest, EveryMemberSurvivesTheRoundTrip) {
  ProcedureCache cache;
  Diagnostic warning{Severity::warning, {"a.md", 8, 3}, {"cảnh báo", "warning"}, {"gợi ý", "hint"}};
  cache.put("a.md", 10, full_procedure(), {warning});
  cache.put("broken.md", 1, std::nullopt, {});
  ProcedureCache again = ProcedureCache::parse(cache.serialize(7), 7);
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

TEST(ProcedureCacheTest, OtherBytesOrAnotherExecutableMissTheCache) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  const std::string bytes = cache.serialize(7);
  EXPECT_FALSE(ProcedureCache::parse(bytes, 7).take("a.md", 11)) << "other bytes";
  EXPECT_FALSE(ProcedureCache::parse(bytes, 7).take("b.md", 10)) << "another file";
  EXPECT_TRUE(ProcedureCache::parse(bytes, 7).take("a.md", 10));
  EXPECT_EQ(ProcedureCache::parse(bytes, 8).size(), 0u) << "another executable";
}

TEST(ProcedureCacheTest, DamagedBytesGiveAnEmptyCache) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  const std::string bytes = cache.serialize(7);
  for (std::size_t cut : {std::size_t{0}, std::size_t{30}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_EQ(ProcedureCache::parse(bytes.substr(0, cut), 7).size(), 0u) << "cut at " << cut;
  std::string huge_count = bytes;
  huge_count[bytes.find('\n') + 1 + 8] = '\xff';  // the entry count's low byte
  EXPECT_EQ(ProcedureCache::parse(huge_count, 7).size(), 0u);
}

// Entries are decoded only when taken: a damaged one is a miss, and the
// others are still found.
TEST(ProcedureCacheTest, ADamagedEntryIsAMissAndTheOthersAreFound) {
  ProcedureCache cache;
  cache.put("a.md", 10, full_procedure(), {});
  cache.put("b.md", 20, full_procedure(), {});
  std::string bytes = cache.serialize(7);
  const std::size_t a_name = bytes.find(full_procedure().name);
  ASSERT_NE(a_name, std::string::npos);
  bytes[a_name - 8] = '\x7f';  // the length of a.md's first name, now past the entry's end
  ProcedureCache damaged = ProcedureCache::parse(bytes, 7);
  EXPECT_EQ(damaged.size(), 2u);
  EXPECT_FALSE(damaged.take("a.md", 10));
  EXPECT_TRUE(damaged.take("b.md", 20));

  // The details are decoded by their page, later: a damaged byte in them
  // is found by their fingerprint, when the entry is taken.
  bytes = cache.serialize(7);
  const std::size_t a_result = bytes.find(full_details().result);
  ASSERT_NE(a_result, std::string::npos);
  bytes[a_result] = 'X';
  damaged = ProcedureCache::parse(bytes, 7);
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
    cache = ProcedureCache::parse(cache.serialize(1), 1);
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
