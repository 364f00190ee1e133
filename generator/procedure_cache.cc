#include "procedure_cache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <type_traits>

#include "fingerprint.h"

namespace ck {
namespace {

constexpr std::string_view kMagic = "congkhai-procedures 4\n";

class Writer {
 public:
  static constexpr bool reading = false;
  void number(std::uint64_t& n) { bytes.append(reinterpret_cast<const char*>(&n), sizeof n); }
  // Details are encoded from memory: those of a procedure just loaded.
  void details(StoredDetails& d) {
    std::string buffer;
    const std::string_view stored = d.bytes(&buffer).value_or("");
    std::uint64_t size = stored.size();
    details_print = Fingerprint().add(stored).value();
    number(size);
    number(details_print);
    details_at = bytes.size();
    details_size = stored.size();
    bytes += stored;
  }
  void text(std::string& s) {
    std::uint64_t size = s.size();
    number(size);
    bytes += s;
  }
  bool room_for(std::uint64_t) const { return true; }
  std::string bytes;
  // Where the last details written are, and their fingerprint.
  std::uint64_t details_at = 0, details_size = 0, details_print = 0;
};

// Reads what Writer wrote; any shortfall marks the whole cache damaged.
class Reader {
 public:
  static constexpr bool reading = true;
  // `owner` holds the bytes; details read are left in place and share it.
  explicit Reader(std::string_view bytes, std::shared_ptr<const void> owner = {})
      : rest_(bytes), owner_(std::move(owner)) {}
  void number(std::uint64_t& n) {
    n = 0;
    if (rest_.size() < sizeof n) return fail();
    std::memcpy(&n, rest_.data(), sizeof n);
    rest_.remove_prefix(sizeof n);
  }
  void text(std::string& s) {
    std::uint64_t size = 0;
    number(size);
    if (size > rest_.size()) return fail();
    s.assign(rest_.substr(0, size));
    rest_.remove_prefix(size);
  }
  // Details are decoded later, by their page, when a damaged entry can no
  // longer be a miss: their fingerprint is checked now instead.
  void details(StoredDetails& d) {
    std::uint64_t size = 0, print = 0;
    number(size);
    number(print);
    std::string_view bytes = skip(size);
    if (Fingerprint().add(bytes).value() != print) return fail();
    d = owner_ ? StoredDetails(owner_, bytes) : StoredDetails(std::string(bytes));
  }
  // A count of items cannot exceed the bytes left: a damaged count must
  // not allocate the moon.
  bool room_for(std::uint64_t count) {
    if (count <= rest_.size()) return true;
    fail();
    return false;
  }
  // The next `size` bytes, skipped.
  std::string_view skip(std::uint64_t size) {
    if (size > rest_.size()) {
      fail();
      return {};
    }
    std::string_view skipped = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return skipped;
  }
  bool ok() const { return ok_; }
  bool done() const { return rest_.empty(); }

 private:
  void fail() {
    ok_ = false;
    rest_ = {};
  }
  std::string_view rest_;
  std::shared_ptr<const void> owner_;
  bool ok_ = true;
};

// One description of each record serves both directions.
template <typename IO>
void io(IO& a, std::string& s) {
  a.text(s);
}
template <typename IO, typename T>
  requires std::is_integral_v<T> || std::is_enum_v<T>
void io(IO& a, T& v) {
  auto n = static_cast<std::uint64_t>(v);
  a.number(n);
  v = static_cast<T>(n);
}
template <typename IO, typename T>
void io(IO& a, std::vector<T>& list) {
  std::uint64_t count = list.size();
  a.number(count);
  if constexpr (IO::reading) list.resize(a.room_for(count) ? count : 0);
  for (T& item : list) io(a, item);
}
template <typename IO, typename T>
void io(IO& a, std::optional<T>& v) {
  bool has = v.has_value();
  io(a, has);
  if constexpr (IO::reading)
    if (has) v.emplace();
  if (has) io(a, *v);
}
template <typename IO, typename... T>
void fields(IO& a, T&... members) {
  (io(a, members), ...);
}

template <typename IO>
void io(IO& a, SourcePos& v) { fields(a, v.file, v.line, v.col); }
template <typename IO>
void io(IO& a, Text& v) { fields(a, v.vi, v.en); }
template <typename IO>
void io(IO& a, Diagnostic& v) { fields(a, v.severity, v.pos, v.message, v.hint); }
template <typename IO>
void io(IO& a, Date& v) { fields(a, v.year, v.month, v.day); }
template <typename IO>
void io(IO& a, Channel& v) { fields(a, v.kind, v.time_limit, v.fee, v.note); }
template <typename IO>
void io(IO& a, Paper& v) { fields(a, v.name, v.originals, v.copies, v.form, v.note, v.form_at); }
template <typename IO>
void io(IO& a, PaperGroup& v) { fields(a, v.case_name, v.papers); }
template <typename IO>
void io(IO& a, LegalDocument& v) { fields(a, v.number, v.title, v.issuer, v.date); }
template <typename IO>
void io(IO& a, Agencies& v) { fields(a, v.performing, v.authority, v.coordinating); }
template <typename IO>
void io(IO& a, MarkdownSource& v) { fields(a, v.text, v.origin); }
template <typename IO>
void io(IO& a, FieldPlaces& v) { fields(a, v.code, v.name, v.domain, v.slug); }
template <typename IO>
void io(IO& a, StoredDetails& v) {
  a.details(v);
}
template <typename IO>
void io(IO& a, FormLink& v) {
  fields(a, v.form, v.at);
}

// Every member of Procedure and ProcedureDetails, in declaration order. A
// member added to either must be added here, or a rebuild would lose it: the
// size checks below trip, and ProcedureCacheTest checks a round trip with
// every member set.
static_assert(sizeof(Procedure) == 744, "Procedure changed: update io() below and then this size");
static_assert(sizeof(ProcedureDetails) == 384,
              "ProcedureDetails changed: update io() below and then this size");
template <typename IO>
void io(IO& a, ProcedureDetails& d) {
  fields(a, d.summary, d.applicants, d.agency, d.submit_at, d.channels, d.documents, d.result, d.conditions,
         d.legal_basis, d.body);
}
template <typename IO>
void io(IO& a, Procedure& p) {
  fields(a, p.source, p.at, p.code, p.name, p.domain, p.slug, p.level, p.type, p.online, p.online_url,
         p.time_limit, p.fee, p.site_forms, p.keywords, p.related, p.qr_encode, p.qr_encode_at,
         p.online_url_at, p.source_hash, p.fields_hash, p.details);
}
template <typename IO>
void io(IO& a, ProcedureCache::Entry& e) { fields(a, e.content, e.procedure, e.messages); }

}  // namespace

StoredDetails encode_details(ProcedureDetails details) {
  Writer out;
  io(out, details);
  return StoredDetails(std::move(out.bytes));
}

std::optional<ProcedureDetails> decode_details(const StoredDetails& stored) {
  ProcedureDetails details;
  std::string buffer;
  std::optional<std::string_view> bytes = stored.bytes(&buffer);
  if (!bytes) return std::nullopt;
  Reader in(*bytes);
  io(in, details);
  if (!in.ok() || !in.done()) return std::nullopt;
  return details;
}

ProcedureCache ProcedureCache::parse(std::string bytes, std::uint64_t tool_key) {
  ProcedureCache cache;
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view view = *owned;
  cache.storage_ = std::move(owned);
  return cache.index(view, tool_key) ? std::move(cache) : ProcedureCache();
}

// The file is a header and entries, each led by its path and length; a
// rebuild appends the entries it put, and a later entry for a path replaces
// an earlier one. A cut-short tail (a build stopped while appending) loses
// only itself, and the next save writes the file anew.
bool ProcedureCache::index(std::string_view bytes, std::uint64_t tool_key) {
  if (!bytes.starts_with(kMagic)) return false;
  Reader in(bytes.substr(kMagic.size()));
  std::uint64_t key = 0;
  in.number(key);
  if (!in.ok() || key != tool_key) return false;
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

namespace {

std::string entry_header(std::string path, std::uint64_t size) {
  Writer out;
  io(out, path);
  out.number(size);
  return std::move(out.bytes);
}

std::string file_header(std::uint64_t tool_key) {
  Writer header;
  header.bytes = kMagic;
  header.number(tool_key);
  return std::move(header.bytes);
}

}  // namespace

std::optional<std::string_view> ProcedureCache::bytes(const Slot& slot, std::string* buffer) const {
  if (slot.encoded) return *slot.encoded;
  if (!slot.streamed_at) return slot.stored;
  if (!writing_->read_at(*slot.streamed_at, slot.size, buffer)) return std::nullopt;
  return *buffer;
}

std::uint64_t ProcedureCache::live_size() const {
  std::uint64_t live = kMagic.size() + 8;
  for (const auto& [source, slot] : slots_) live += entry_header(source, slot.size).size() + slot.size;
  return live;
}

// Calls sink(bytes) for each piece of the whole file, entries sorted by
// path so the same cache gives the same bytes.
template <typename Sink>
bool ProcedureCache::write_to(Sink&& sink, std::uint64_t tool_key) {
  std::uint64_t at = 0;
  auto piece = [&](std::string_view bytes) {
    sink(bytes);
    at += bytes.size();
  };
  piece(file_header(tool_key));
  std::vector<std::pair<const std::string, Slot>*> sorted;
  for (auto& entry : slots_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string buffer;
  for (auto* entry : sorted) {
    std::optional<std::string_view> bytes = this->bytes(entry->second, &buffer);
    if (!bytes) return false;
    piece(entry_header(entry->first, bytes->size()));
    if (entry->second.encoded) entry->second.written_at = at;
    piece(*bytes);
  }
  return true;
}

void ProcedureCache::begin_writing(const std::string& path, std::uint64_t tool_key) {
  writing_path_ = path;
  if (whole_ && path == read_from_)
    if (std::optional<OpenFile> file = OpenFile::to_append(path); file && file->size() == file_size_) {
      writing_ = std::make_shared<OpenFile>(std::move(*file));
      writing_size_ = file_size_;
      return;
    }
  std::optional<OpenFile> file = OpenFile::create(path + ".new");
  const std::string header = file_header(tool_key);
  if (!file || !file->append(header)) return;
  writing_ = std::make_shared<OpenFile>(std::move(*file));
  writing_new_ = true;
  writing_size_ = header.size();
}

// Writes a put entry to writing_, under the lock; false when it is kept in
// memory instead. A failed write may leave part of an entry: nothing more
// is added after it, and the save writes the file anew.
bool ProcedureCache::stream(const std::string& path, const std::string& entry, Slot& slot) {
  if (!writing_ || writing_failed_) return false;
  const std::string header = entry_header(path, entry.size());
  if (!writing_->append(header + entry)) {
    writing_failed_ = true;
    return false;
  }
  slot.streamed_at = writing_size_ + header.size();
  writing_size_ += header.size() + entry.size();
  return true;
}

// The file put() wrote to, complete: a new one gets the entries taken from
// the file read, and then its name; one added to is kept unless more than
// half of it would be replaced entries.
std::shared_ptr<const OpenFile> ProcedureCache::finish_writing(const std::string& path) {
  if (!writing_ || writing_failed_ || path != writing_path_) return nullptr;
  if (!writing_new_) return writing_size_ > 2 * live_size() ? nullptr : writing_;
  std::string taken;
  for (const auto& [source, slot] : slots_)
    if (!slot.streamed_at) {
      taken += entry_header(source, slot.size);
      taken += slot.stored;
    }
  if (!writing_->append(taken) || std::rename((path + ".new").c_str(), path.c_str()) != 0) return nullptr;
  return writing_;
}

// Appending the entries put in this build, when the file is still the one
// read and would not be more than half replaced entries: rewriting 37 MB
// for 10,000 procedures after one edit cost more than the rest of the save.
std::shared_ptr<const OpenFile> ProcedureCache::append_to(const std::string& path) {
  if (!whole_ || path != read_from_) return nullptr;
  std::string appended;
  for (auto& [source, slot] : slots_) {
    if (!slot.encoded) continue;
    appended += entry_header(source, slot.size);
    slot.written_at = file_size_ + appended.size();
    appended += *slot.encoded;
  }
  if (file_size_ + appended.size() > 2 * live_size()) return nullptr;
  std::optional<OpenFile> file = OpenFile::to_append(path);
  if (!file || file->size() != file_size_) return nullptr;  // written since it was read
  if (!file->append(appended)) return nullptr;
  return std::make_shared<const OpenFile>(std::move(*file));
}

std::string ProcedureCache::serialize(std::uint64_t tool_key) {
  std::string out;
  write_to([&out](std::string_view piece) { out += piece; }, tool_key);
  return out;
}

// Mapped, not read: copying 37 MB of cache for 10,000 procedures into a
// string took most of a one-procedure rebuild's time to read it.
ProcedureCache ProcedureCache::read_file(const std::string& path, std::uint64_t tool_key) {
  ProcedureCache cache;
  auto mapped = MappedFile::open(path);
  if (!mapped) return {};
  auto shared = std::make_shared<const MappedFile>(std::move(*mapped));
  const std::string_view view = shared->bytes();
  cache.storage_ = std::move(shared);
  if (!cache.index(view, tool_key)) return {};
  cache.read_from_ = path;
  return cache;
}

std::shared_ptr<const OpenFile> ProcedureCache::write_file(const std::string& path, std::uint64_t tool_key) {
  if (std::shared_ptr<const OpenFile> streamed = finish_writing(path)) return streamed;
  if (std::shared_ptr<const OpenFile> appended = append_to(path)) return appended;
  const std::string fresh = path + ".new";
  std::optional<OpenFile> file = OpenFile::create(fresh);
  if (!file) return nullptr;
  std::string buffer;  // written a megabyte at a time, not two calls per entry
  bool ok = true;
  auto flush = [&] {
    ok = ok && file->append(buffer);
    buffer.clear();
  };
  ok = write_to(
           [&](std::string_view piece) {
             buffer += piece;
             if (buffer.size() >= (1 << 20)) flush();
           },
           tool_key) &&
       ok;
  flush();
  if (!ok || std::rename(fresh.c_str(), path.c_str()) != 0) return nullptr;
  return std::make_shared<const OpenFile>(std::move(*file));
}

void ProcedureCache::leave_details_in(const std::shared_ptr<const OpenFile>& file,
                                      std::vector<Procedure>& procedures) const {
  for (Procedure& p : procedures) {
    auto it = slots_.find(p.source.file);
    if (it == slots_.end() || !it->second.encoded || !it->second.written_at) continue;
    const Slot& slot = it->second;  // put in this build and kept in memory: p shares its details
    p.details =
        StoredDetails(file, *slot.written_at + slot.details_at, slot.details_size, slot.details_print);
  }
}

std::optional<ProcedureCache::Entry> ProcedureCache::take(const std::string& path, std::uint64_t content) {
  std::string_view stored;
  {
    std::lock_guard lock(*mutex_);
    auto it = slots_.find(path);
    std::uint64_t stored_content = 0;  // an entry starts with it
    if (it == slots_.end() || it->second.used || it->second.stored.size() < sizeof stored_content)
      return std::nullopt;
    std::memcpy(&stored_content, it->second.stored.data(), sizeof stored_content);
    if (stored_content != content) return std::nullopt;
    it->second.used = true;
    stored = it->second.stored;
  }
  Entry entry;
  Reader in(stored, storage_);
  io(in, entry);
  if (!in.ok() || !in.done()) return std::nullopt;  // damaged: the file is loaded anew
  return entry;
}

StoredDetails ProcedureCache::put(const std::string& path, std::uint64_t content,
                                  const std::optional<Procedure>& procedure,
                                  const std::vector<Diagnostic>& messages) {
  Writer out;  // Writer only reads what it is given
  std::uint64_t key = content;
  fields(out, key, const_cast<std::optional<Procedure>&>(procedure),
         const_cast<std::vector<Diagnostic>&>(messages));
  Slot slot;
  slot.used = true;
  slot.size = out.bytes.size();
  if (procedure) {
    slot.details_at = out.details_at;
    slot.details_size = out.details_size;
    slot.details_print = out.details_print;
  }
  StoredDetails details;
  std::lock_guard lock(*mutex_);
  changed_ = true;
  if (stream(path, out.bytes, slot)) {
    if (procedure)
      details =
          StoredDetails(writing_, *slot.streamed_at + slot.details_at, slot.details_size, slot.details_print);
  } else {
    out.bytes.shrink_to_fit();  // grown by doubling: up to twice the bytes
    slot.encoded = std::make_shared<const std::string>(std::move(out.bytes));
    if (procedure)
      details = StoredDetails(slot.encoded,
                              std::string_view(*slot.encoded).substr(slot.details_at, slot.details_size));
  }
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
