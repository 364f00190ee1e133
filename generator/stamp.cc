#include "stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace ck {
namespace {

// FNV-1a: stable across runs and machines, unlike std::hash.
class Hasher {
 public:
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) hash_ = (hash_ ^ c) * 1099511628211ULL;
    hash_ = (hash_ ^ 0xFF) * 1099511628211ULL;  // separator, so "ab","c" != "a","bc"
  }
  void add(std::uint64_t n) { add(std::to_string(n)); }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

void add_file(Hasher& h, const std::string& path) {
  struct stat st {};
  h.add(path);
  if (::stat(path.c_str(), &st) != 0) return h.add("missing");
  h.add(static_cast<std::uint64_t>(st.st_size));
  h.add(static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ULL + st.st_mtim.tv_nsec);
  h.add(static_cast<std::uint64_t>(st.st_ctim.tv_sec) * 1000000000ULL + st.st_ctim.tv_nsec);
  h.add(static_cast<std::uint64_t>(st.st_ino));
}

std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    files.push_back(it->path().string());  // directories too: a new, empty file changes its parent
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options) {
  Hasher h;
  h.add(options);
  for (const std::string& dir : dirs) {
    add_file(h, dir);
    for (const std::string& path : files_below(dir)) add_file(h, path);
  }
  for (const std::string& path : files) add_file(h, path);
  return h.value();
}

std::uint64_t stamp_tree(const std::string& dir) {
  Hasher h;
  for (const std::string& path : files_below(dir)) add_file(h, path);
  return h.value();
}

std::optional<Stamps> read_stamps(const std::string& marker_text) {
  std::istringstream in(marker_text);
  std::string line;
  Stamps stamps;
  int found = 0;
  auto hex = [&](std::string_view text, std::uint64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, 16);
    if (ec == std::errc{} && end == text.data() + text.size()) ++found;
  };
  while (std::getline(in, line)) {
    if (line.starts_with("inputs: ")) hex(std::string_view(line).substr(8), stamps.inputs);
    if (line.starts_with("output: ")) hex(std::string_view(line).substr(8), stamps.output);
    if (line.starts_with("expires: ")) stamps.expires = std::atoll(line.c_str() + 9);
  }
  if (found != 2) return std::nullopt;
  return stamps;
}

std::string format_stamps(const Stamps& stamps) {
  std::ostringstream out;
  out << std::hex << "inputs: " << stamps.inputs << "\noutput: " << stamps.output << "\n";
  if (stamps.expires) out << std::dec << "expires: " << stamps.expires << "\n";
  return out.str();
}

}  // namespace ck
