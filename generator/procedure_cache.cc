#include "procedure_cache.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <unistd.h>

#include "fingerprint.h"
#include "procedure_codec.h"

namespace ck {

using codec::fields;
using codec::io;
using codec::Reader;
using codec::Writer;

namespace {

constexpr std::string_view kMagic = "congkhai-procedures 6\n";

std::string entry_header(std::string path, std::uint64_t size) {
  Writer out;
  io(out, path);
  out.number(size);
  return std::move(out.bytes);
}

// An entries file and its details file each start with the same number,
// new for each pair written, so that one is never read with another's.
std::string entries_header(std::uint64_t tool_key, std::uint64_t generation) {
  Writer header;
  header.bytes = kMagic;
  header.number(tool_key);
  header.number(generation);
  return std::move(header.bytes);
}
std::string details_header(std::uint64_t generation) {
  return std::string(reinterpret_cast<const char*>(&generation), sizeof generation);
}
std::uint64_t new_generation() {
  static std::atomic<std::uint64_t> count{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return Fingerprint()
      .add(static_cast<std::uint64_t>(now))
      .add(static_cast<std::uint64_t>(::getpid()))
      .add(++count)
      .value();
}

// Where append_entry() put an entry and its details.
struct Placed {
  std::uint64_t entry_at = 0, entry_size = 0;
  std::uint64_t details_offset = 0, details_size = 0, details_print = 0;
};

// Adds an entry's details and then the entry, which points to them, at the
// end of `out`: a pair of files, or of strings.
template <typename Out, typename... Members>
std::optional<Placed> append_entry(Out& out, const std::string& path, Members&... members) {
  Writer w;
  w.details_base = out.details_size;
  fields(w, members...);
  if (!w.ok) return std::nullopt;
  const std::string header = entry_header(path, w.bytes.size());
  if (!out.add_details(w.details_bytes) || !out.add_entry(header + w.bytes)) return std::nullopt;
  Placed placed{out.entries_size + header.size(), w.bytes.size(), w.last_details.offset, w.last_details.size,
                w.last_details.print};
  out.details_size += w.details_bytes.size();
  out.entries_size += header.size() + w.bytes.size();
  return placed;
}

struct Strings {
  std::string entries, details;
  std::uint64_t entries_size = 0, details_size = 0;
  bool add_entry(std::string_view bytes) {
    entries += bytes;
    return true;
  }
  bool add_details(std::string_view bytes) {
    details += bytes;
    return true;
  }
};

}  // namespace

ProcedureCache ProcedureCache::parse(std::string entries, std::string details, std::uint64_t tool_key) {
  ProcedureCache cache;
  auto owned_entries = std::make_shared<const std::string>(std::move(entries));
  auto owned_details = std::make_shared<const std::string>(std::move(details));
  std::uint64_t generation = 0;
  if (owned_details->size() < sizeof generation) return {};
  std::memcpy(&generation, owned_details->data(), sizeof generation);
  cache.details_ = {nullptr, owned_details, *owned_details, owned_details->size()};
  const std::string_view view = *owned_entries;
  cache.entries_ = std::move(owned_entries);
  return cache.index(view, tool_key, generation) ? std::move(cache) : ProcedureCache();
}

// The entries file is a header and entries, each led by its path and
// length; a rebuild appends the entries it put, and a later entry for a path
// replaces an earlier one. A cut-short tail (a build stopped while
// appending) loses only itself, and the next save writes the files anew.
bool ProcedureCache::index(std::string_view bytes, std::uint64_t tool_key, std::uint64_t generation) {
  if (!bytes.starts_with(kMagic)) return false;
  Reader in(bytes.substr(kMagic.size()));
  std::uint64_t key = 0, written_with = 0;
  in.number(key);
  in.number(written_with);
  if (!in.ok() || key != tool_key || written_with != generation) return false;
  // Entries are only found here; each is decoded when taken, on the
  // loading threads.
  while (!in.done()) {
    std::string path;
    std::uint64_t size = 0;
    io(in, path);
    in.number(size);
    Slot slot;
    slot.stored = in.skip(size);
    slot.size = size;
    if (!in.ok()) break;
    slots_[std::move(path)] = std::move(slot);
  }
  whole_ = in.ok();
  file_size_ = bytes.size();
  return true;
}

// Mapped, not read: copying the entries of 10,000 procedures into a string
// took most of a one-procedure rebuild's time to read them. Their details
// are left in their file.
ProcedureCache ProcedureCache::read_file(const CacheFiles& files, std::uint64_t tool_key) {
  ProcedureCache cache;
  std::optional<OpenFile> details = OpenFile::to_read(files.details);
  std::string header;
  std::optional<std::uint64_t> details_size = details ? details->size() : std::nullopt;
  std::uint64_t generation = 0;
  if (!details_size || !details->read_at(0, sizeof generation, &header)) return {};
  std::memcpy(&generation, header.data(), sizeof generation);
  auto mapped = MappedFile::open(files.entries);
  if (!mapped) return {};
  auto shared = std::make_shared<const MappedFile>(std::move(*mapped));
  const std::string_view view = shared->bytes();
  cache.entries_ = std::move(shared);
  cache.details_ = {std::make_shared<const OpenFile>(std::move(*details)), nullptr, {}, *details_size};
  if (!cache.index(view, tool_key, generation)) return {};
  cache.read_from_ = files.entries;
  return cache;
}

std::optional<ProcedureCache::Writing> ProcedureCache::start_fresh(const CacheFiles& files,
                                                                   std::uint64_t tool_key) {
  const std::uint64_t generation = new_generation();
  std::optional<OpenFile> entries = OpenFile::create(files.entries + ".new");
  std::optional<OpenFile> details = OpenFile::create(files.details + ".new");
  const std::string head = entries_header(tool_key, generation), details_head = details_header(generation);
  if (!entries || !details || !entries->append(head) || !details->append(details_head)) return std::nullopt;
  return Writing{std::make_shared<OpenFile>(std::move(*entries)),
                 std::make_shared<OpenFile>(std::move(*details)), head.size(), details_head.size(), true};
}

void ProcedureCache::begin_writing(const CacheFiles& files, std::uint64_t tool_key) {
  if (whole_ && files.entries == read_from_) {
    std::optional<OpenFile> entries = OpenFile::to_append(files.entries);
    std::optional<OpenFile> details = OpenFile::to_append(files.details);
    if (entries && details && entries->size() == file_size_ && details->size() == details_.size) {
      writing_ = Writing{std::make_shared<OpenFile>(std::move(*entries)),
                         std::make_shared<OpenFile>(std::move(*details)), file_size_, details_.size};
      return;
    }
  }
  writing_ = start_fresh(files, tool_key);
}

std::optional<ProcedureCache::Entry> ProcedureCache::decode(const Slot& slot) const {
  std::string buffer;
  std::string_view bytes = slot.stored;
  DetailsSource source = details_;
  if (slot.encoded) {
    bytes = *slot.encoded;
    source = {nullptr, slot.details, *slot.details, slot.details->size()};
  } else if (slot.streamed_at) {
    if (!writing_->entries->read_at(*slot.streamed_at, slot.size, &buffer)) return std::nullopt;
    bytes = buffer;
    source = {writing_->details, nullptr, {}, writing_->details_size};
  }
  Entry entry;
  Reader in(bytes, &source);
  io(in, entry);
  if (!in.ok() || !in.done()) return std::nullopt;
  return entry;
}

std::uint64_t ProcedureCache::live_size() const {
  std::uint64_t live = kMagic.size() + 16;  // the tool key and the generation
  for (const auto& [source, slot] : slots_) live += 8 + source.size() + 8 + slot.size;  // see entry_header()
  return live;
}

// Details first: a crash between the two renames leaves a pair that does not
// belong together, and is ignored.
bool ProcedureCache::rename_into_place(const CacheFiles& files) {
  return std::rename((files.details + ".new").c_str(), files.details.c_str()) == 0 &&
         std::rename((files.entries + ".new").c_str(), files.entries.c_str()) == 0;
}

template <typename Out>
bool ProcedureCache::write_every_entry(Out& out) {
  std::vector<const std::pair<const std::string, Slot>*> sorted;
  for (const auto& entry : slots_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* slot : sorted) {
    std::optional<Entry> entry = decode(slot->second);
    if (!entry || !append_entry(out, slot->first, entry->content, entry->procedure, entry->messages))
      return false;
  }
  return true;
}

std::pair<std::string, std::string> ProcedureCache::serialize(std::uint64_t tool_key) {
  const std::uint64_t generation =
      Fingerprint().add(tool_key).value();  // the same cache gives the same bytes
  Strings out;
  out.add_entry(entries_header(tool_key, generation));
  out.add_details(details_header(generation));
  out.entries_size = out.entries.size();
  out.details_size = out.details.size();
  write_every_entry(out);
  return {std::move(out.entries), std::move(out.details)};
}

// The files put() wrote to, complete: new ones get the entries taken from
// the files read, and then their names. Files added to are kept unless more
// than half of them would be replaced entries.
bool ProcedureCache::finish_writing(const CacheFiles& files) {
  if (!writing_ || writing_->failed) return false;
  if (!writing_->fresh) return writing_->entries_size <= 2 * live_size();
  for (const auto& [path, slot] : slots_) {
    if (slot.streamed_at) continue;
    std::optional<Entry> entry = decode(slot);
    if (!entry || !append_entry(*writing_, path, entry->content, entry->procedure, entry->messages))
      return false;
  }
  return rename_into_place(files);
}

bool ProcedureCache::write_anew(const CacheFiles& files, std::uint64_t tool_key) {
  std::optional<Writing> out = start_fresh(files, tool_key);
  return out && write_every_entry(*out) && rename_into_place(files);
}

bool ProcedureCache::write_file(const CacheFiles& files, std::uint64_t tool_key) {
  return finish_writing(files) || write_anew(files, tool_key);
}

std::optional<ProcedureCache::Entry> ProcedureCache::take(const std::string& path, std::uint64_t content) {
  const Slot* slot = nullptr;  // elements stay put while others are added
  {
    std::lock_guard lock(*mutex_);
    auto it = slots_.find(path);
    std::uint64_t stored_content = 0;  // an entry starts with it
    if (it == slots_.end() || it->second.used || it->second.stored.size() < sizeof stored_content)
      return std::nullopt;
    std::memcpy(&stored_content, it->second.stored.data(), sizeof stored_content);
    if (stored_content != content) return std::nullopt;
    it->second.used = true;
    slot = &it->second;
  }
  return decode(*slot);  // nullopt when damaged: the file is loaded anew
}

// Encoded under the lock: where the details go in the file must be known to
// encode the entry that points to them.
StoredDetails ProcedureCache::put(const std::string& path, std::uint64_t content,
                                  const std::optional<Procedure>& procedure,
                                  const std::vector<Diagnostic>& messages) {
  auto& loaded = const_cast<std::optional<Procedure>&>(procedure);  // only read
  auto& said = const_cast<std::vector<Diagnostic>&>(messages);
  std::uint64_t key = content;
  Slot slot;
  slot.used = true;
  StoredDetails details;
  std::lock_guard lock(*mutex_);
  changed_ = true;
  if (writing_ && !writing_->failed) {
    if (std::optional<Placed> placed = append_entry(*writing_, path, key, loaded, said)) {
      slot.streamed_at = placed->entry_at;
      slot.size = placed->entry_size;
      if (procedure)
        details = StoredDetails(writing_->details, placed->details_offset, placed->details_size,
                                placed->details_print);
      slots_[path] = std::move(slot);
      return details;
    }
    writing_->failed = true;  // part of an entry may be written: nothing more is added after it
  }
  Writer out;  // kept in memory, pointing into its own details
  fields(out, key, loaded, said);
  slot.size = out.bytes.size();
  slot.encoded = std::make_shared<const std::string>(std::move(out.bytes));
  slot.details = std::make_shared<const std::string>(std::move(out.details_bytes));
  if (procedure) details = StoredDetails(slot.details, *slot.details);
  slots_[path] = std::move(slot);
  return details;
}

std::optional<std::uint64_t> ProcedureCache::expected_content(const std::string& path) const {
  auto it = expected_.find(path);
  if (it == expected_.end()) return std::nullopt;
  return it->second;
}

void ProcedureCache::forget_unused() {
  std::erase_if(slots_, [&](const auto& slot) {
    changed_ |= !slot.second.used;
    return !slot.second.used;
  });
}

}  // namespace ck
