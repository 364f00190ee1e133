// What a build was made from, to recognise a rebuild with nothing changed.
// A stamp hashes the path, size, change time and inode of every input file
// (sources, theme, the congkhai executable itself) plus the options that
// shape the output; another hashes the output tree, so a hand-edited output
// is rebuilt too. Only the hashes are stored, in a state file beside the
// output directory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ck {

struct Stamps {
  std::uint64_t inputs = 0;
  std::uint64_t output = 0;
  long long expires = 0;  // seconds since the epoch; 0: never (see News::next_publication)
};

// `dirs` are walked recursively; `files` are single files; `options` is any
// text that changes the output (e.g. "--drafts").
std::uint64_t stamp_inputs(const std::vector<std::string>& dirs, const std::vector<std::string>& files,
                           const std::string& options);
std::uint64_t stamp_tree(const std::string& dir);

// The text of the state file.
std::optional<Stamps> read_stamps(const std::string& marker_text);
std::string format_stamps(const Stamps& stamps);

}  // namespace ck
