// The encoding of the procedure cache: one description of each record
// (io) serves both the Writer and the Reader, so what is written is read
// back member for member. Internal to procedure_cache.cc and its encoding
// of details.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "fingerprint.h"
#include "procedure_cache.h"

namespace ck::codec {

class Writer {
 public:
  static constexpr bool reading = false;
  void number(std::uint64_t& n) { bytes.append(reinterpret_cast<const char*>(&n), sizeof n); }
  // Details go to bytes of their own, which the caller puts at
  // `details_base` in the details file; the entry keeps where they are.
  void details(StoredDetails& d) {
    std::string buffer;
    std::optional<std::string_view> stored = d.bytes(&buffer);
    if (!stored) ok = false;
    last_details = {details_base + details_bytes.size(), stored ? stored->size() : 0,
                    Fingerprint().add(stored.value_or("")).value()};
    number(last_details.offset);
    number(last_details.size);
    number(last_details.print);
    details_bytes += stored.value_or("");
  }
  void text(std::string& s) {
    std::uint64_t size = s.size();
    number(size);
    bytes += s;
  }
  bool room_for(std::uint64_t) const { return true; }
  std::string bytes, details_bytes;
  std::uint64_t details_base = 0;
  struct {
    std::uint64_t offset = 0, size = 0, print = 0;
  } last_details;  // where the last details written go, and their fingerprint
  bool ok = true;  // false when details to copy could not be read
};

// Reads what Writer wrote; any shortfall marks the whole cache damaged.
class Reader {
 public:
  static constexpr bool reading = true;
  // Entries point into `details`, which they then share.
  explicit Reader(std::string_view bytes, const ProcedureCache::DetailsSource* details = nullptr)
      : rest_(bytes), details_(details) {}
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
  // Details are decoded later, by their page. Those in memory are checked
  // now against their fingerprint, and those in a file when read: reading
  // them all would be most of a rebuild's reading.
  void details(StoredDetails& d) {
    std::uint64_t offset = 0, size = 0, print = 0;
    number(offset);
    number(size);
    number(print);
    if (!ok_ || !details_ || offset > details_->size || size > details_->size - offset) return fail();
    if (details_->file) {
      d = StoredDetails(details_->file, offset, size, print);
      return;
    }
    const std::string_view bytes = details_->bytes.substr(offset, size);
    if (Fingerprint().add(bytes).value() != print) return fail();
    d = StoredDetails(details_->owner, bytes);
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
  const ProcedureCache::DetailsSource* details_;
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

// One line per record, as a table.
// clang-format off
template <typename IO>
void io(IO& a, SourcePos& v) { fields(a, v.file, v.line, v.col); }
template <typename IO>
void io(IO& a, Place& v) { fields(a, v.line, v.col); }
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
void io(IO& a, StoredDetails& v) { a.details(v); }
template <typename IO>
void io(IO& a, FormLink& v) { fields(a, v.form, v.at); }
// clang-format on

// Every member of Procedure and ProcedureDetails, in declaration order. A
// member added to either must be added here, or a rebuild would lose it: the
// size checks below trip, and ProcedureCacheTest checks a round trip with
// every member set.
static_assert(sizeof(Procedure) == 552, "Procedure changed: update io() below and then this size");
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
         p.online_url_at, p.source_hash, p.checklist_hash, p.details);
}
template <typename IO>
void io(IO& a, ProcedureCache::Entry& e) {
  fields(a, e.content, e.procedure, e.messages);
}

}  // namespace ck::codec
