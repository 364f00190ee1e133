// Stage 4 of a build, the only one that writes. A failed build leaves the
// previous output exactly as it was. Files that are still current (made from
// the same inputs and untouched since) are neither rendered nor rewritten, so
// they keep their modification time and a sync to the web server skips them.
//
// When many files are to be made, they go into a staging directory beside
// the output, current files are hard-linked into it, and it is swapped in
// only when the whole build succeeded. When few are, they wait in that
// directory and, if the build succeeded, each replaces its file in place
// (atomically, by rename), which saves linking every file of a large site.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "render.h"
#include "stamp.h"

namespace ck {

class OutputWriter {
 public:
  explicit OutputWriter(std::string out_dir);
  ~OutputWriter();  // removes the staging directory unless committed

  // Checks the output directory, then reads what the previous build left
  // and looks at each file it recorded, on a thread of its own beside the
  // build's work: call it first. Refuses to take over an existing directory
  // that congkhai did not write (it has no marker file).
  bool begin(std::string* error);
  // True when the previous build was made from inputs with this stamp and
  // its output has not been touched since: building would give the same
  // files. `now` in seconds since the epoch.
  bool is_unchanged(std::uint64_t inputs_stamp, long long now) const;
  // The files this build makes, in the order it makes them (the same from
  // one build to the next); each is then named by its index. The paths
  // must outlive the writer.
  void plan(std::vector<std::string_view> paths);
  // True when the previous build made file `i` from the same key and the
  // file is as it left it. Safe to call from several threads.
  bool is_current(std::size_t i, std::uint64_t key) const;
  // Chooses how to write, given how many files must be made. In place only
  // when sources changed: with the same inputs, the build runs because the
  // output was touched, and a fresh tree drops whatever was added to it.
  bool start(std::size_t to_make, std::uint64_t inputs_stamp, std::string* error);

  // Safe to call from several threads for different files.
  bool keep(std::size_t i, std::uint64_t key, std::string* error);  // a current file
  bool write(std::size_t i, OutputFile file, std::uint64_t key, std::string* error);

  // Puts the new output in place and records, beside it, what it was built
  // from. `expires`: the moment the output goes out of date by itself (a
  // scheduled post), if any.
  bool commit(std::uint64_t inputs_stamp, std::optional<long long> expires, std::string* error);

  bool in_place() const { return in_place_; }
  std::size_t written() const { return written_; }
  std::size_t unchanged() const { return unchanged_; }

 private:
  const OutputEntry* previous(std::size_t i) const;
  void read_previous();                        // on the look's thread
  const BuildState& previous_state() const;    // waits for read_previous()
  void look_at_previous() const;               // takes files to look at until none is left
  const std::vector<char>& untouched() const;  // helps the look, then waits for its end
  std::optional<FileStat> previous_stat(std::string_view path) const;
  bool same_as_previous(std::string_view path, const std::string& bytes) const;
  bool link_previous(std::size_t i, std::uint64_t key, std::string* error);
  bool commit_staging(std::string* error);
  bool commit_in_place(std::string* error);
  std::string waiting_path(std::size_t i) const;  // in place: file i until commit

  std::string out_dir_;
  int out_fd_ = -1;  // the previous output, open while it is read
  std::string staging_;
  std::optional<MappedFile> previous_file_;  // the previous state file, which previous_ points into
  BuildState previous_;                      // read by the look's thread: see previous_state()
  mutable std::atomic<bool> previous_read_{false};
  std::vector<std::string_view> paths_;      // of the files this build makes
  // The look at the files of previous_: whoever needs its answer helps, so a
  // build with nothing to do looks on every core.
  struct Look {
    std::vector<char> untouched;  // per entry of previous_: its file is as recorded
    std::atomic<std::size_t> next{0}, done{0};
  };
  mutable Look look_;
  std::thread looker_;
  std::vector<std::size_t> previous_index_;  // per file, its entry in previous_, or kNone
  std::vector<OutputRecord> records_;        // per file, once kept or written
  OutputRecord marker_;
  bool in_place_ = false;
  bool committed_ = false;
  std::mutex mutex_;                  // guards waiting_
  std::vector<std::size_t> waiting_;  // in place: the files to replace at commit
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
};

// The file name that marks a directory as congkhai's output.
inline constexpr const char* kOutputMarker = ".congkhai-output";

// True when `out_dir` holds the output of an earlier build, to rebuild.
bool holds_previous_output(const std::string& out_dir);

// The files beside `out_dir` that record what it was built from, the
// procedures as last loaded, what the sources looked like and the QR codes
// made (`clean` removes them with the output).
std::string output_state_path(const std::string& out_dir);
std::string output_cache_path(const std::string& out_dir);
std::string output_details_path(const std::string& out_dir);
std::string output_sources_path(const std::string& out_dir);
std::string output_qr_path(const std::string& out_dir);
std::string output_print_path(const std::string& out_dir);  // the booklet's parts

}  // namespace ck
