// Reading sources from a real folder, including entries that are not files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "disk.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("ck-disk-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string str() const { return path_.string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A link to itself cannot be resolved; it used to end the listing early, so
// every file sorted after it was silently left out of the site.
TEST(RealDiskList, LinkLoopIsListedByItsNameAndListingGoesOn) {
  TempDir dir;
  for (const char* name : {"a.md", "z.md"}) std::ofstream(dir.path() / name) << "---\n";
  fs::create_symlink("m.md", dir.path() / "m.md");
  RealDisk disk;
  std::vector<std::string> want = {dir.str() + "/a.md", dir.str() + "/m.md", dir.str() + "/z.md"};
  EXPECT_EQ(disk.list(dir.str(), ".md"), want);
  std::string error;
  EXPECT_FALSE(disk.read_file(dir.str() + "/m.md", &error));
  EXPECT_EQ(error, "is a link to nothing");
}

// Paths below the folder are taken as text from the folder's own spelling,
// with or without a final slash; hidden folders are not entered.
TEST(RealDiskList, NestedFilesKeepTheFolderAsGivenAndSkipHiddenFolders) {
  TempDir dir;
  fs::create_directories(dir.path() / "b" / "c");
  fs::create_directories(dir.path() / ".git");
  for (const char* name : {"a.md", "b/c/d.md", "b/e.txt", ".git/f.md", "b/.g.md"})
    std::ofstream(dir.path() / name) << "---\n";
  RealDisk disk;
  std::vector<std::string> want = {dir.str() + "/a.md", dir.str() + "/b/c/d.md"};
  EXPECT_EQ(disk.list(dir.str(), ".md"), want);
  std::vector<std::string> slashed = {dir.str() + "//a.md", dir.str() + "//b/c/d.md"};
  EXPECT_EQ(disk.list(dir.str() + "/", ".md"), slashed);
  std::vector<std::string> every = {dir.str() + "/a.md", dir.str() + "/b/c/d.md", dir.str() + "/b/e.txt"};
  EXPECT_EQ(disk.list(dir.str(), ""), every);
}

TEST(MappedFileTest, GivesTheBytesOfAFileAndNothingForAFolderOrNoFile) {
  TempDir dir;
  std::ofstream(dir.path() / "state") << "congkhai\n";
  std::ofstream(dir.path() / "empty");
  auto file = MappedFile::open(dir.str() + "/state");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->bytes(), "congkhai\n");
  MappedFile moved = std::move(*file);
  EXPECT_EQ(moved.bytes(), "congkhai\n");
  auto empty = MappedFile::open(dir.str() + "/empty");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->bytes(), "");
  EXPECT_FALSE(MappedFile::open(dir.str()));
  EXPECT_FALSE(MappedFile::open(dir.str() + "/missing"));
}

// The parse cache is written and then read back by position through the
// same open file, even after another build replaced the file's name.
TEST(FileHoldsTest, ComparesEveryByteOfAFileLargerThanItsBuffer) {
  TempDir dir;
  std::string bytes(200'000, 'a');
  for (std::size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>('b' + i % 20);
  const std::string path = (dir.path() / "big").string();
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_TRUE(file_holds(path, bytes));
  std::string last = bytes;
  last.back() ^= 1;
  EXPECT_FALSE(file_holds(path, last));
  EXPECT_FALSE(file_holds(path, bytes.substr(0, bytes.size() - 1)));
  EXPECT_FALSE(file_holds(path, bytes + "x"));
  EXPECT_FALSE(file_holds((dir.path() / "missing").string(), ""));
  std::ofstream((dir.path() / "empty").string());
  EXPECT_TRUE(file_holds((dir.path() / "empty").string(), ""));
}

TEST(OpenFileTest, ReadsBackWhatWasWrittenAndAppendedThroughTheSameFile) {
  TempDir dir;
  const std::string path = dir.str() + "/cache";
  auto file = OpenFile::create(path);
  ASSERT_TRUE(file);
  ASSERT_TRUE(file->append("công "));
  auto more = OpenFile::to_append(path);
  ASSERT_TRUE(more && more->append("khai"));
  EXPECT_EQ(file->size(), 10u);  // "ô" is two bytes
  std::string read;
  ASSERT_TRUE(file->read_at(6, 4, &read));
  EXPECT_EQ(read, "khai");
  EXPECT_FALSE(file->read_at(7, 4, &read)) << "past the end";
  std::ofstream(dir.path() / "other") << "replaced";
  std::filesystem::rename(dir.path() / "other", path);
  ASSERT_TRUE(file->read_at(0, 5, &read));
  EXPECT_EQ(read, "công");
  EXPECT_FALSE(OpenFile::to_append(dir.str() + "/missing"));
  EXPECT_FALSE(OpenFile::create(dir.str() + "/no/such/folder"));
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Written in pieces beside the file it replaces, which readers keep seeing
// whole until the new one is renamed over it.
TEST(ReplacingFileTest, ReplacesTheFileOnlyOnceWholeAndLeavesNothingWhenItFails) {
  TempDir dir;
  const std::string path = dir.str() + "/state";
  write_file(path, "old");
  ReplacingFile file(path);
  std::string expected;
  for (int i = 0; i < 20000; ++i) {
    const std::string line = "line " + std::to_string(i) + "\n";
    file.append(line);
    expected += line;
  }
  EXPECT_EQ(read_all(path), "old");
  ASSERT_TRUE(file.commit());
  EXPECT_EQ(read_all(path), expected);
  EXPECT_FALSE(fs::exists(path + ".new"));

  ReplacingFile nowhere(dir.str() + "/missing/state");
  nowhere.append("x");
  EXPECT_FALSE(nowhere.commit());
  EXPECT_FALSE(fs::exists(dir.path() / "missing"));
}

}  // namespace
}  // namespace ck
