#include "stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>

#include "fingerprint.h"
#include "parallel.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

constexpr std::string_view kStateHeader = "congkhai-state 3\n";

constexpr std::string_view kBookHeader = "congkhai-sources 1\n";
constexpr std::uint64_t kSettleNs = 2'000'000'000;

struct SourceStamp {
  enum class Kind { missing, folder, file } kind = Kind::missing;
  std::uint64_t print = 0;  // of a file's bytes
  bool read = false;        // the bytes were read (the book did not know them)
  SourceLook look;
  std::uint64_t looked_ns = 0;
};

std::uint64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(t.tv_nsec);
}

std::uint64_t wall_clock_ns() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return nanoseconds(now);
}

// A source counts by its bytes; its look only spares reading them again
// (see SourceBook). A folder counts by its name: its entries are walked too.
SourceStamp stamp_source(const std::string& path, const SourceBook* book) {
  SourceStamp stamp;
  stamp.looked_ns = wall_clock_ns();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return stamp;
  stamp.kind = S_ISREG(st.st_mode) ? SourceStamp::Kind::file : SourceStamp::Kind::folder;
  if (stamp.kind == SourceStamp::Kind::folder) return stamp;
  stamp.look = {static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim), nanoseconds(st.st_ctim),
                static_cast<std::uint64_t>(st.st_ino)};
  if (auto known = book ? book->print(path, stamp.look) : std::nullopt) {
    stamp.print = *known;
    return stamp;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  stamp.print = Fingerprint().add(bytes).value();
  stamp.read = true;
  return stamp;
}

std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    files.push_back(it->path().string());  // directories too: a new, empty file changes its parent
  std::sort(files.begin(), files.end());
  return files;
}

void add_record(Fingerprint& h, std::string_view path, const FileStat& stat) {
  h.add(path).add(stat.size).add(stat.mtime_ns).add(stat.inode);
}

// By memchr, which scans a 4 MB state file three times faster than a
// loop over its characters.
std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (const char *at = text.data(), *end = at + text.size();
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))); ++at)
    ++lines;
  return lines;
}

// Reads space-separated fields: numbers (hex) then the rest of the line.
class LineReader {
 public:
  explicit LineReader(std::string_view line) : rest_(line) {}
  bool number(std::uint64_t& out) {
    std::size_t end = rest_.find(' ');
    std::string_view field = rest_.substr(0, end);
    auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), out, 16);
    rest_ = end == std::string_view::npos ? std::string_view() : rest_.substr(end + 1);
    return ec == std::errc{} && ptr == field.data() + field.size();
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

void append_hex(std::string& out, std::uint64_t n) {
  char buffer[17];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n, 16);
  out.append(buffer, end);
}

// A line as LineReader reads it: numbers (hex), then the rest, if any.
void append_line(std::string& out, std::initializer_list<std::uint64_t> numbers, std::string_view rest = {}) {
  for (std::uint64_t n : numbers) {
    append_hex(out, n);
    out += ' ';
  }
  if (rest.empty()) out.pop_back();
  out += rest;
  out += '\n';
}

}  // namespace

std::uint64_t stamp_file_identity(const std::string& path, const std::string& options) {
  Fingerprint h;
  h.add(options).add(path);
  std::optional<FileStat> stat = stat_file(path);
  if (stat) h.add(stat->size).add(stat->mtime_ns).add(stat->inode);
  return h.value();
}

SourceBook SourceBook::read_file(const std::string& path) {
  SourceBook book;
  book.file_ = MappedFile::open(path);
  std::string_view text = book.file_ ? book.file_->bytes() : std::string_view();
  if (!text.starts_with(kBookHeader)) return {};
  text.remove_prefix(kBookHeader.size());
  book.entries_.reserve(count_lines(text));
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return {};  // cut short
    LineReader line(text.substr(0, end));
    text.remove_prefix(end + 1);
    Entry entry;
    if (!line.number(entry.look.size) || !line.number(entry.look.mtime_ns) ||
        !line.number(entry.look.ctime_ns) || !line.number(entry.look.inode) || !line.number(entry.print) ||
        line.rest().empty())
      return {};
    book.entries_.emplace(line.rest(), entry);
  }
  return book;
}

bool SourceBook::write_file(const std::string& path) const {
  ReplacingFile file(path);
  file.append(kBookHeader);
  std::string line;
  for (const auto& [source, entry] : entries_) {
    if (!entry.seen) continue;
    line.clear();
    append_line(line,
                {entry.look.size, entry.look.mtime_ns, entry.look.ctime_ns, entry.look.inode, entry.print},
                source);
    file.append(line);
  }
  return file.commit();
}

std::optional<std::uint64_t> SourceBook::print(const std::string& path, const SourceLook& look) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.look != look) return std::nullopt;
  return it->second.print;
}

void SourceBook::learn(const std::string& path, const SourceLook& look, std::uint64_t print,
                       std::uint64_t looked_ns) {
  if (look.ctime_ns + kSettleNs <= looked_ns && look.mtime_ns + kSettleNs <= looked_ns) {
    auto it = entries_.find(path);
    if (it == entries_.end()) it = entries_.emplace(learnt_.emplace_back(path), Entry{}).first;
    it->second = {look, print, true};
    changed_ = true;
  } else if (entries_.erase(path)) {  // changed too recently to be known by its look
    changed_ = true;
  }
}

void SourceBook::saw(const std::string& path) {
  auto it = entries_.find(path);
  if (it != entries_.end()) it->second.seen = true;
}

bool SourceBook::changed() const {
  return changed_ ||
         std::any_of(entries_.begin(), entries_.end(), [](const auto& entry) { return !entry.second.seen; });
}

std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options, int threads, ContentPrints* prints, SourceBook* book) {
  std::vector<std::string> paths;
  for (const std::string& dir : dirs) {
    paths.push_back(dir);
    for (std::string& path : files_below(dir)) paths.push_back(std::move(path));
  }
  paths.insert(paths.end(), files.begin(), files.end());
  // Reading 10,000 sources is most of a rebuild that finds nothing to do.
  std::vector<SourceStamp> stamps(paths.size());
  parallel_for(paths.size(), threads, [&](std::size_t i) { stamps[i] = stamp_source(paths[i], book); });
  Fingerprint h;
  h.add(options);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    h.add(paths[i]);
    if (stamps[i].kind == SourceStamp::Kind::missing) h.add("missing");
    if (stamps[i].kind != SourceStamp::Kind::file) continue;
    h.add(stamps[i].print);
    if (prints) (*prints)[paths[i]] = stamps[i].print;
    if (book && stamps[i].read) book->learn(paths[i], stamps[i].look, stamps[i].print, stamps[i].looked_ns);
    if (book && !stamps[i].read) book->saw(paths[i]);
  }
  return h.value();
}

void RecordsStamp::add(std::string_view path, const FileStat& stat) {
  add_record(hash_, path, stat);
}

std::uint64_t stamp_records(const std::vector<OutputEntry>& files) {
  RecordsStamp stamp;
  for (const OutputEntry& entry : files) stamp.add(entry.path, entry.record.stat);
  return stamp.value();
}

std::optional<BuildState> parse_state(std::string_view text) {
  if (!text.starts_with(kStateHeader)) return std::nullopt;
  text.remove_prefix(kStateHeader.size());
  BuildState state;
  // A line per file: growing the list of 50,000 would move it 16 times.
  state.files.reserve(count_lines(text));
  bool has_stamps = false;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    LineReader line(text.substr(0, end));
    text.remove_prefix(end + 1);
    std::uint64_t expires = 0;
    if (!has_stamps) {
      if (!line.number(state.inputs) || !line.number(state.output) || !line.number(expires)) return std::nullopt;
      state.expires = static_cast<long long>(expires);
      has_stamps = true;
      continue;
    }
    OutputRecord record;
    if (!line.number(record.key) || !line.number(record.stat.size) || !line.number(record.stat.mtime_ns) ||
        !line.number(record.stat.inode) || line.rest().empty())
      return std::nullopt;
    state.files.push_back({line.rest(), record});
  }
  if (!has_stamps) return std::nullopt;
  return state;
}

StateFileWriter::StateFileWriter(std::string path, const BuildState& state) : file_(std::move(path)) {
  line_ = kStateHeader;
  append_line(line_, {state.inputs, state.output, static_cast<std::uint64_t>(state.expires)});
  file_.append(line_);
}

void StateFileWriter::add(std::string_view path, const OutputRecord& record) {
  line_.clear();
  append_line(line_, {record.key, record.stat.size, record.stat.mtime_ns, record.stat.inode}, path);
  file_.append(line_);
}

}  // namespace ck
