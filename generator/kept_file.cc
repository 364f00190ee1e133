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

void KeptFile::Writer::add(std::string_view key, std::string_view bytes) {
  entry_.clear();
  append_number(entry_, static_cast<std::uint32_t>(key.size()));
  entry_ += key;
  append_number(entry_, static_cast<std::uint32_t>(bytes.size()));
  file_.append(entry_);
  file_.append(bytes);
  check_.add(key).add(bytes);  // not a copy of a part of megabytes
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

void KeptEntries::add(std::string_view key, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  if (!kept_.emplace(key).second) return;
  next().add(key, bytes);
  ++added_;
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
    if (!bytes->empty()) add(key, *bytes);
    lock.lock();
    making->bytes = std::move(bytes);
    making->done = true;
    made_.notify_all();
  } else {
    made_.wait(lock, [&] { return making->done; });
  }
  if (making->asks >= askers) making_.erase(std::string(key));
  return {*making->bytes, making->bytes};
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
