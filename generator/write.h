// Stage 4 of a build, the only one that writes. A failed build leaves the
// previous output exactly as it was. Files that are still current (made from
// the same inputs and untouched since) are neither rendered nor rewritten, so
// they keep their modification time and a sync to the web server skips them.
//
// When many files are to be made, they go into a staging directory beside
// the output, current files are hard-linked into it, and it is swapped in
// only when the whole build succeeded. When few are, they are rendered into
// memory and, if the build succeeded, each replaces its file in place
// (atomically, by rename), which saves linking every file of a large site.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "render.h"
#include "stamp.h"

namespace ck {

class OutputWriter {
 public:
  explicit OutputWriter(std::string out_dir);
  ~OutputWriter();  // removes the staging directory unless committed

  // Checks the output directory and reads what the previous build left.
  // Refuses to take over an existing directory that congkhai did not write
  // (it has no marker file).
  bool begin(std::string* error);
  // True when the previous build made `path` from the same key and the file
  // is as it left it. Safe to call from several threads.
  bool is_current(const std::string& path, std::uint64_t key) const;
  // Chooses how to write, given how many files must be made. In place only
  // when sources changed: with the same inputs, the build runs because the
  // output was touched, and a fresh tree drops whatever was added to it.
  bool start(std::size_t to_make, std::uint64_t inputs_stamp, std::string* error);

  // Safe to call from several threads for different paths.
  bool keep(const std::string& path, std::uint64_t key, std::string* error);  // a current file
  bool write(const OutputFile& file, std::uint64_t key, std::string* error);

  // Puts the new output in place and records, beside it, what it was built
  // from. `expires`: the moment the output goes out of date by itself (a
  // scheduled post), if any.
  bool commit(std::uint64_t inputs_stamp, std::optional<long long> expires, std::string* error);

  bool in_place() const { return in_place_; }
  std::size_t written() const { return written_; }
  std::size_t unchanged() const { return unchanged_; }

 private:
  struct Pending {
    std::string path;
    std::string bytes;
    std::uint64_t key;
  };
  std::optional<FileStat> previous_stat(const std::string& path) const;
  bool same_as_previous(const std::string& path, const std::string& bytes) const;
  void record(const std::string& path, OutputRecord record);
  bool link_previous(const std::string& path, std::uint64_t key, std::string* error);
  bool commit_staging(std::string* error);
  bool commit_in_place(std::string* error);

  std::string out_dir_;
  int out_fd_ = -1;  // the previous output, open while it is read
  std::string staging_;
  BuildState previous_;
  bool in_place_ = false;
  bool committed_ = false;
  std::mutex mutex_;  // guards records_ and pending_
  std::unordered_map<std::string, OutputRecord> records_;
  std::vector<Pending> pending_;  // in place: the files to replace at commit
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
};

// The file name that marks a directory as congkhai's output.
inline constexpr const char* kOutputMarker = ".congkhai-output";

// True when `out_dir` was built from inputs with this stamp and has not been
// touched since: rebuilding would give the same files.
// `now` in seconds since the epoch; files are checked on `threads` threads.
bool output_is_current(std::string out_dir, std::uint64_t inputs_stamp, long long now, int threads = 1);

// The files beside `out_dir` that record what it was built from and the
// procedures as last loaded (`clean` removes them with the output).
std::string output_state_path(const std::string& out_dir);
std::string output_cache_path(const std::string& out_dir);

}  // namespace ck
