#include "write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parallel.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

// What a build asks before anything else: would it make the output again?
bool output_is_current(const std::string& out_dir, std::uint64_t inputs_stamp, long long now) {
  OutputWriter writer(out_dir);
  std::string error;
  return writer.begin(&error) && writer.is_unchanged(inputs_stamp, now);
}

class WriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ck-write-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    out_ = (dir_ / "output").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A whole build: every file made, with key 1. Builds from the same inputs
  // stage a fresh tree; from other inputs, few files are replaced in place.
  bool write_all(const std::vector<OutputFile>& files, std::uint64_t inputs = 0) {
    OutputWriter writer(out_);
    std::string error;
    if (!writer.begin(&error)) return false;
    writer.plan(paths_of(files));
    if (!writer.start(files.size(), inputs, &error)) return false;
    for (std::size_t i = 0; i < files.size(); ++i)
      if (!writer.write(i, files[i], 1, &error)) return false;
    return writer.commit(inputs, {}, &error);
  }
  static std::vector<std::string_view> paths_of(const std::vector<OutputFile>& files) {
    std::vector<std::string_view> paths;
    for (const OutputFile& f : files) paths.push_back(f.path);
    return paths;
  }
  FileStat stat_of(const std::string& rel) { return stat_file(out_ + "/" + rel).value_or(FileStat{}); }
  std::string read(const std::string& rel) { return read_file_text(fs::path(out_) / rel); }
  static std::string read_file_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path dir_;
  std::string out_;
};

TEST_F(WriteTest, NewOutputAppearsOnlyOnCommit) {
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error)) << error;
  writer.plan({"a/index.html"});
  ASSERT_TRUE(writer.start(1, 0, &error)) << error;
  ASSERT_TRUE(writer.write(0, {"a/index.html", "A", {}}, 1, &error));
  EXPECT_FALSE(fs::exists(out_));
  ASSERT_TRUE(writer.commit(0, {}, &error)) << error;
  EXPECT_EQ(read("a/index.html"), "A");
}

// Staged (same inputs) and in place (other inputs): both leave nothing behind.
TEST_F(WriteTest, AbandonedBuildLeavesPreviousOutputAndNoStaging) {
  ASSERT_TRUE(write_all({{"index.html", "old", {}}}, 7));
  for (std::uint64_t inputs : {7, 8}) {
    FileStat before = stat_of("index.html");
    {
      OutputWriter writer(out_);
      std::string error;
      ASSERT_TRUE(writer.begin(&error));
      writer.plan({"index.html", "added.html"});
      ASSERT_TRUE(writer.start(1, inputs, &error));
      EXPECT_EQ(writer.in_place(), inputs == 8);
      ASSERT_TRUE(writer.write(0, {"index.html", "new", {}}, 2, &error));
      ASSERT_TRUE(writer.write(1, {"added.html", "new", {}}, 2, &error));
    }  // destroyed without commit, as when rendering found errors
    EXPECT_EQ(read("index.html"), "old");
    EXPECT_EQ(stat_of("index.html"), before);
    EXPECT_FALSE(fs::exists(fs::path(out_) / "added.html"));
    for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
      EXPECT_EQ(entry.path().filename().string().find(".staging"), std::string::npos) << "left behind: " << entry.path();
      EXPECT_EQ(entry.path().filename().string().find(".congkhai-new"), std::string::npos) << entry.path();
    }
  }
}

TEST_F(WriteTest, StaleFilesDisappear) {
  for (std::uint64_t inputs : {5, 6}) {  // the same inputs: staged; others: in place
    ASSERT_TRUE(write_all({{"a.html", "A", {}}, {"b/c/index.html", "B", {}}}, 5));
    ASSERT_TRUE(write_all({{"a.html", "A", {}}}, inputs));
    EXPECT_FALSE(fs::exists(fs::path(out_) / "b/c/index.html"));
    EXPECT_FALSE(fs::exists(fs::path(out_) / "b")) << "empty folders go too";
  }
}

TEST_F(WriteTest, InPlaceReplacesOnlyChangedFiles) {
  ASSERT_TRUE(write_all({{"same.html", "S", {}}, {"changed.html", "1", {}}}, 1));
  FileStat same = stat_of("same.html"), marker = stat_of(kOutputMarker);
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  writer.plan({"same.html", "changed.html"});
  ASSERT_TRUE(writer.start(2, 2, &error));
  ASSERT_TRUE(writer.in_place());
  ASSERT_TRUE(writer.write(0, {"same.html", "S", {}}, 1, &error));
  ASSERT_TRUE(writer.write(1, {"changed.html", "2", {}}, 1, &error));
  EXPECT_EQ(read("changed.html"), "1") << "nothing is replaced before commit";
  ASSERT_TRUE(writer.commit(2, {}, &error)) << error;
  EXPECT_EQ(read("changed.html"), "2");
  EXPECT_EQ(stat_of("same.html"), same);
  EXPECT_EQ(stat_of(kOutputMarker), marker);
  EXPECT_EQ(writer.written(), 1u);
  EXPECT_TRUE(output_is_current(out_, 2, 0)) << "the recorded tree is the tree on disk";
}

// A file made in place waits on disk beside the output until commit, not
// in memory (a rename at 10,000 procedures changes 18 MB of files), and
// may go into a folder the output does not have yet.
TEST_F(WriteTest, InPlaceFilesWaitBesideTheOutput) {
  ASSERT_TRUE(write_all({{"a.html", "A", {}}}, 1));
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  writer.plan({"a.html", "new/folder/index.html"});
  ASSERT_TRUE(writer.start(2, 2, &error));
  ASSERT_TRUE(writer.in_place());
  ASSERT_TRUE(writer.write(0, {"a.html", "A2", {}}, 1, &error));
  ASSERT_TRUE(writer.write(1, {"new/folder/index.html", "N", {}}, 1, &error));
  std::vector<std::string> waiting;
  for (const auto& entry : fs::recursive_directory_iterator(dir_))
    if (entry.is_regular_file() &&
        entry.path().parent_path().filename().string().starts_with(".output.staging"))
      waiting.push_back(read_file_text(entry.path()));
  std::sort(waiting.begin(), waiting.end());
  EXPECT_EQ(waiting, (std::vector<std::string>{"A2", "N"}));
  EXPECT_FALSE(fs::exists(fs::path(out_) / "new"));
  ASSERT_TRUE(writer.commit(2, {}, &error)) << error;
  EXPECT_EQ(read("a.html"), "A2");
  EXPECT_EQ(read("new/folder/index.html"), "N");
  EXPECT_EQ(writer.written(), 2u);
  EXPECT_TRUE(output_is_current(out_, 2, 0)) << "the recorded tree is the tree on disk";
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".staging"), std::string::npos) << entry.path();
}

// Regression: the marker file was written anew by every build, so a sync
// sent it again although its bytes never change.
TEST_F(WriteTest, StagedRebuildKeepsTheMarkersModificationTime) {
  ASSERT_TRUE(write_all({{"a.html", "A", {}}}, 1));
  FileStat marker = stat_of(kOutputMarker);
  ASSERT_TRUE(write_all({{"a.html", "B", {}}}, 1));
  EXPECT_EQ(stat_of(kOutputMarker), marker);
}

TEST_F(WriteTest, AFileIsCurrentForItsKeyUntilTouched) {
  ASSERT_TRUE(write_all({{"a.html", "A", {}}, {"c.html", "C", {}}}, 1));  // key 1
  std::ofstream(fs::path(out_) / "c.html") << "edited by hand";
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  writer.plan({"b.html", "a.html", "c.html"});  // in another order than before
  EXPECT_TRUE(writer.is_current(1, 1));
  EXPECT_FALSE(writer.is_current(1, 2));
  EXPECT_FALSE(writer.is_current(0, 1));
  EXPECT_FALSE(writer.is_current(1, 0)) << "0 means: always make";
  EXPECT_FALSE(writer.is_current(2, 1)) << "edited by hand";
}

TEST_F(WriteTest, UnchangedFileKeepsItsModificationTime) {
  ASSERT_TRUE(write_all({{"same.html", "S", {}}, {"changed.html", "1", {}}}));
  struct stat before {};
  ASSERT_EQ(::stat((out_ + "/same.html").c_str(), &before), 0);
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  writer.plan({"same.html", "changed.html"});
  ASSERT_TRUE(writer.start(2, 0, &error));
  ASSERT_TRUE(writer.write(0, {"same.html", "S", {}}, 1, &error));
  ASSERT_TRUE(writer.write(1, {"changed.html", "2", {}}, 1, &error));
  ASSERT_TRUE(writer.commit(0, {}, &error));
  struct stat after {};
  ASSERT_EQ(::stat((out_ + "/same.html").c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
  EXPECT_EQ(writer.unchanged(), 1u);
  EXPECT_EQ(writer.written(), 1u);
  EXPECT_EQ(read("changed.html"), "2");
}

TEST_F(WriteTest, OutputIsCurrentOnlyForTheSameInputsAndAnUntouchedTree) {
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  writer.plan({"a/index.html"});
  ASSERT_TRUE(writer.start(1, 42, &error));
  ASSERT_TRUE(writer.write(0, {"a/index.html", "A", {}}, 1, &error));
  ASSERT_TRUE(writer.commit(42, 1000, &error));
  EXPECT_TRUE(output_is_current(out_, 42, 999));
  EXPECT_FALSE(output_is_current(out_, 43, 999));
  EXPECT_FALSE(output_is_current(out_, 42, 1000));  // a scheduled post is due
  std::ofstream(fs::path(out_) / "a/index.html") << "edited by hand";
  EXPECT_FALSE(output_is_current(out_, 42, 999));
}

// The files are looked at on a thread of the writer's own, and every thread
// that asks for the answer helps; all get the same one.
TEST_F(WriteTest, EveryThreadThatAsksHelpsTheLookAndGetsTheSameAnswer) {
  std::vector<OutputFile> files;
  for (int i = 0; i < 300; ++i) files.push_back({"p" + std::to_string(i) + "/index.html", "P", {}});
  ASSERT_TRUE(write_all(files, 1));
  fs::remove(fs::path(out_) / "p299/index.html");
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  std::vector<char> answers(8, 2);
  parallel_for(answers.size(), 4, [&](std::size_t i) { answers[i] = writer.is_unchanged(1, 0); });
  EXPECT_EQ(std::count(answers.begin(), answers.end(), 0), 8) << "one file was deleted by hand";
}

TEST_F(WriteTest, OutputWithAFileDeletedByHandIsNotCurrent) {
  ASSERT_TRUE(write_all({{"a/index.html", "A", {}}, {"b/index.html", "B", {}}}, 1));
  ASSERT_TRUE(output_is_current(out_, 1, 0));
  fs::remove(fs::path(out_) / "b/index.html");
  EXPECT_FALSE(output_is_current(out_, 1, 0));
}

TEST_F(WriteTest, RefusesToReplaceAFolderItDidNotWrite) {
  fs::create_directories(out_);
  std::ofstream(fs::path(out_) / "precious.docx") << "x";
  OutputWriter writer(out_);
  std::string error;
  EXPECT_FALSE(writer.begin(&error));
  EXPECT_NE(error.find("refusing to replace"), std::string::npos);
  EXPECT_TRUE(fs::exists(fs::path(out_) / "precious.docx"));
}

}  // namespace
}  // namespace ck
