// The preview notices edits, new files, deletions and renames.
#include "watch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace ck {
namespace {

TEST(ChangeWatcher, SeesEditsNewFilesDeletionsAndRenames) {
  std::string pattern = (fs::temp_directory_path() / "ck-watch-test-XXXXXX").string();
  std::string dir = mkdtemp(pattern.data());
  fs::create_directories(dir + "/a");
  std::ofstream(dir + "/a/one.md") << "one";
  ChangeWatcher watcher({dir, dir + "/missing"});
  EXPECT_FALSE(watcher.changed());

  std::ofstream(dir + "/a/one.md") << "one, longer";
  EXPECT_TRUE(watcher.changed());
  EXPECT_FALSE(watcher.changed());

  std::ofstream(dir + "/a/two.md") << "two";
  EXPECT_TRUE(watcher.changed());
  fs::rename(dir + "/a/two.md", dir + "/a/three.md");
  EXPECT_TRUE(watcher.changed());
  fs::remove(dir + "/a/three.md");
  EXPECT_TRUE(watcher.changed());

  // Same size, new modification time.
  fs::last_write_time(dir + "/a/one.md", fs::last_write_time(dir + "/a/one.md") + std::chrono::seconds(5));
  EXPECT_TRUE(watcher.changed());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ck
