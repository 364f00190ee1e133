#include "stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "fingerprint.h"
#include "parallel.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

constexpr std::string_view kStateHeader = "congkhai-state 2\n";

struct SourceStamp {
  enum class Kind { missing, folder, file } kind = Kind::missing;
  std::uint64_t print = 0;  // of a file's bytes
};

// A source by its bytes, not its times: some disks (FAT on a USB stick)
// keep modification times to two seconds, and an edit within them that
// keeps the size must still count. A folder counts by its name: its entries
// are walked too.
SourceStamp stamp_source(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  if (!S_ISREG(st.st_mode)) return {SourceStamp::Kind::folder};
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return {SourceStamp::Kind::file, Fingerprint().add(bytes).value()};
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

}  // namespace

std::uint64_t stamp_file_identity(const std::string& path, const std::string& options) {
  Fingerprint h;
  h.add(options).add(path);
  std::optional<FileStat> stat = stat_file(path);
  if (stat) h.add(stat->size).add(stat->mtime_ns).add(stat->inode);
  return h.value();
}

std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options, int threads, ContentPrints* prints) {
  std::vector<std::string> paths;
  for (const std::string& dir : dirs) {
    paths.push_back(dir);
    for (std::string& path : files_below(dir)) paths.push_back(std::move(path));
  }
  paths.insert(paths.end(), files.begin(), files.end());
  // Reading 10,000 sources is most of a rebuild that finds nothing to do.
  std::vector<SourceStamp> stamps(paths.size());
  parallel_for(paths.size(), threads, [&](std::size_t i) { stamps[i] = stamp_source(paths[i]); });
  Fingerprint h;
  h.add(options);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    h.add(paths[i]);
    if (stamps[i].kind == SourceStamp::Kind::missing) h.add("missing");
    if (stamps[i].kind != SourceStamp::Kind::file) continue;
    h.add(stamps[i].print);
    if (prints) (*prints)[paths[i]] = stamps[i].print;
  }
  return h.value();
}

std::uint64_t stamp_records(const std::unordered_map<std::string, OutputRecord>& files) {
  std::vector<const std::pair<const std::string, OutputRecord>*> sorted;
  for (const auto& entry : files) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  Fingerprint h;
  for (const auto* entry : sorted) add_record(h, entry->first, entry->second.stat);
  return h.value();
}

std::optional<BuildState> parse_state(std::string_view text, bool files) {
  if (!text.starts_with(kStateHeader)) return std::nullopt;
  text.remove_prefix(kStateHeader.size());
  BuildState state;
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
      if (!files) break;
      continue;
    }
    OutputRecord record;
    if (!line.number(record.key) || !line.number(record.stat.size) || !line.number(record.stat.mtime_ns) ||
        !line.number(record.stat.inode) || line.rest().empty())
      return std::nullopt;
    state.files.emplace(line.rest(), record);
  }
  if (!has_stamps) return std::nullopt;
  return state;
}

std::string format_state(const BuildState& state) {
  std::string out(kStateHeader);
  for (std::uint64_t n : {state.inputs, state.output, static_cast<std::uint64_t>(state.expires)}) {
    append_hex(out, n);
    out += ' ';
  }
  out.back() = '\n';
  for (const auto& [path, record] : state.files) {
    for (std::uint64_t n : {record.key, record.stat.size, record.stat.mtime_ns, record.stat.inode}) {
      append_hex(out, n);
      out += ' ';
    }
    out += path;
    out += '\n';
  }
  return out;
}

}  // namespace ck
