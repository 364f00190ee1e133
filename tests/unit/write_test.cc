#include "write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace ck {
namespace {

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

  bool write_all(const std::vector<OutputFile>& files) {
    OutputWriter writer(out_);
    std::string error;
    if (!writer.begin(&error)) return false;
    for (const OutputFile& f : files)
      if (!writer.write(f, &error)) return false;
    return writer.commit(0, {}, &error);
  }
  std::string read(const std::string& rel) {
    std::ifstream in(fs::path(out_) / rel);
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
  ASSERT_TRUE(writer.write({"a/index.html", "A", {}}, &error));
  EXPECT_FALSE(fs::exists(out_));
  ASSERT_TRUE(writer.commit(0, {}, &error)) << error;
  EXPECT_EQ(read("a/index.html"), "A");
}

TEST_F(WriteTest, AbandonedBuildLeavesPreviousOutputAndNoStaging) {
  ASSERT_TRUE(write_all({{"index.html", "old", {}}}));
  {
    OutputWriter writer(out_);
    std::string error;
    ASSERT_TRUE(writer.begin(&error));
    ASSERT_TRUE(writer.write({"index.html", "new", {}}, &error));
  }  // destroyed without commit, as when rendering found errors
  EXPECT_EQ(read("index.html"), "old");
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().find(".staging"), std::string::npos) << "left behind: " << entry.path();
}

TEST_F(WriteTest, StaleFilesDisappear) {
  ASSERT_TRUE(write_all({{"a.html", "A", {}}, {"b.html", "B", {}}}));
  ASSERT_TRUE(write_all({{"a.html", "A", {}}}));
  EXPECT_FALSE(fs::exists(fs::path(out_) / "b.html"));
}

TEST_F(WriteTest, UnchangedFileKeepsItsModificationTime) {
  ASSERT_TRUE(write_all({{"same.html", "S", {}}, {"changed.html", "1", {}}}));
  struct stat before {};
  ASSERT_EQ(::stat((out_ + "/same.html").c_str(), &before), 0);
  OutputWriter writer(out_);
  std::string error;
  ASSERT_TRUE(writer.begin(&error));
  ASSERT_TRUE(writer.write({"same.html", "S", {}}, &error));
  ASSERT_TRUE(writer.write({"changed.html", "2", {}}, &error));
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
  ASSERT_TRUE(writer.write({"a/index.html", "A", {}}, &error));
  ASSERT_TRUE(writer.commit(42, 1000, &error));
  EXPECT_TRUE(output_is_current(out_, 42, 999));
  EXPECT_FALSE(output_is_current(out_, 43, 999));
  EXPECT_FALSE(output_is_current(out_, 42, 1000));  // a scheduled post is due
  std::ofstream(fs::path(out_) / "a/index.html") << "edited by hand";
  EXPECT_FALSE(output_is_current(out_, 42, 999));
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
