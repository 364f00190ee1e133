// The least time any clean build of a catalog takes: parsing every
// procedure's front matter with yaml-cpp and encoding every procedure's QR
// code with libqrencode, on every core, through congkhai's own wrappers of
// the two. A build cannot skip either, and both libraries are fixed by the
// design, so a speed target below this floor cannot be met by congkhai's own
// code. Reading the files is left out of the times.
//
// usage: congkhai-floor PROCEDURES_DIR BASE_URL
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "front_matter.h"
#include "parallel.h"
#include "qr.h"
#include "urls.h"

namespace {

std::vector<ck::SourceFile> read_procedures(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<ck::SourceFile> files;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({path, text.str()});
  }
  return files;
}

std::string front_matter(const ck::SourceFile& file) {
  ck::Diagnostics ignored;
  std::optional<ck::FrontMatter> split = ck::split_front_matter(file, ignored);
  return split ? split->yaml : std::string();
}

// The procedure's code, as the build would encode it; empty if none.
std::string code_of(const ck::YamlParse& parsed) {
  if (!parsed.root) return {};
  for (const ck::YamlNode::Entry& entry : parsed.root->entries)
    if (entry.key == "code") return entry.value.scalar;
  return {};
}

template <typename Step>
double seconds_for(std::size_t count, Step&& step) {
  const auto start = std::chrono::steady_clock::now();
  ck::parallel_for(count, ck::default_threads(), step);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: congkhai-floor PROCEDURES_DIR BASE_URL\n");
    return 2;
  }
  const std::vector<ck::SourceFile> files = read_procedures(argv[1]);
  std::vector<std::string> yaml(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) yaml[i] = front_matter(files[i]);

  std::vector<std::string> codes(files.size());
  const double parse =
      seconds_for(files.size(), [&](std::size_t i) { codes[i] = code_of(ck::parse_yaml(yaml[i])); });

  std::string base = argv[2];
  if (base.ends_with('/')) base.pop_back();
  std::vector<char> made(files.size(), 0);
  const double encode = seconds_for(files.size(), [&](std::size_t i) {
    if (!codes[i].empty())
      made[i] = ck::encode_qr(base + "/" + ck::short_path(codes[i]), {}).matrix.has_value();
  });
  const auto encoded = static_cast<std::size_t>(std::count(made.begin(), made.end(), 1));

  std::printf("%zu front matters parsed: %.3f s; %zu codes encoded: %.3f s; together %.3f s on %d threads\n",
              files.size(), parse, encoded, encode, parse + encode, ck::default_threads());
  // A floor measured over nothing would prove nothing.
  return files.empty() || encoded != files.size() ? 1 : 0;
}
