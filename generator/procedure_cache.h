// The procedure catalog as an earlier build loaded it, so a rebuild reads and
// parses only the procedure files that changed: parsing YAML is most of the
// cost of loading a large catalog. An entry is found by the file's path and
// a fingerprint of its bytes (not its modification time, which some disks
// keep to two seconds), and holds the loaded procedure (or none) and every
// message loading it gave, so a rebuild reports the same warnings and
// errors as a clean one. The cache is a file beside the output
// directory; one made by another congkhai executable is ignored.
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

class ProcedureCache {
 public:
  struct Entry {
    std::uint64_t content = 0;  // fingerprint of the file's bytes as read
    std::optional<Procedure> procedure;
    std::vector<Diagnostic> messages;
  };

  ProcedureCache() = default;
  // The cache in `bytes`, or an empty one when they were written by another
  // executable (`tool_key`) or are damaged.
  static ProcedureCache parse(std::string bytes, std::uint64_t tool_key);
  std::string serialize(std::uint64_t tool_key);

  // The cache file at `path`, or an empty cache; saves it, by appending
  // what changed when it can, otherwise writing it anew (atomically), and
  // returns the file written, open, or null on failure.
  static ProcedureCache read_file(const std::string& path, std::uint64_t tool_key);
  std::shared_ptr<const OpenFile> write_file(const std::string& path, std::uint64_t tool_key);
  // Makes each later put() write its entry to the cache file at `path` at
  // once, instead of holding it until the save: a clean build of 10,000
  // procedures held 37 MB of entries until then. Entries are added to the
  // file read, when it is whole and still as read, or else to a new file
  // that the save puts in its place. Without this, or once a write fails,
  // entries wait in memory.
  void begin_writing(const std::string& path, std::uint64_t tool_key);
  // Leaves the details of the procedures put in this build in `file`, just
  // written, where their pages read them back: the cache's memory can then
  // go before the sites render.
  void leave_details_in(const std::shared_ptr<const OpenFile>& file,
                        std::vector<Procedure>& procedures) const;

  // The entry for `path` if the file still has these bytes, moved out: each
  // file is taken once per build. Thread-safe.
  std::optional<Entry> take(const std::string& path, std::uint64_t content);
  // Records what loading `path` gave, encoded at once: the cache never
  // holds a second copy of the catalog. Returns the procedure's details as
  // the entry holds them, for the procedure to share instead of keeping
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

 private:
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();  // movable
  // An entry read from the file keeps its bytes there, so writing the cache
  // again copies them instead of encoding the entry anew.
  struct Slot {
    std::string_view stored;  // the entry's bytes in storage_, when read
    std::shared_ptr<const std::string> encoded;  // the entry's bytes, when put in this build
    bool used = false;
    std::optional<std::uint64_t> streamed_at;  // the entry's bytes in writing_, when put there
    std::uint64_t size = 0;                    // of the entry's bytes
    // When put with a procedure: where its details are in the entry, and
    // their fingerprint. When saved from memory: where the entry went.
    std::uint64_t details_at = 0, details_size = 0, details_print = 0;
    std::optional<std::uint64_t> written_at;
  };
  // The entry's bytes, read into *buffer when they are in writing_.
  std::optional<std::string_view> bytes(const Slot& slot, std::string* buffer) const;
  std::uint64_t live_size() const;  // of a file holding each entry once
  bool stream(const std::string& path, const std::string& entry, Slot& slot);
  template <typename Sink>
  bool write_to(Sink&& sink, std::uint64_t tool_key);
  std::shared_ptr<const OpenFile> finish_writing(const std::string& path);
  std::shared_ptr<const OpenFile> append_to(const std::string& path);
  // Finds the entries in `bytes`, which must outlive the cache; false when
  // they were written by another executable or are damaged.
  bool index(std::string_view bytes, std::uint64_t tool_key);
  // The bytes given to parse() or the file read_file() mapped. Procedures
  // taken keep their details there (see StoredDetails), and share it.
  std::shared_ptr<const void> storage_;
  std::string read_from_;        // the file read_file() read
  std::uint64_t file_size_ = 0;  // of the bytes indexed
  bool whole_ = false;           // they ended with a whole entry
  std::unordered_map<std::string, Slot> slots_;
  ContentPrints expected_;  // read-only while loading
  bool changed_ = false;
  std::shared_ptr<OpenFile> writing_;  // see begin_writing()
  std::string writing_path_;           // the path it is saved as
  bool writing_new_ = false;           // at writing_path_ + ".new", until saved
  bool writing_failed_ = false;
  std::uint64_t writing_size_ = 0;
};

}  // namespace ck
