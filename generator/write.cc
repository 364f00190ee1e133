#include "write.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "stamp.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

constexpr const char* kMarkerText = "This directory is written by congkhai build.\n";

std::optional<std::string> read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Beside the output, not in it: the published tree stays the same bytes for
// the same sources, and the web server never sees this machine's details.
std::string sibling_path(std::string out_dir, const std::string& suffix) {
  while (out_dir.size() > 1 && out_dir.ends_with("/")) out_dir.pop_back();
  fs::path out(out_dir);
  return (out.parent_path() / ("." + out.filename().string() + suffix)).string();
}

std::string state_path(const std::string& out_dir) { return sibling_path(out_dir, ".congkhai-state"); }

bool is_empty_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

}  // namespace

OutputWriter::OutputWriter(std::string out_dir) : out_dir_(std::move(out_dir)) {
  while (out_dir_.size() > 1 && out_dir_.ends_with("/")) out_dir_.pop_back();
  staging_ = sibling_path(out_dir_, ".staging-" + std::to_string(getpid()));
}

OutputWriter::~OutputWriter() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
}

bool OutputWriter::begin(std::string* error) {
  std::error_code ec;
  fs::path out(out_dir_);
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    *error = out_dir_ + " is a file, not a directory";
    return false;
  }
  if (fs::is_directory(out, ec) && !is_empty_dir(out) && !fs::exists(out / kOutputMarker, ec)) {
    *error = out_dir_ + " holds files congkhai did not write; refusing to replace it";
    return false;
  }
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec) && ec) {
    *error = "cannot create " + staging_ + ": " + ec.message();
    return false;
  }
  std::ofstream(fs::path(staging_) / kOutputMarker) << kMarkerText;
  return true;
}

bool OutputWriter::same_as_previous(const std::string& path, const std::string& bytes) const {
  std::error_code ec;
  fs::path old = fs::path(out_dir_) / path;
  if (fs::file_size(old, ec) != bytes.size() || ec) return false;
  auto contents = read_whole(old);
  return contents && *contents == bytes;
}

bool OutputWriter::write(const OutputFile& file, std::string* error) {
  fs::path target = fs::path(staging_) / file.path;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);  // a race with another thread is harmless
  std::string bytes = file.bytes;
  if (!file.copy_from.empty()) {
    auto contents = read_whole(file.copy_from);
    if (!contents) {
      *error = "cannot read " + file.copy_from;
      return false;
    }
    bytes = std::move(*contents);
  }
  if (same_as_previous(file.path, bytes)) {
    fs::create_hard_link(fs::path(out_dir_) / file.path, target, ec);
    if (!ec) {
      ++unchanged_;
      return true;
    }
  }
  std::ofstream out(target, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    *error = "cannot write " + target.string();
    return false;
  }
  ++written_;
  return true;
}

bool OutputWriter::commit(std::uint64_t inputs_stamp, std::optional<long long> expires, std::string* error) {
  std::error_code ec;
  if (!fs::exists(out_dir_, ec)) {
    fs::create_directories(fs::path(out_dir_).parent_path(), ec);
    if (rename(staging_.c_str(), out_dir_.c_str()) != 0) {
      *error = "cannot move the new site into " + out_dir_;
      return false;
    }
  } else if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) != 0) {
    *error = "cannot swap the new site into " + out_dir_;
    return false;
  }
  committed_ = true;
  fs::remove_all(staging_, ec);  // now holds the previous output
  std::ofstream(state_path(out_dir_)) << format_stamps({inputs_stamp, stamp_tree(out_dir_), expires.value_or(0)});
  return true;
}

std::string output_state_path(const std::string& out_dir) { return state_path(out_dir); }

bool output_is_current(const std::string& out_dir, std::uint64_t inputs_stamp, long long now) {
  auto state = read_whole(state_path(out_dir));
  if (!state) return false;
  auto stamps = read_stamps(*state);
  return stamps && stamps->inputs == inputs_stamp && (!stamps->expires || now < stamps->expires) &&
         stamps->output == stamp_tree(out_dir);
}

}  // namespace ck
