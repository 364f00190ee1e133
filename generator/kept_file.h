// Entries a build keeps beside its output for the next one: the QR codes it
// made, the parts of the booklet it drew. Each entry is a key and bytes. The
// file starts with a header naming what made it (the congkhai executable,
// the options) and ends with a fingerprint of everything before; a file with
// another header, or damaged, is read as empty, so an entry found is one
// this build would make. Failing to write one costs the next build time,
// nothing else.
#pragma once

#include <condition_variable>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "disk.h"
#include "fingerprint.h"

namespace ck {

// Appends the bytes of `n`, as the machine holds them: kept files are read
// by the machine that wrote them.
template <typename Number>
void append_number(std::string& out, Number n) {
  char bytes[sizeof n];
  std::memcpy(bytes, &n, sizeof n);
  out.append(bytes, sizeof n);
}

// A fingerprint as the key of an entry.
inline std::string key_text(const Fingerprint& key) {
  std::string text;
  append_number(text, key.value());
  return text;
}

class KeptFile {
 public:
  // The file at `path`, read when first asked.
  KeptFile(std::string path, std::string header) : path_(std::move(path)), header_(std::move(header)) {}
  KeptFile(const KeptFile&) = delete;
  KeptFile& operator=(const KeptFile&) = delete;

  // The bytes kept for `key`, or nullopt. Thread-safe.
  std::optional<std::string_view> find(std::string_view key) const;
  bool empty() const;

  // A new file, written beside `path` as entries are added and renamed into
  // place by save(), so that it is never held whole.
  class Writer {
   public:
    Writer(std::string path, const std::string& header);
    // Returns where in the file `bytes` begin; nullopt once writing failed.
    std::optional<std::uint64_t> add(std::string_view key, std::string_view bytes);
    // An entry's bytes read back; false when the file could not be written.
    bool read_at(std::uint64_t offset, std::size_t size, std::string* into) {
      return file_.read_at(offset, size, into);
    }
    bool save();

   private:
    ReplacingFile file_;
    std::string entry_;
    Fingerprint check_;  // of the header and each key and value, in order
  };

 private:
  void read() const;
  std::string path_;
  std::string header_;
  mutable std::once_flag read_once_;
  mutable std::optional<MappedFile> file_;
  mutable std::unordered_map<std::string_view, std::string_view> entries_;
};

// An earlier build's entries and this build's, written together for the
// next build: entries this build neither found nor added are dropped. The
// new file is begun with the first entry, so a build that uses none leaves
// the old one as it was. Thread-safe.
class KeptEntries {
 public:
  KeptEntries(std::string path, std::string header);
  // The bytes the earlier build kept for `key`; kept again when found.
  std::optional<std::string_view> find(std::string_view key);
  // The same, not kept again: the caller adds what replaces it.
  std::optional<std::string_view> peek(std::string_view key) const { return before_.find(key); }
  // Keeps `bytes` under `key`, unless an entry was kept under it already
  // (jobs on several threads may make the same entry). Returns where they
  // begin in the new file; nullopt when kept already or the file failed.
  std::optional<std::uint64_t> add(std::string_view key, std::string_view bytes);
  // Bytes kept, or made by this build and held for the jobs that ask again.
  struct Shared {
    std::string_view bytes;                   // empty: neither kept nor made
    std::shared_ptr<const std::string> held;  // holds `bytes` when this build made them
  };
  // The bytes the earlier build kept under `key`, or those a job of this
  // build made, or else those `make` returns now (kept unless empty). When
  // jobs on several threads ask for the same key, one makes the bytes and
  // the others wait for them. The jobs that ask after they were made, until
  // `askers` jobs have asked, read them back from the new file: a domain's
  // sheet draws the parts the booklet will ask for much later, megabytes of
  // them.
  Shared find_or_make(std::string_view key, int askers, const std::function<std::string()>& make);
  // Bytes made by this build and held in memory for jobs yet to ask: only
  // those the new file could not take.
  std::size_t held_bytes() const;

  // Writes the new file, if it was begun.
  bool save();
  // How many entries were added: made by this build, not found.
  std::size_t added() const;

 private:
  KeptFile::Writer& next();
  std::string path_;
  std::string header_;
  KeptFile before_;
  mutable std::mutex mutex_;
  std::optional<KeptFile::Writer> next_;
  std::unordered_set<std::string> kept_;  // keys written to next_
  std::size_t added_ = 0;

  struct Making {
    int asks = 0;
    bool done = false;
    std::size_t size = 0;
    std::optional<std::uint64_t> offset;       // in the new file
    std::shared_ptr<const std::string> bytes;  // when not in the new file
  };
  Shared take_made(const Making& making);
  mutable std::mutex making_mutex_;
  std::condition_variable made_;
  std::unordered_map<std::string, std::shared_ptr<Making>> making_;
};

}  // namespace ck
