// The procedure catalog as an earlier build loaded it, so a rebuild reads and
// parses only the procedure files that changed: parsing YAML is most of the
// cost of loading a large catalog. An entry is found by the file's path and
// a fingerprint of its bytes (not its modification time, which some disks
// keep to two seconds), and holds the loaded procedure (or none) and every
// message loading it gave, so a rebuild reports the same warnings and
// errors as a clean one. The cache is two files beside the output
// directory: the entries, and the procedures' details that entries point
// into, which a rebuild reads only for the pages it makes (the details are
// nine tenths of the bytes). One made by another congkhai executable is
// ignored.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "diagnostics.h"
#include "disk.h"
#include "model.h"
#include "stamp.h"

namespace ck {

// The details of a procedure in the model (see StoredDetails), in the
// encoding of the cache; nullopt for damaged bytes.
StoredDetails encode_details(ProcedureDetails details);
std::optional<ProcedureDetails> decode_details(const StoredDetails& stored);

// Where a cache is kept: its entries, and the details they point into.
struct CacheFiles {
  std::string entries;
  std::string details;
};

class ProcedureCache {
 public:
  struct Entry {
    std::uint64_t content = 0;  // fingerprint of the file's bytes as read
    std::optional<Procedure> procedure;
    std::vector<Diagnostic> messages;
  };

  ProcedureCache() = default;
  // The cache in these bytes, or an empty one when they were written by
  // another executable (`tool_key`) or do not belong together.
  static ProcedureCache parse(std::string entries, std::string details, std::uint64_t tool_key);
  std::pair<std::string, std::string> serialize(std::uint64_t tool_key);  // entries, details

  // The cache in `files`, or an empty cache.
  static ProcedureCache read_file(const CacheFiles& files, std::uint64_t tool_key);
  // Makes each later put() write its entry and details to `files` at once,
  // instead of holding them until the save: a clean build of 10,000
  // procedures held 37 MB until then. They are added to the files read,
  // when those are whole and still as read, or else to new files that the
  // save puts in their place. Without this, or once a write fails, entries
  // wait in memory.
  void begin_writing(const CacheFiles& files, std::uint64_t tool_key);
  // Saves the cache: nothing more when put() added to the files read, unless
  // more than half of them would be replaced entries; otherwise both files
  // are written anew, then renamed into place.
  bool write_file(const CacheFiles& files, std::uint64_t tool_key);

  // The entry for `path` if the file still has these bytes, moved out: each
  // file is taken once per build. Thread-safe.
  std::optional<Entry> take(const std::string& path, std::uint64_t content);
  // Records what loading `path` gave, encoded at once: the cache never
  // holds a second copy of the catalog. Returns the procedure's details as
  // the cache holds them, for the procedure to share instead of keeping
  // its own copy. Thread-safe.
  StoredDetails put(const std::string& path, std::uint64_t content, const std::optional<Procedure>& procedure,
                    const std::vector<Diagnostic>& messages);
  // The fingerprints this build already took of the files (while stamping
  // its inputs): a file found here with its entry needs no reading at all.
  void expect(ContentPrints prints) { expected_ = std::move(prints); }
  std::optional<std::uint64_t> expected_content(const std::string& path) const;

  // Forgets files that were not taken or put since the cache was read.
  void forget_unused();
  bool changed() const { return changed_; }
  std::size_t size() const { return slots_.size(); }

  // Where an entry's details are: in a details file, or in memory.
  struct DetailsSource {
    std::shared_ptr<const OpenFile> file;
    std::shared_ptr<const void> owner;  // holds `bytes`, when in memory
    std::string_view bytes;
    std::uint64_t size = 0;
  };

 private:
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // movable
  // An entry read from the file keeps its bytes there, so saving the cache
  // again can leave them in place.
  struct Slot {
    std::string_view stored;                     // in entries_, when read
    std::optional<std::uint64_t> streamed_at;    // in writing_.entries, when put there
    std::shared_ptr<const std::string> encoded;  // in memory, when put there
    std::shared_ptr<const std::string> details;  // what `encoded` points into
    std::uint64_t size = 0;                      // of the entry's bytes
    bool used = false;
  };
  // Files being written, and their sizes.
  struct Writing {
    std::shared_ptr<OpenFile> entries, details;
    std::uint64_t entries_size = 0, details_size = 0;
    bool fresh = false;  // at the paths + ".new", until saved
    bool failed = false;
    bool add_entry(std::string_view bytes) { return entries->append(bytes); }
    bool add_details(std::string_view bytes) { return details->append(bytes); }
  };
  static std::optional<Writing> start_fresh(const CacheFiles& files, std::uint64_t tool_key);
  // The entry of `slot`, decoded, or nullopt when it cannot be read.
  std::optional<Entry> decode(const Slot& slot) const;
  std::uint64_t live_size() const;  // of an entries file holding each entry once
  bool finish_writing(const CacheFiles& files);
  static bool rename_into_place(const CacheFiles& files);
  bool write_anew(const CacheFiles& files, std::uint64_t tool_key);
  // Adds every entry to `out` (files or strings), sorted by path.
  template <typename Out>
  bool write_every_entry(Out& out);
  // Finds the entries in `bytes`, which must outlive the cache; false when
  // they were written by another executable, for other details, or are
  // damaged.
  bool index(std::string_view bytes, std::uint64_t tool_key, std::uint64_t generation);
  // The entries given to parse() or the file read_file() mapped, and where
  // their details are.
  std::shared_ptr<const void> entries_;
  DetailsSource details_;
  std::string read_from_;        // the entries file read_file() read
  std::uint64_t file_size_ = 0;  // of the entries indexed
  bool whole_ = false;           // they ended with a whole entry
  std::unordered_map<std::string, Slot> slots_;
  ContentPrints expected_;  // read-only while loading
  bool changed_ = false;
  std::optional<Writing> writing_;  // see begin_writing()
};

}  // namespace ck
