#include "stamp.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace ck {
namespace {

constexpr std::uint64_t kSecond = 1'000'000'000;

TEST(SourceBookTest, KnowsAFileOnlyByTheSameLookOnceSettled) {
  SourceBook book;
  const SourceLook look{10, 1 * kSecond, 1 * kSecond, 42};
  book.learn("a.md", look, 7, 10 * kSecond);
  EXPECT_EQ(book.print("a.md", look), 7u);
  SourceLook changed = look;
  changed.ctime_ns += 1;  // rewritten, with the same size and modification time put back
  EXPECT_EQ(book.print("a.md", changed), std::nullopt);
  EXPECT_EQ(book.print("b.md", look), std::nullopt);

  book.learn("b.md", {10, 9 * kSecond, 9 * kSecond, 43}, 8, 10 * kSecond);
  EXPECT_EQ(book.print("b.md", {10, 9 * kSecond, 9 * kSecond, 43}), std::nullopt)
      << "changed a second before it was looked at: another edit in the same tick would look the same";
}

class SourceBookFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ck-stamp-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::uint64_t stamp(SourceBook& book) {
    return stamp_inputs({(dir_ / "src").string()}, {}, "", 2, nullptr, &book);
  }

  fs::path dir_;
};

TEST_F(SourceBookFileTest, WrittenAndReadBackDropsFilesThatAreGone) {
  SourceBook book;
  book.learn("kept.md", {1, 2, 3, 4}, 5, 10 * kSecond);
  book.learn("gone.md", {1, 2, 3, 4}, 6, 10 * kSecond);
  const std::string path = (dir_ / "book").string();
  ASSERT_TRUE(book.write_file(path));
  SourceBook read = SourceBook::read_file(path);
  EXPECT_EQ(read.print("kept.md", {1, 2, 3, 4}), 5u);
  read.saw("kept.md");
  EXPECT_TRUE(read.changed()) << "gone.md was not seen";
  ASSERT_TRUE(read.write_file(path));
  EXPECT_EQ(SourceBook::read_file(path).print("gone.md", {1, 2, 3, 4}), std::nullopt);

  std::ofstream(path) << "congkhai-sources 1\n1 2 3";  // cut short
  EXPECT_EQ(SourceBook::read_file(path).print("kept.md", {1, 2, 3, 4}), std::nullopt);
}

// The look spares reading a file again, but an edit that keeps the size and
// puts the modification time back must still count.
TEST_F(SourceBookFileTest, AnEditThatKeepsSizeAndModificationTimeStillCounts) {
  const fs::path file = dir_ / "src" / "a.md";
  std::ofstream(file) << "name: A";
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // settled
  SourceBook book;
  const std::uint64_t before = stamp(book);
  EXPECT_TRUE(book.changed()) << "the file was read and learnt";
  ASSERT_TRUE(book.write_file((dir_ / "book").string()));
  SourceBook again = SourceBook::read_file((dir_ / "book").string());
  EXPECT_EQ(stamp(again), before);
  EXPECT_FALSE(again.changed()) << "known by its look: not read again";

  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  std::ofstream(file) << "name: B";
  const struct timespec times[2] = {st.st_atim, st.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
  EXPECT_NE(stamp(again), before);
}

using StateFileTest = SourceBookFileTest;

std::string hex(std::uint64_t n) {
  char buffer[17];
  return std::string(buffer, static_cast<std::size_t>(std::snprintf(buffer, sizeof buffer, "%llx",
                                                                    static_cast<unsigned long long>(n))));
}

// The state is written a record at a time, in pieces of 64 KB: the file
// must read back as the whole state.
TEST_F(StateFileTest, WrittenARecordAtATimeIsTheWholeStateText) {
  std::vector<std::string> paths;
  for (int i = 0; i < 5000; ++i) paths.push_back("thu-tuc/thu-tuc-" + std::to_string(i) + "/index.html");
  BuildState state{0xabc, 0, 1764400000, {}};
  for (std::size_t i = 0; i < paths.size(); ++i)
    state.files.push_back({paths[i], {i * 7919, {i + 1, i * 1'000'000'007, 100 + i}}});
  RecordsStamp recorded;
  for (const OutputEntry& entry : state.files) recorded.add(entry.path, entry.record.stat);
  state.output = recorded.value();
  EXPECT_EQ(state.output, stamp_records(state.files));

  const std::string path = (dir_ / "state").string();
  StateFileWriter writer(path, state);
  for (const OutputEntry& entry : state.files) writer.add(entry.path, entry.record);
  ASSERT_TRUE(writer.save());
  EXPECT_FALSE(fs::exists(path + ".new"));
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(text.size(), std::size_t{3} << 16);  // several pieces
  EXPECT_TRUE(text.starts_with("congkhai-state 3\nabc " + hex(state.output) + " 692a9b80\n"))
      << text.substr(0, 80);
  std::optional<BuildState> read = parse_state(text);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->inputs, state.inputs);
  EXPECT_EQ(read->output, state.output);
  EXPECT_EQ(read->expires, state.expires);
  ASSERT_EQ(read->files.size(), state.files.size());
  for (std::size_t i = 0; i < state.files.size(); ++i) {
    EXPECT_EQ(read->files[i].path, state.files[i].path);
    EXPECT_EQ(read->files[i].record.key, state.files[i].record.key);
    EXPECT_EQ(read->files[i].record.stat, state.files[i].record.stat);
  }
}

}  // namespace
}  // namespace ck
