#include "write.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace ck {
namespace {

constexpr const char* kMarkerText = "This directory is written by congkhai build.\n";
// At most this many files are replaced in place; more go through a staging
// directory that is swapped in whole, which saves renaming each one.
constexpr std::size_t kInPlaceLimit = 2000;

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

// The state file and what it says; the state's paths point into the file.
struct StateFile {
  MappedFile file;
  BuildState state;
};

std::optional<StateFile> read_state(const std::string& out_dir) {
  auto file = MappedFile::open(state_path(out_dir));
  if (!file) return std::nullopt;
  auto state = parse_state(file->bytes());
  if (!state) return std::nullopt;
  return StateFile{std::move(*file), std::move(*state)};
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Removes `dir` and then its parents while they are empty, up to `root`.
void remove_empty_dirs(fs::path dir, const fs::path& root) {
  std::error_code ec;
  while (dir != root && dir.string().size() > root.string().size() && is_empty_dir(dir)) {
    fs::remove(dir, ec);
    dir = dir.parent_path();
  }
}

}  // namespace

OutputWriter::OutputWriter(std::string out_dir) : out_dir_(std::move(out_dir)) {
  while (out_dir_.size() > 1 && out_dir_.ends_with("/")) out_dir_.pop_back();
  staging_ = sibling_path(out_dir_, ".staging-" + std::to_string(getpid()));
}

OutputWriter::~OutputWriter() {
  if (looker_.joinable()) looker_.join();  // it reads through out_fd_
  if (out_fd_ >= 0) ::close(out_fd_);
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
  if (!holds_previous_output(out_dir_)) {
    previous_read_.store(true);
    return true;
  }
  out_fd_ = ::open(out_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  // Beside the stamping, the loading and the model (whose longest steps use
  // one core): a rebuild reads the record of 50,000 files at 10,000
  // procedures and looks each one up.
  looker_ = std::thread([this] {
    read_previous();
    look_at_previous();
  });
  return true;
}

void OutputWriter::read_previous() {
  if (auto read = read_state(out_dir_)) {
    previous_file_ = std::move(read->file);
    previous_ = std::move(read->state);
  }
  look_.untouched.assign(previous_.files.size(), 0);
  previous_read_.store(true);
  previous_read_.notify_all();
}

const BuildState& OutputWriter::previous_state() const {
  previous_read_.wait(false);
  return previous_;
}

// Each file the last build recorded must be on disk as it left it. Files
// are looked up by their paths in the output, not found by listing folders:
// that took three times the system calls.
void OutputWriter::look_at_previous() const {
  const std::vector<OutputEntry>& files = previous_state().files;
  for (std::size_t j; (j = look_.next.fetch_add(1)) < files.size();) {
    look_.untouched[j] = previous_stat(files[j].path) == files[j].record.stat;
    if (look_.done.fetch_add(1) + 1 == files.size()) look_.done.notify_all();
  }
}

const std::vector<char>& OutputWriter::untouched() const {
  const std::size_t count = previous_state().files.size();
  if (look_.done.load() == count) return look_.untouched;  // asked once per job
  look_at_previous();
  for (std::size_t done; (done = look_.done.load()) < count;) look_.done.wait(done);
  return look_.untouched;
}

bool OutputWriter::is_unchanged(std::uint64_t inputs_stamp, long long now) const {
  const BuildState& previous = previous_state();
  if (!looker_.joinable() || previous.inputs != inputs_stamp || (previous.expires && now >= previous.expires))
    return false;
  const std::vector<char>& untouched = this->untouched();
  return std::find(untouched.begin(), untouched.end(), 0) == untouched.end() &&
         previous.output == stamp_records(previous.files);
}

// A rebuild plans the same files in the same order, so each file's record
// is usually at its own index; paths are hashed only once the order changed
// (a procedure added or removed).
void OutputWriter::plan(std::vector<std::string_view> paths) {
  paths_ = std::move(paths);
  const BuildState& before = previous_state();
  records_.assign(paths_.size(), {});
  previous_index_.assign(paths_.size(), kNone);
  std::unordered_map<std::string_view, std::size_t> by_path;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (i < before.files.size() && before.files[i].path == paths_[i]) {
      previous_index_[i] = i;
      continue;
    }
    if (by_path.empty())
      for (std::size_t j = 0; j < before.files.size(); ++j) by_path.emplace(before.files[j].path, j);
    auto it = by_path.find(paths_[i]);
    if (it != by_path.end()) previous_index_[i] = it->second;
  }
}

const OutputEntry* OutputWriter::previous(std::size_t i) const {
  return previous_index_[i] == kNone ? nullptr : &previous_.files[previous_index_[i]];
}

std::optional<FileStat> OutputWriter::previous_stat(std::string_view path) const {
  return out_fd_ >= 0 ? stat_file(path, out_fd_) : stat_file(out_dir_ + "/" + std::string(path));
}

bool OutputWriter::is_current(std::size_t i, std::uint64_t key) const {
  const OutputEntry* entry = previous(i);
  return key != 0 && entry && entry->record.key == key && untouched()[previous_index_[i]];
}

bool OutputWriter::start(std::size_t to_make, std::uint64_t inputs_stamp, std::string* error) {
  std::error_code ec;
  const BuildState& before = previous_state();
  const fs::path marker = fs::path(out_dir_) / kOutputMarker;
  const bool had_marker = std::any_of(before.files.rbegin(), before.files.rend(),
                                      [](const OutputEntry& entry) { return entry.path == kOutputMarker; });
  std::optional<FileStat> marker_stat = previous_stat(kOutputMarker);
  in_place_ = had_marker && before.inputs != inputs_stamp && to_make <= kInPlaceLimit && marker_stat;
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec) && ec) {
    *error = "cannot create " + staging_ + ": " + ec.message();
    return false;
  }
  if (in_place_) {
    marker_ = {0, *marker_stat};
    return true;
  }
  const fs::path staged_marker = fs::path(staging_) / kOutputMarker;
  fs::create_hard_link(marker, staged_marker, ec);
  if (ec && !write_file(staged_marker.string(), kMarkerText)) {
    *error = "cannot write " + staged_marker.string();
    return false;
  }
  marker_ = {0, stat_file(staged_marker.string()).value_or(FileStat{})};
  return true;
}

bool OutputWriter::same_as_previous(std::string_view path, const std::string& bytes) const {
  std::optional<FileStat> stat = previous_stat(path);
  if (!stat || stat->size != bytes.size()) return false;
  return file_holds((fs::path(out_dir_) / path).string(), bytes);
}

bool OutputWriter::link_previous(std::size_t i, std::uint64_t key, std::string* error) {
  fs::path target = fs::path(staging_) / paths_[i];
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);  // a race with another thread is harmless
  fs::create_hard_link(fs::path(out_dir_) / paths_[i], target, ec);
  std::optional<FileStat> stat = ec ? std::nullopt : stat_file(target.string());
  if (!stat) {
    *error = "cannot link " + target.string();
    return false;
  }
  records_[i] = {key, *stat};
  ++unchanged_;
  return true;
}

bool OutputWriter::keep(std::size_t i, std::uint64_t key, std::string* error) {
  if (!in_place_) return link_previous(i, key, error);
  records_[i] = {key, previous(i)->record.stat};
  ++unchanged_;
  return true;
}

bool OutputWriter::write(std::size_t i, OutputFile file, std::uint64_t key, std::string* error) {
  if (!file.copy_from.empty()) {
    std::optional<std::string> copied = read_whole(file.copy_from);
    if (!copied) {
      *error = "cannot read " + file.copy_from;
      return false;
    }
    file.bytes = std::move(*copied);
  }
  std::string& bytes = file.bytes;
  if (same_as_previous(paths_[i], bytes)) {
    if (in_place_) {
      records_[i] = {key, previous_stat(paths_[i]).value_or(FileStat{})};
      ++unchanged_;
      return true;
    }
    std::string ignored;
    if (link_previous(i, key, &ignored)) return true;
  }
  // In place, each file waits in the staging directory, named by its
  // index, to replace its own at commit; its bytes are not held meanwhile.
  const std::string target = in_place_ ? waiting_path(i) : staging_ + "/" + std::string(paths_[i]);
  std::optional<FileStat> stat = write_file(target, bytes);
  if (!stat) {
    *error = "cannot write " + target;
    return false;
  }
  records_[i] = {key, *stat};  // a rename keeps the file's inode and time
  ++written_;
  if (in_place_) {
    std::lock_guard lock(mutex_);
    waiting_.push_back(i);
  }
  return true;
}

std::string OutputWriter::waiting_path(std::size_t i) const {
  return staging_ + "/" + std::to_string(i);
}

bool OutputWriter::commit_staging(std::string* error) {
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
  return true;
}

// Each file is replaced by rename, so a reader never sees half a file.
bool OutputWriter::commit_in_place(std::string* error) {
  std::error_code ec;
  const fs::path root(out_dir_);
  for (std::size_t i : waiting_) {
    const fs::path target = root / paths_[i];
    fs::create_directories(target.parent_path(), ec);
    if (rename(waiting_path(i).c_str(), target.c_str()) != 0) {
      *error = "cannot write " + target.string() + ": " + std::strerror(errno);
      return false;
    }
  }
  const BuildState& before = previous_state();
  std::vector<char> still_made(before.files.size(), 0);
  for (std::size_t j : previous_index_)
    if (j != kNone) still_made[j] = 1;
  for (std::size_t j = 0; j < before.files.size(); ++j) {
    std::string_view path = before.files[j].path;
    if (still_made[j] || path == kOutputMarker) continue;
    fs::remove(root / path, ec);  // no longer made: a clean build would not have it
    remove_empty_dirs((root / path).parent_path(), root);
  }
  committed_ = true;
  fs::remove_all(staging_, ec);
  return true;
}

bool OutputWriter::commit(std::uint64_t inputs_stamp, std::optional<long long> expires, std::string* error) {
  if (!(in_place_ ? commit_in_place(error) : commit_staging(error))) return false;
  RecordsStamp recorded;
  for (std::size_t i = 0; i < paths_.size(); ++i) recorded.add(paths_[i], records_[i].stat);
  recorded.add(kOutputMarker, marker_.stat);
  StateFileWriter state(state_path(out_dir_), {inputs_stamp, recorded.value(), expires.value_or(0), {}});
  for (std::size_t i = 0; i < paths_.size(); ++i) state.add(paths_[i], records_[i]);
  state.add(kOutputMarker, marker_);
  if (!state.save()) {
    *error = "cannot write " + state_path(out_dir_);
    return false;
  }
  return true;
}

bool holds_previous_output(const std::string& out_dir) {
  std::error_code ec;
  return fs::exists(fs::path(out_dir) / kOutputMarker, ec);
}

std::string output_state_path(const std::string& out_dir) { return state_path(out_dir); }
std::string output_cache_path(const std::string& out_dir) { return sibling_path(out_dir, ".congkhai-cache"); }
std::string output_details_path(const std::string& out_dir) {
  return sibling_path(out_dir, ".congkhai-details");
}
std::string output_qr_path(const std::string& out_dir) {
  return sibling_path(out_dir, ".congkhai-qr");
}

std::string output_print_path(const std::string& out_dir) {
  return sibling_path(out_dir, ".congkhai-print");
}

std::string output_sources_path(const std::string& out_dir) {
  return sibling_path(out_dir, ".congkhai-sources");
}

}  // namespace ck
