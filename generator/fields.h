// Typed, position-aware reading of YAML mappings: the one place that talks to
// yaml-cpp. A document is parsed once into a small tree of its own (YamlNode)
// that lookups walk without allocating and that a parse cache can keep. A reader that finds a missing required field or a value of the
// wrong type reports it (file:line:col plus a hint) and returns an empty value,
// so loading goes on and one run reports every problem.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "diagnostics.h"

namespace ck {

enum class Need { optional, required };

// A parsed YAML value with the place it starts (0-based line and column in
// the parsed text; -1 when unknown). Maps keep their entries in file order.
struct YamlNode {
  enum class Kind : unsigned char { null, scalar, sequence, map };
  struct Entry;
  Kind kind = Kind::null;
  int line = -1;
  int column = -1;
  std::string scalar;
  std::vector<YamlNode> items;  // a sequence's items
  std::vector<Entry> entries;   // a map's entries

  bool operator==(const YamlNode&) const;
};

struct YamlNode::Entry {
  std::string key;  // empty for a key that is not a text
  int line = -1;    // of the key
  int column = -1;
  YamlNode value;
  bool operator==(const Entry& other) const;
};

// A document parsed to a tree, or the message of the YAML error that stopped
// the parse (its place in the parsed text, 0-based).
struct YamlParse {
  std::shared_ptr<const YamlNode> root;
  bool too_large = false;  // aliases would repeat the document beyond reason
  std::string error;
  int error_line = -1;
  int error_column = -1;
};
YamlParse parse_yaml(std::string_view yaml);
// The same through yaml-cpp's node graph: slower, and obviously what
// YAML::Load means. Tests and the fuzzer compare the two.
YamlParse parse_yaml_with_nodes(std::string_view yaml);

class Fields {
 public:
  // Parses a YAML document that must be a mapping. `origin` is the place of
  // the document's first character (front matter starts on line 2).
  static std::optional<Fields> parse(std::string_view yaml, const SourcePos& origin,
                                     Diagnostics& diags);
  // The same, from a document parsed earlier (see parse_cache.h).
  static std::optional<Fields> from(const YamlParse& parsed, const SourcePos& origin, Diagnostics& diags);

  std::string text(std::string_view key, Need need = Need::optional);
  // A single text or a list of texts (editors write both).
  std::vector<std::string> text_list(std::string_view key, Need need = Need::optional);
  std::optional<long long> integer(std::string_view key, Need need = Need::optional);
  std::optional<bool> boolean(std::string_view key);
  std::optional<Date> date(std::string_view key, Need need = Need::optional);
  // A text that must be one of `allowed`; returns `fallback` when absent.
  std::string choice(std::string_view key, const std::vector<std::string>& allowed,
                     const std::string& fallback);
  std::optional<Fields> map(std::string_view key, Need need = Need::optional);
  // A list whose items are mappings.
  std::vector<Fields> map_list(std::string_view key, Need need = Need::optional);

  // Every key with a text value, in file order (for free-form tables such as
  // the theme's interface strings). Other values are reported.
  std::vector<std::pair<std::string, std::string>> entries();

  bool has(std::string_view key) const;
  SourcePos pos() const;                           // of this mapping
  SourcePos pos_of(std::string_view key) const;    // of a key's value, or of the mapping
  SourcePos place_of(std::string_view key) const;  // of a key's value, or empty if absent
  Diagnostics& diags() const { return *diags_; }

  // Warns about every key that no reader asked for, suggesting the closest
  // key that was asked for ("did you mean …?"). Call after reading all fields.
  void warn_unknown_keys();

 private:
  Fields(std::shared_ptr<const YamlNode> root, const YamlNode* node, SourcePos origin, Diagnostics* diags);
  const YamlNode* find(std::string_view key) const;
  const YamlNode* lookup(std::string_view key, Need need);
  std::optional<std::string> scalar(std::string_view key, Need need, const Text& expected);
  void report_missing(std::string_view key);
  void report_type(std::string_view key, const Text& expected);

  std::shared_ptr<const YamlNode> root_;  // keeps node_ alive
  const YamlNode* node_;
  SourcePos origin_;
  Diagnostics* diags_;
  std::set<std::string, std::less<>> asked_;
};

// Edit distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace ck
