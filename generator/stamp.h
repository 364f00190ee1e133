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
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "disk.h"
#include "fingerprint.h"

namespace ck {

struct OutputRecord {
  std::uint64_t key = 0;  // 0: made from nothing the build can fingerprint
  FileStat stat;
};

// The path is a view: into the state file that was read, or into the
// paths of the build that is recording.
struct OutputEntry {
  std::string_view path;  // in the output directory
  OutputRecord record;
};

// The files are kept in the order the build makes them, which is the same
// from one build to the next: a rebuild finds each file's record at its
// own index without hashing 50,000 paths.
struct BuildState {
  std::uint64_t inputs = 0;
  std::uint64_t output = 0;  // stamp of the recorded files (see stamp_records)
  long long expires = 0;     // seconds since the epoch; 0: never (see News::next_publication)
  std::vector<OutputEntry> files;
};

// Fingerprints of files' bytes (see fingerprint.h), by path.
using ContentPrints = std::unordered_map<std::string, std::uint64_t>;

// What source files looked like when they were last read, with their
// prints: a rebuild reads only the files whose look changed. A file is
// trusted by its look only once its last change is two seconds older than
// the moment it was looked at, so that an edit within the same tick of a
// coarse clock (FAT keeps times to two seconds) still counts. The change
// time is part of the look: no tool can set it back.
struct SourceLook {
  std::uint64_t size = 0;
  std::uint64_t mtime_ns = 0;
  std::uint64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const SourceLook&) const = default;
};

class SourceBook {
 public:
  SourceBook() = default;
  SourceBook(SourceBook&&) = default;
  SourceBook& operator=(SourceBook&&) = default;
  SourceBook(const SourceBook&) = delete;  // its paths point into its own storage
  SourceBook& operator=(const SourceBook&) = delete;

  // The book at `path`, or an empty one when it is missing or damaged.
  static SourceBook read_file(const std::string& path);
  bool write_file(const std::string& path) const;
  // The print of `path` if it still looks as it did. Thread-safe with
  // other lookups.
  std::optional<std::uint64_t> print(const std::string& path, const SourceLook& look) const;
  // A file read in this build; `looked_ns` is when its look was taken.
  void learn(const std::string& path, const SourceLook& look, std::uint64_t print, std::uint64_t looked_ns);
  // A file known by its look in this build. Files neither learnt nor seen
  // are gone, and are left out when the book is written.
  void saw(const std::string& path);
  bool changed() const;

 private:
  struct Entry {
    SourceLook look;
    std::uint64_t print = 0;
    bool seen = false;
  };
  // The paths point into the book's file, which stays mapped, or into
  // learnt_: a rebuild of 10,000 sources makes no string for a known one.
  std::optional<MappedFile> file_;
  std::deque<std::string> learnt_;
  std::unordered_map<std::string_view, Entry> entries_;
  bool changed_ = false;
};

// `dirs` are walked recursively; `files` are single files; `options` is any
// text that changes the output (e.g. "--drafts"). Files count by their
// bytes; with `prints`, each file's fingerprint is kept there, so the
// files need not be read again to be recognised. Files are read on
// `threads` threads; with `book`, only those that look changed.
std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options, int threads, ContentPrints* prints = nullptr,
                           SourceBook* book = nullptr);
// A large file that only changes by being replaced (the congkhai executable),
// by its size, modification time and inode.
std::uint64_t stamp_file_identity(const std::string& path, const std::string& options);
std::uint64_t stamp_records(const std::vector<OutputEntry>& files);

// The stamp of recorded files (BuildState::output), added one at a time.
class RecordsStamp {
 public:
  void add(std::string_view path, const FileStat& stat);
  std::uint64_t value() const { return hash_.value(); }

 private:
  Fingerprint hash_;
};

// The text of the state file. The paths of the files point into `text`.
std::optional<BuildState> parse_state(std::string_view text);

// Writes a state file a record at a time: the text of 50,000 records is
// 4 MB that a rebuild need not hold. The file is made beside `path` and
// renamed into place by save(). `state` gives the first line; its files
// are ignored.
class StateFileWriter {
 public:
  StateFileWriter(std::string path, const BuildState& state);
  void add(std::string_view path, const OutputRecord& record);
  bool save() { return file_.commit(); }

 private:
  ReplacingFile file_;
  std::string line_;
};

}  // namespace ck
