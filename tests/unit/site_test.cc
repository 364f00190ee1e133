// Whole fixture sites built through the same entry point as `congkhai build`.
// tests/sites/base is a small valid site. good/<case>/ adds files to it and
// holds the expected output tree; invalid/<case>/ breaks it and holds the
// exact expected messages. Set CONGKHAI_UPDATE_EXPECTED=1 to rewrite them
// after an intended change, and review the diff.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "build.h"
#include "heap.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

const fs::path kFixtures = CONGKHAI_FIXTURES_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every regular file below `root`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files[fs::relative(entry.path(), root).generic_string()] = read_file(entry.path());
  return files;
}

void overlay(const fs::path& from, const fs::path& to) {
  for (const char* part : {"procedures", "content"})
    if (fs::exists(from / part))
      fs::copy(from / part, to / part,
               fs::copy_options::recursive | fs::copy_options::overwrite_existing | fs::copy_options::copy_symlinks);
}

bool updating() { return std::getenv("CONGKHAI_UPDATE_EXPECTED") != nullptr; }

// Builds base + the case's files in a fresh directory, from inside it, so
// messages show the same relative paths an editor would see.
class FixtureSite {
 public:
  explicit FixtureSite(const fs::path& case_dir) {
    dir_ = fs::temp_directory_path() / ("ck-site-" + std::to_string(::getpid()) + "-" + case_dir.filename().string());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    overlay(kFixtures / "base", dir_);
    overlay(case_dir, dir_);
    previous_ = fs::current_path();
    fs::current_path(dir_);
  }
  ~FixtureSite() {
    fs::current_path(previous_);
    fs::remove_all(dir_);
  }
  bool build(Diagnostics& diags, int threads = 1, const std::string& out = "output") {
    BuildOptions options;
    options.themes_dir = CONGKHAI_THEMES_DIR;
    options.out_dir = out;
    options.threads = threads;
    BuildReport report;
    bool ok = build_site(options, diags, report);
    EXPECT_EQ(report.failure, "");
    return ok;
  }
  fs::path dir() const { return dir_; }

 private:
  fs::path dir_;
  fs::path previous_;
};

std::vector<fs::path> cases(const char* kind) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kFixtures / kind)) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(GoodSites, OutputEqualsExpectedTree) {
  for (const fs::path& case_dir : cases("good")) {
    SCOPED_TRACE(case_dir.filename().string());
    FixtureSite site(case_dir);
    Diagnostics diags;
    ASSERT_TRUE(site.build(diags)) << format_all(diags, Lang::en);
    auto actual = snapshot(site.dir() / "output");
    fs::path expected_dir = case_dir / "expected";
    if (updating()) {
      fs::remove_all(expected_dir);
      fs::copy(site.dir() / "output", expected_dir, fs::copy_options::recursive);
      fs::remove_all(expected_dir / "assets");  // compared with the theme itself, below
    }
    auto expected = snapshot(expected_dir);
    // The theme's static files are published as they are: expect the theme's
    // own bytes instead of keeping a copy in every fixture.
    for (const auto& [path, bytes] : snapshot(fs::path(CONGKHAI_THEMES_DIR) / "default" / "static"))
      expected["assets/" + path] = bytes;
    ASSERT_FALSE(expected.empty()) << "no expected/ tree; run with CONGKHAI_UPDATE_EXPECTED=1";
    for (const auto& [path, bytes] : expected) {
      auto it = actual.find(path);
      if (it == actual.end()) ADD_FAILURE() << "missing " << path;
      else EXPECT_EQ(it->second, bytes) << "differs: " << path;
    }
    for (const auto& [path, bytes] : actual) EXPECT_TRUE(expected.count(path)) << "unexpected " << path;
  }
}

TEST(GoodSites, OneThreadAndTwoThreadsGiveTheSameBytes) {
  for (const fs::path& case_dir : cases("good")) {
    FixtureSite site(case_dir);
    Diagnostics serial, parallel;
    ASSERT_TRUE(site.build(serial, 1, "out1"));
    ASSERT_TRUE(site.build(parallel, 2, "out2"));
    EXPECT_EQ(snapshot(site.dir() / "out1"), snapshot(site.dir() / "out2"));
    EXPECT_EQ(format_all(serial, Lang::en), format_all(parallel, Lang::en));
  }
}

int huge_page_requests = 0;

// A clean build keeps its heap in small pages, so its peak stays low; a
// rebuild of an existing output asks for huge pages (see heap.h).
TEST(HeapPolicy, HugePagesOnlyForARebuild) {
  FixtureSite site(kFixtures / "base");
  heap::set_huge_pages_switch([] { ++huge_page_requests; });
  Diagnostics first;
  ASSERT_TRUE(site.build(first));
  EXPECT_EQ(huge_page_requests, 0);
  Diagnostics second;
  ASSERT_TRUE(site.build(second));
  EXPECT_EQ(huge_page_requests, 1);
  Diagnostics third;
  ASSERT_TRUE(site.build(third));
  EXPECT_EQ(huge_page_requests, 1);  // asked once, then on for good
  heap::set_huge_pages_switch(nullptr);
}

TEST(InvalidSites, ExactMessagesAndPreviousOutputUntouched) {
  for (const fs::path& case_dir : cases("invalid")) {
    SCOPED_TRACE(case_dir.filename().string());
    FixtureSite site(case_dir);
    fs::create_directories("output");
    std::ofstream("output/.congkhai-output") << "previous\n";
    std::ofstream("output/index.html") << "previous build\n";
    auto before = snapshot("output");
    Diagnostics diags;
    EXPECT_FALSE(site.build(diags));
    std::string messages = format_all(diags, Lang::vi);
    if (updating()) std::ofstream(case_dir / "expected.txt") << messages;
    EXPECT_EQ(messages, read_file(case_dir / "expected.txt"));
    EXPECT_GE(diags.error_count(), 1);
    EXPECT_EQ(snapshot("output"), before);
    for (const auto& entry : fs::directory_iterator(site.dir()))
      EXPECT_EQ(entry.path().filename().string().find(".output.staging"), std::string::npos);
  }
}

}  // namespace
}  // namespace ck
