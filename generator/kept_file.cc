#include "kept_file.h"

#include <cstdint>
#include <cstring>

namespace ck {
namespace {

// Each entry: the key's length (4 bytes) and bytes, the value's length (4)
// and bytes. The file ends with the fingerprint of the header and of each
// key and value in turn (8).
constexpr std::size_t kTrailer = sizeof(std::uint64_t);

// Takes a length and that many bytes from the front of `rest`; nullopt at
// its end.
std::optional<std::string_view> take_counted(std::string_view& rest) {
  std::uint32_t count = 0;
  if (rest.size() < sizeof count) return std::nullopt;
  std::memcpy(&count, rest.data(), sizeof count);
  rest.remove_prefix(sizeof count);
  if (rest.size() < count) return std::nullopt;
  std::string_view taken = rest.substr(0, count);
  rest.remove_prefix(count);
  return taken;
}

}  // namespace

void KeptFile::read() const {
  file_ = MappedFile::open(path_);
  std::string_view text = file_ ? file_->bytes() : std::string_view();
  if (!text.starts_with(header_) || text.size() < header_.size() + kTrailer) return;
  std::string_view rest = text.substr(header_.size(), text.size() - header_.size() - kTrailer);
  Fingerprint check;
  check.add(header_);
  std::unordered_map<std::string_view, std::string_view> entries;
  while (!rest.empty()) {
    std::optional<std::string_view> key = take_counted(rest);
    std::optional<std::string_view> value = key ? take_counted(rest) : std::nullopt;
    if (!value) return;
    check.add(*key).add(*value);
    entries.emplace(*key, *value);
  }
  std::uint64_t trailer = 0;
  std::memcpy(&trailer, text.data() + text.size() - kTrailer, kTrailer);
  if (trailer == check.value()) entries_ = std::move(entries);  // else damaged
}

std::optional<std::string_view> KeptFile::find(std::string_view key) const {
  std::call_once(read_once_, [this] { read(); });
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

bool KeptFile::empty() const {
  std::call_once(read_once_, [this] { read(); });
  return entries_.empty();
}

KeptFile::Writer::Writer(std::string path, const std::string& header) : file_(std::move(path)) {
  check_.add(header);
  file_.append(header);
}

std::optional<std::uint64_t> KeptFile::Writer::add(std::string_view key, std::string_view bytes) {
  entry_.clear();
  append_number(entry_, static_cast<std::uint32_t>(key.size()));
  entry_ += key;
  append_number(entry_, static_cast<std::uint32_t>(bytes.size()));
  file_.append(entry_);
  const std::uint64_t offset = file_.size();
  file_.append(bytes);
  check_.add(key).add(bytes);  // not a copy of a part of megabytes
  if (!file_.ok()) return std::nullopt;
  return offset;
}

bool KeptFile::Writer::save() {
  std::string trailer;
  append_number(trailer, check_.value());
  file_.append(trailer);
  return file_.commit();
}

KeptEntries::KeptEntries(std::string path, std::string header)
    : path_(std::move(path)), header_(std::move(header)), before_(path_, header_) {}

KeptFile::Writer& KeptEntries::next() {
  if (!next_) next_.emplace(path_, header_);
  return *next_;
}

std::optional<std::string_view> KeptEntries::find(std::string_view key) {
  std::optional<std::string_view> found = before_.find(key);
  std::lock_guard lock(mutex_);
  if (found && kept_.emplace(key).second) next().add(key, *found);
  return found;
}

std::optional<std::uint64_t> KeptEntries::add(std::string_view key, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  if (!kept_.emplace(key).second) return std::nullopt;
  ++added_;
  return next().add(key, bytes);
}

KeptEntries::Shared KeptEntries::find_or_make(std::string_view key, int askers,
                                              const std::function<std::string()>& make) {
  if (std::optional<std::string_view> found = find(key)) return {*found, nullptr};
  std::unique_lock lock(making_mutex_);
  std::shared_ptr<Making>& slot = making_[std::string(key)];
  const bool first = slot == nullptr;
  if (first) slot = std::make_shared<Making>();
  const std::shared_ptr<Making> making = slot;
  ++making->asks;
  if (first) {
    lock.unlock();
    auto bytes = std::make_shared<const std::string>(make());
    std::optional<std::uint64_t> offset = bytes->empty() ? std::nullopt : add(key, *bytes);
    lock.lock();
    making->size = bytes->size();
    making->offset = offset;
    if (!offset) making->bytes = bytes;
    making->done = true;
    made_.notify_all();
    if (making->asks >= askers) making_.erase(std::string(key));
    return {*bytes, bytes};
  }
  made_.wait(lock, [&] { return making->done; });
  if (making->asks >= askers) making_.erase(std::string(key));
  lock.unlock();
  return take_made(*making);
}

// Made by another job: read back from the new file, or held.
KeptEntries::Shared KeptEntries::take_made(const Making& making) {
  if (!making.offset) return making.bytes ? Shared{*making.bytes, making.bytes} : Shared{};
  auto bytes = std::make_shared<std::string>();
  std::lock_guard lock(mutex_);
  if (!next().read_at(*making.offset, making.size, bytes.get())) return {};
  return {*bytes, bytes};
}

std::size_t KeptEntries::held_bytes() const {
  std::lock_guard lock(making_mutex_);
  std::size_t held = 0;
  for (const auto& [key, making] : making_)
    if (making->bytes) held += making->bytes->size();
  return held;
}

std::size_t KeptEntries::added() const {
  std::lock_guard lock(mutex_);
  return added_;
}

bool KeptEntries::save() {
  std::lock_guard lock(mutex_);
  return !next_ || next_->save();
}

}  // namespace ck
