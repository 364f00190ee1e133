// Stage 4 of a build, the only one that writes: output files go into a
// staging directory beside the output directory, which is swapped in only
// when the whole build succeeded. A failed build leaves the previous output
// exactly as it was.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "render.h"

namespace ck {

class OutputWriter {
 public:
  explicit OutputWriter(std::string out_dir);
  ~OutputWriter();  // removes the staging directory unless committed

  // Creates the staging directory. Refuses to take over an existing
  // directory that congkhai did not write (it has no marker file).
  bool begin(std::string* error);
  // Safe to call from several threads for different paths. A file whose
  // bytes equal the previous output's is hard-linked from it, so it keeps
  // its modification time and a sync to the web server skips it.
  bool write(const OutputFile& file, std::string* error);
  // Swaps the staging directory in as the output directory and records,
  // beside it, what it was built from (see stamp.h).
  // `expires`: the moment the output goes out of date by itself (a
  // scheduled post), if any.
  bool commit(std::uint64_t inputs_stamp, std::optional<long long> expires, std::string* error);

  std::size_t written() const { return written_; }
  std::size_t unchanged() const { return unchanged_; }

 private:
  bool same_as_previous(const std::string& path, const std::string& bytes) const;

  std::string out_dir_;
  std::string staging_;
  bool committed_ = false;
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
};

// The file name that marks a directory as congkhai's output.
inline constexpr const char* kOutputMarker = ".congkhai-output";

// True when `out_dir` was built from inputs with this stamp and has not been
// touched since: rebuilding would give the same files.
// `now` in seconds since the epoch.
bool output_is_current(const std::string& out_dir, std::uint64_t inputs_stamp, long long now);

// The file beside `out_dir` that records what it was built from (`clean`
// removes it with the output).
std::string output_state_path(const std::string& out_dir);

}  // namespace ck
