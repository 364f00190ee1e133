// What a build was made from and what it left, to rebuild only what changed.
// The inputs stamp hashes the path and bytes of every input file (sources,
// theme), the identity of the congkhai executable and the options that shape
// the output: when it is unchanged and the output is as the build left it,
// nothing needs doing. Each output file is recorded with the fingerprint
// of what it was made from (see RenderJob::key) and its size, modification
// time and inode, so a later build can tell which files are still current.
// All this is kept in a state file beside the output directory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "disk.h"

namespace ck {

struct OutputRecord {
  std::uint64_t key = 0;  // 0: made from nothing the build can fingerprint
  FileStat stat;
};

struct BuildState {
  std::uint64_t inputs = 0;
  std::uint64_t output = 0;  // stamp of the recorded files (see stamp_records)
  long long expires = 0;     // seconds since the epoch; 0: never (see News::next_publication)
  std::unordered_map<std::string, OutputRecord> files;  // by path in the output directory
};

// Fingerprints of files' bytes (see fingerprint.h), by path.
using ContentPrints = std::unordered_map<std::string, std::uint64_t>;

// `dirs` are walked recursively; `files` are single files; `options` is any
// text that changes the output (e.g. "--drafts"). Files count by their
// bytes; with `prints`, each file's fingerprint is kept there, so the
// files need not be read again to be recognised. Files are read on
// `threads` threads.
std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options, int threads, ContentPrints* prints = nullptr);
// A large file that only changes by being replaced (the congkhai executable),
// by its size, modification time and inode.
std::uint64_t stamp_file_identity(const std::string& path, const std::string& options);
std::uint64_t stamp_records(const std::unordered_map<std::string, OutputRecord>& files);

// The text of the state file; without `files`, only the stamps are read
// (they come first), for the quick no-op check.
std::optional<BuildState> parse_state(std::string_view text, bool files = true);
std::string format_state(const BuildState& state);

}  // namespace ck
