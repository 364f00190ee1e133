// The QR codes a build keeps beside its output: read back as the encoder
// made them, ignored when made with other options or damaged, and used by
// the site's codes instead of encoding again.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "load.h"
#include "qr_book.h"
#include "qr_codes.h"
#include "test_site.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

const std::string kShort = "https://thu.example.vn/tthc/1.001193/";
const std::string kLong =
    "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=2.000815";

class QrBookTest : public ::testing::Test {
 protected:
  QrBookTest() : dir_(fs::temp_directory_path() / ("ck-qr-book-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~QrBookTest() override { fs::remove_all(dir_); }
  std::string path() const { return (dir_ / "book").string(); }
  bool write(const std::vector<std::string>& payloads, const QrOptions& options = {}) {
    QrBook::Writer writer(path(), options);
    for (const std::string& payload : payloads) writer.add(payload, *encode_qr(payload, options).matrix);
    return writer.save();
  }
  std::string bytes() const {
    std::ifstream in(path(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void replace_bytes(const std::string& bytes) const { std::ofstream(path(), std::ios::binary) << bytes; }
  // The path of a new book holding what `codes` keep.
  std::string keep(const QrCodes& codes) const {
    const std::string next = (dir_ / "next").string();
    QrBook::Writer writer(next, {});
    codes.keep(writer);
    EXPECT_TRUE(writer.save());
    return next;
  }

  fs::path dir_;
};

void expect_same(const QrMatrix& a, const QrMatrix& b) {
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.quiet_zone(), b.quiet_zone());
  for (int y = 0; y < a.size(); ++y)
    for (int x = 0; x < a.size(); ++x) ASSERT_EQ(a.dark(x, y), b.dark(x, y)) << x << "," << y;
}

TEST_F(QrBookTest, GivesBackEachCodeAsTheEncoderMadeIt) {
  QrOptions q;
  q.level = QrLevel::Q;
  ASSERT_TRUE(write({kShort, kLong}, q));
  QrBook book(path(), q);
  for (const std::string& payload : {kShort, kLong}) {
    std::optional<QrMatrix> kept = book.find(payload);
    ASSERT_TRUE(kept) << payload;
    expect_same(*kept, *encode_qr(payload, q).matrix);
  }
  EXPECT_FALSE(book.find("https://thu.example.vn/tthc/9.999999/"));
}

TEST_F(QrBookTest, ABookMadeWithOtherOptionsOrByAnotherExecutableIsIgnored) {
  ASSERT_TRUE(write({kShort}));
  QrOptions q;
  q.level = QrLevel::Q;
  EXPECT_FALSE(QrBook(path(), q).find(kShort));
  QrOptions wider;
  wider.quiet_zone = 6;
  EXPECT_FALSE(QrBook(path(), wider).find(kShort));
  EXPECT_TRUE(QrBook(path(), {}).find(kShort));
  EXPECT_FALSE(QrBook(path(), {}, 42).find(kShort)) << "made by another congkhai executable";
}

TEST_F(QrBookTest, ADamagedOrMissingBookGivesNothing) {
  EXPECT_FALSE(QrBook(path(), {}).find(kShort));  // none yet
  ASSERT_TRUE(write({kShort, kLong}));
  const std::string whole = bytes();
  std::string flipped = whole;
  flipped[whole.size() / 2] = static_cast<char>(flipped[whole.size() / 2] ^ 1);
  replace_bytes(flipped);
  EXPECT_FALSE(QrBook(path(), {}).find(kShort));
  EXPECT_FALSE(QrBook(path(), {}).find(kLong));
  replace_bytes(whole.substr(0, whole.size() - 3));
  EXPECT_FALSE(QrBook(path(), {}).find(kShort));
  replace_bytes(whole);
  EXPECT_TRUE(QrBook(path(), {}).find(kShort));
}

TEST_F(QrBookTest, SiteCodesComeFromTheBookAndAreAllKept) {
  Diagnostics diags;
  Site site = build_model(load_sources({}, testing::small_site(), diags), diags);
  ASSERT_FALSE(diags.has_errors());
  const Procedure& birth = *site.find_procedure("1.001193");
  const Procedure& copy = *site.find_procedure("2.000815");
  const std::string birth_url = procedure_qr_payload(site, birth)->url;
  const std::string copy_url = procedure_qr_payload(site, copy)->url;
  // The book says the birth procedure's code is another one: that is the
  // code given, which shows the book was read instead of the encoder.
  {
    QrBook::Writer writer(path(), {});
    writer.add(birth_url, *encode_qr(kLong, {}).matrix);
    ASSERT_TRUE(writer.save());
  }
  QrBook book(path(), {});
  QrCodes codes(site, &book);
  expect_same(*codes.procedure(birth), *encode_qr(kLong, {}).matrix);
  EXPECT_FALSE(codes.encoded_any());
  expect_same(*codes.procedure(copy), *encode_qr(copy_url, {}).matrix);
  EXPECT_TRUE(codes.encoded_any());

  // Kept: the code made and the one found.
  QrBook kept(keep(codes), {});
  ASSERT_TRUE(kept.find(birth_url));
  expect_same(*kept.find(birth_url), *encode_qr(kLong, {}).matrix);
  ASSERT_TRUE(kept.find(copy_url));
  expect_same(*kept.find(copy_url), *encode_qr(copy_url, {}).matrix);
}

TEST_F(QrBookTest, CodesNotAskedForAreKeptFromTheBook) {
  Diagnostics diags;
  Site site = build_model(load_sources({}, testing::small_site(), diags), diags);
  const std::string birth_url = procedure_qr_payload(site, *site.find_procedure("1.001193"))->url;
  const std::string copy_url = procedure_qr_payload(site, *site.find_procedure("2.000815"))->url;
  ASSERT_TRUE(write({birth_url, copy_url, kLong}));  // kLong: no longer the site's
  QrBook book(path(), {});
  QrBook kept(keep(QrCodes(site, &book)), {});
  EXPECT_TRUE(kept.find(birth_url));
  EXPECT_TRUE(kept.find(copy_url));
  EXPECT_FALSE(kept.find(kLong));
}

}  // namespace
}  // namespace ck

namespace ck {
namespace {

// Jobs on two threads that ask for the same entry at once: one makes it, the
// other waits and gets the same bytes; it is made again only after every
// job that was to ask has asked (and it was let go).
TEST(KeptEntriesTest, JobsAskingForTheSameEntryMakeItOnce) {
  const fs::path path = fs::temp_directory_path() / ("ck-kept-" + std::to_string(::getpid()));
  std::atomic<int> made{0};
  auto make = [&] {
    ++made;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the other job asks meanwhile
    return std::string("bytes");
  };
  {
    KeptEntries kept(path.string(), "test 1");
    std::string got[2];
    std::barrier start(2);
    std::thread other([&] {
      start.arrive_and_wait();
      got[1] = std::string(kept.find_or_make("part", 2, make).bytes);
    });
    start.arrive_and_wait();
    got[0] = std::string(kept.find_or_make("part", 2, make).bytes);
    other.join();
    EXPECT_EQ(made.load(), 1);
    EXPECT_EQ(got[0], "bytes");
    EXPECT_EQ(got[1], "bytes");
    EXPECT_EQ(kept.added(), 1u);
    // Let go, and not in the earlier file: made again, and not kept twice.
    EXPECT_EQ(kept.find_or_make("part", 2, make).bytes, "bytes");
    EXPECT_EQ(made.load(), 2);
    EXPECT_EQ(kept.added(), 1u);
    ASSERT_TRUE(kept.save());
  }
  KeptEntries next(path.string(), "test 1");
  EXPECT_EQ(next.find_or_make("part", 2, make).bytes, "bytes");  // kept by the earlier build
  EXPECT_EQ(made.load(), 2);
  fs::remove(path);
}

// A job that asks long after another made the entry reads it back from the
// new file: nothing is held in memory meanwhile, however many entries wait
// for their second job (a booklet's parts, made by the domains' sheets).
TEST(KeptEntriesTest, EntriesWaitingForALaterJobAreReadBackNotHeld) {
  const fs::path path = fs::temp_directory_path() / ("ck-kept-later-" + std::to_string(::getpid()));
  int made = 0;
  auto part = [](int n) { return std::string(100000 + n, static_cast<char>('a' + n)); };
  auto make_part = [&](int n) {
    return [&made, &part, n] {
      ++made;
      return part(n);
    };
  };
  {
    KeptEntries kept(path.string(), "test 1");
    for (int n = 0; n < 5; ++n) kept.find_or_make("part " + std::to_string(n), 2, make_part(n));
    EXPECT_EQ(kept.held_bytes(), 0u);
    for (int n = 0; n < 5; ++n)
      EXPECT_EQ(kept.find_or_make("part " + std::to_string(n), 2, make_part(n)).bytes, part(n));
    EXPECT_EQ(made, 5);
    ASSERT_TRUE(kept.save());
  }
  KeptEntries next(path.string(), "test 1");
  EXPECT_EQ(next.find_or_make("part 3", 2, make_part(3)).bytes, part(3));
  EXPECT_EQ(made, 5);
  fs::remove(path);
}

// Where the new file cannot be written, the entry is held for the later job.
TEST(KeptEntriesTest, EntriesTheFileCannotTakeAreHeld) {
  KeptEntries kept((fs::temp_directory_path() / "ck-no-such-folder" / "kept").string(), "test 1");
  int made = 0;
  auto make = [&] {
    ++made;
    return std::string("bytes");
  };
  kept.find_or_make("part", 2, make);
  EXPECT_EQ(kept.held_bytes(), 5u);
  EXPECT_EQ(kept.find_or_make("part", 2, make).bytes, "bytes");
  EXPECT_EQ(made, 1);
  EXPECT_EQ(kept.held_bytes(), 0u);
}

}  // namespace
}  // namespace ck
