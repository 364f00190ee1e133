#include "fields.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <sstream>

namespace ck {

// Written out: clang 14 cannot default a comparison of a recursive type.
bool YamlNode::operator==(const YamlNode& other) const {
  return kind == other.kind && line == other.line && column == other.column && scalar == other.scalar &&
         items == other.items && entries == other.entries;
}

bool YamlNode::Entry::operator==(const Entry& other) const {
  return key == other.key && line == other.line && column == other.column && value == other.value;
}

namespace {

SourcePos at_mark(const SourcePos& origin, int line, int column) {
  if (line < 0) return origin;
  int col = column + 1 + (line == 0 ? origin.col - 1 : 0);
  return {origin.file, origin.line + line, std::max(col, 1)};
}

SourcePos at_node(const SourcePos& origin, const YamlNode& node) { return at_mark(origin, node.line, node.column); }

// An alias is a copy of what it names, so nested aliases can make a short
// document expand without end ("billion laughs"). A document may hold this
// many values per byte of text, and no more.
constexpr std::size_t kValuesPerByte = 16;
constexpr std::size_t kMinValues = 4096;

// Thrown where the budget runs out.
struct ExpandedTooFar {
  int line;
  int column;
};

class ValueBudget {
 public:
  explicit ValueBudget(std::size_t text_size) : left_(std::max(kMinValues, text_size * kValuesPerByte)) {}
  void spend(std::size_t values, int line, int column) {
    if (values > left_) throw ExpandedTooFar{line, column};
    left_ -= values;
  }

 private:
  std::size_t left_;
};

// Builds the tree straight from the parser's events: yaml-cpp's own node
// graph costs more to build than the parse itself. The events are those
// YAML::Load builds its nodes from, so the trees are the same (the fuzzer
// checks this against parse_yaml_with_nodes).
class TreeBuilder final : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::size_t text_size) : budget_(text_size) {}
  YamlNode root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(leaf(YamlNode::Kind::null, mark), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return add(leaf(YamlNode::Kind::null, mark), 0);
    const auto& [node, values] = it->second;
    budget_.spend(values, mark.line, mark.column);
    attach(node, values, 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    YamlNode node = leaf(YamlNode::Kind::scalar, mark);
    node.scalar = value;
    add(std::move(node), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(leaf(YamlNode::Kind::sequence, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(leaf(YamlNode::Kind::map, mark), anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor;
    std::size_t values = 1;       // in the node, counting what aliases copied and complex keys
    std::optional<YamlNode> key;  // a map's key, waiting for its value
  };

  static YamlNode leaf(YamlNode::Kind kind, const YAML::Mark& mark) {
    YamlNode node;
    node.kind = kind;
    node.line = mark.line;
    node.column = mark.column;
    return node;
  }

  void open(YamlNode node, YAML::anchor_t anchor) {
    budget_.spend(1, node.line, node.column);
    open_.push_back({std::move(node), anchor});
  }

  void close() {
    Open done = std::move(open_.back());
    open_.pop_back();
    attach(std::move(done.node), done.values, done.anchor);
  }

  void add(YamlNode leaf, YAML::anchor_t anchor) {
    budget_.spend(1, leaf.line, leaf.column);
    attach(std::move(leaf), 1, anchor);
  }

  void attach(YamlNode node, std::size_t values, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = {node, values};
    if (open_.empty()) {
      root_ = std::move(node);
      return;
    }
    Open& parent = open_.back();
    parent.values += values;
    if (parent.node.kind == YamlNode::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.key) {
      parent.key = std::move(node);
    } else {
      const YamlNode& key = *parent.key;
      parent.node.entries.push_back({key.kind == YamlNode::Kind::scalar ? key.scalar : std::string(), key.line,
                                     key.column, std::move(node)});
      parent.key.reset();
    }
  }

  YamlNode root_;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, std::pair<YamlNode, std::size_t>> anchors_;  // with its size in values
  ValueBudget budget_;
};

YamlNode to_tree(const YAML::Node& yaml, ValueBudget& budget) {
  budget.spend(1, yaml.Mark().line, yaml.Mark().column);
  YamlNode node;
  node.line = yaml.Mark().line;
  node.column = yaml.Mark().column;
  switch (yaml.Type()) {
    case YAML::NodeType::Scalar:
      node.kind = YamlNode::Kind::scalar;
      node.scalar = yaml.Scalar();
      break;
    case YAML::NodeType::Sequence:
      node.kind = YamlNode::Kind::sequence;
      for (const YAML::Node& item : yaml) node.items.push_back(to_tree(item, budget));
      break;
    case YAML::NodeType::Map:
      node.kind = YamlNode::Kind::map;
      for (const auto& entry : yaml) {
        const YAML::Node& key = entry.first;
        to_tree(key, budget);  // counted as the events count it
        node.entries.push_back({key.IsScalar() ? key.Scalar() : std::string(), key.Mark().line, key.Mark().column,
                                to_tree(entry.second, budget)});
      }
      break;
    default:
      break;
  }
  return node;
}

const Text kExpectText{"một đoạn chữ", "a text"};
const Text kExpectList{"một đoạn chữ hoặc một danh sách", "a text or a list"};
const Text kExpectNumber{"một số nguyên", "a whole number"};
const Text kExpectBool{"true hoặc false", "true or false"};
const Text kExpectMap{"các trường dạng \"tên: giá trị\"", "fields written as \"key: value\""};
const Text kExpectMapList{"một danh sách, mỗi mục bắt đầu bằng \"- \"",
                          "a list, each item starting with \"- \""};

std::string closest(std::string_view key, const std::set<std::string, std::less<>>& known) {
  std::string best;
  std::size_t best_distance = key.size() / 2 + 1;
  for (const std::string& candidate : known) {
    std::size_t d = edit_distance(key, candidate);
    if (d < best_distance) best = candidate, best_distance = d;
  }
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

template <typename Parse>
YamlParse parse_catching(Parse&& parse) {
  YamlParse parsed;
  try {
    parsed.root = std::make_shared<const YamlNode>(parse());
  } catch (const YAML::Exception& e) {
    parsed.error = e.msg;
    parsed.error_line = e.mark.line;
    parsed.error_column = e.mark.column;
  } catch (const ExpandedTooFar& e) {
    parsed.too_large = true;
    parsed.error_line = e.line;
    parsed.error_column = e.column;
  }
  return parsed;
}

YamlParse parse_yaml(std::string_view yaml) {
  return parse_catching([yaml] {
    std::istringstream in{std::string(yaml)};
    YAML::Parser parser(in);
    TreeBuilder builder(yaml.size());
    parser.HandleNextDocument(builder);  // only the first document, as YAML::Load
    return builder.root();
  });
}

YamlParse parse_yaml_with_nodes(std::string_view yaml) {
  return parse_catching([yaml] {
    ValueBudget budget(yaml.size());
    return to_tree(YAML::Load(std::string(yaml)), budget);
  });
}

Fields::Fields(std::shared_ptr<const YamlNode> root, const YamlNode* node, SourcePos origin, Diagnostics* diags)
    : root_(std::move(root)), node_(node), origin_(std::move(origin)), diags_(diags) {}

std::optional<Fields> Fields::parse(std::string_view yaml, const SourcePos& origin, Diagnostics& diags) {
  return from(parse_yaml(yaml), origin, diags);
}

std::optional<Fields> Fields::from(const YamlParse& parsed, const SourcePos& origin, Diagnostics& diags) {
  if (parsed.too_large) {
    diags.error(at_mark(origin, parsed.error_line, parsed.error_column),
                {"YAML quá lớn: các bí danh (*tên) lặp lại văn bản quá nhiều lần",
                 "YAML too large: aliases (*name) repeat the text too many times"},
                {"viết thẳng các giá trị thay vì dùng &tên và *tên lồng nhau",
                 "write the values out instead of nesting &name and *name"});
    return std::nullopt;
  }
  if (!parsed.root) {
    diags.error(at_mark(origin, parsed.error_line, parsed.error_column),
                {"YAML không hợp lệ: " + parsed.error, "invalid YAML: " + parsed.error},
                {"kiểm tra thụt lề (dùng dấu cách, không dùng Tab) và đặt giá trị có dấu \":\" "
                 "trong ngoặc kép",
                 "check the indentation (spaces, not tabs) and quote values that contain \":\""});
    return std::nullopt;
  }
  std::shared_ptr<const YamlNode> root = parsed.root;
  if (root->kind == YamlNode::Kind::null) {  // empty front matter
    YamlNode empty;
    empty.kind = YamlNode::Kind::map;
    root = std::make_shared<const YamlNode>(std::move(empty));
  }
  if (root->kind != YamlNode::Kind::map) {
    diags.error(at_node(origin, *root), {"cần " + kExpectMap.vi, "expected " + kExpectMap.en},
                {"mỗi dòng có dạng \"tên: giá trị\"", "write one \"key: value\" per line"});
    return std::nullopt;
  }
  const YamlNode* node = root.get();
  return Fields(std::move(root), node, origin, &diags);
}

// The first entry with this key, as yaml-cpp's lookup does.
const YamlNode* Fields::find(std::string_view key) const {
  for (const YamlNode::Entry& entry : node_->entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

bool Fields::has(std::string_view key) const {
  const YamlNode* value = find(key);
  return value && value->kind != YamlNode::Kind::null;
}

SourcePos Fields::pos() const { return at_node(origin_, *node_); }

SourcePos Fields::pos_of(std::string_view key) const {
  const YamlNode* value = find(key);
  return value ? at_node(origin_, *value) : pos();
}

SourcePos Fields::place_of(std::string_view key) const { return has(key) ? pos_of(key) : SourcePos{}; }

void Fields::report_missing(std::string_view key) {
  std::string k(key);
  diags_->error(pos(), {"thiếu trường bắt buộc \"" + k + "\"", "missing required field \"" + k + "\""},
                {"thêm một dòng \"" + k + ": …\" (xem docs/reference.md)",
                 "add a line \"" + k + ": …\" (see docs/reference.md)"});
}

void Fields::report_type(std::string_view key, const Text& expected) {
  std::string k(key);
  diags_->error(pos_of(key),
                {"trường \"" + k + "\" phải là " + expected.vi, "field \"" + k + "\" must be " + expected.en},
                {"xem ví dụ của trường này trong docs/reference.md",
                 "see this field's example in docs/reference.md"});
}

// Marks `key` as known and returns its value; reports it when required and
// absent. Every reader starts here.
const YamlNode* Fields::lookup(std::string_view key, Need need) {
  asked_.emplace(key);
  if (!has(key)) {
    if (need == Need::required) report_missing(key);
    return nullptr;
  }
  return find(key);
}

std::optional<std::string> Fields::scalar(std::string_view key, Need need, const Text& expected) {
  const YamlNode* value = lookup(key, need);
  if (!value) return std::nullopt;
  if (value->kind != YamlNode::Kind::scalar) {
    report_type(key, expected);
    return std::nullopt;
  }
  return value->scalar;
}

std::string Fields::text(std::string_view key, Need need) {
  std::string value = scalar(key, need, kExpectText).value_or("");
  if (need == Need::required && has(key) && value.empty()) report_missing(key);
  return value;
}

std::vector<std::string> Fields::text_list(std::string_view key, Need need) {
  const YamlNode* value = lookup(key, need);
  if (!value) return {};
  if (value->kind == YamlNode::Kind::scalar) return {value->scalar};
  std::vector<std::string> out;
  bool all_scalars = value->kind == YamlNode::Kind::sequence;
  if (all_scalars)
    for (const YamlNode& item : value->items) {
      if (item.kind != YamlNode::Kind::scalar) all_scalars = false;
      else out.push_back(item.scalar);
    }
  if (!all_scalars) report_type(key, kExpectList);
  return out;
}

std::optional<long long> Fields::integer(std::string_view key, Need need) {
  auto raw = scalar(key, need, kExpectNumber);
  if (!raw) return std::nullopt;
  long long n = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), n);
  if (ec == std::errc{} && end == raw->data() + raw->size()) return n;
  std::string k(key);
  diags_->error(pos_of(key),
                {"trường \"" + k + "\" phải là một số nguyên, không phải \"" + *raw + "\"",
                 "field \"" + k + "\" must be a whole number, not \"" + *raw + "\""},
                {"viết số liền, không dấu chấm hay dấu phẩy phân cách hàng nghìn (ví dụ 2528)",
                 "write digits only, without thousands separators (e.g. 2528)"});
  return std::nullopt;
}

std::optional<bool> Fields::boolean(std::string_view key) {
  auto raw = scalar(key, Need::optional, kExpectBool);
  if (!raw) return std::nullopt;
  if (*raw == "true" || *raw == "yes") return true;
  if (*raw == "false" || *raw == "no") return false;
  report_type(key, kExpectBool);
  return std::nullopt;
}

std::optional<Date> Fields::date(std::string_view key, Need need) {
  auto raw = scalar(key, need, kExpectText);
  if (!raw) return std::nullopt;
  if (auto d = parse_iso_date(*raw)) return d;
  std::string k(key);
  diags_->error(pos_of(key),
                {"ngày không hợp lệ \"" + *raw + "\" ở trường \"" + k + "\"",
                 "invalid date \"" + *raw + "\" in field \"" + k + "\""},
                {"viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-05-25",
                 "write dates as YEAR-MONTH-DAY, e.g. 2023-05-25"});
  return std::nullopt;
}

std::string Fields::choice(std::string_view key, const std::vector<std::string>& allowed,
                           const std::string& fallback) {
  auto raw = scalar(key, Need::optional, kExpectText);
  if (!raw) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *raw) != allowed.end()) return *raw;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  std::string k(key);
  diags_->error(pos_of(key),
                {"giá trị \"" + *raw + "\" không dùng được cho trường \"" + k + "\"",
                 "value \"" + *raw + "\" is not allowed for field \"" + k + "\""},
                {"chọn một trong: " + list, "use one of: " + list});
  return fallback;
}

std::optional<Fields> Fields::map(std::string_view key, Need need) {
  const YamlNode* value = lookup(key, need);
  if (!value) return std::nullopt;
  if (value->kind != YamlNode::Kind::map) {
    report_type(key, kExpectMap);
    return std::nullopt;
  }
  return Fields(root_, value, origin_, diags_);
}

std::vector<Fields> Fields::map_list(std::string_view key, Need need) {
  const YamlNode* value = lookup(key, need);
  if (!value) return {};
  if (value->kind != YamlNode::Kind::sequence) {
    report_type(key, kExpectMapList);
    return {};
  }
  std::vector<Fields> out;
  for (const YamlNode& item : value->items) {
    if (item.kind == YamlNode::Kind::map) out.push_back(Fields(root_, &item, origin_, diags_));
    else diags_->error(at_node(origin_, item),
                       {"mỗi mục của \"" + std::string(key) + "\" phải là " + kExpectMap.vi,
                        "each item of \"" + std::string(key) + "\" must be " + kExpectMap.en},
                       {"xem ví dụ trong docs/reference.md", "see the example in docs/reference.md"});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Fields::entries() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const YamlNode::Entry& entry : node_->entries) {
    if (auto value = scalar(entry.key, Need::optional, kExpectText)) out.emplace_back(entry.key, *value);
  }
  return out;
}

void Fields::warn_unknown_keys() {
  for (const YamlNode::Entry& entry : node_->entries) {
    const std::string& key = entry.key;
    if (asked_.count(key)) continue;
    std::string suggestion = closest(key, asked_);
    Text hint = suggestion.empty()
                    ? Text{"trường này không được dùng; xem danh sách trường trong docs/reference.md",
                           "this field is not used; see the list of fields in docs/reference.md"}
                    : Text{"có phải ý bạn là \"" + suggestion + "\"?",
                           "did you mean \"" + suggestion + "\"?"};
    diags_->warning(at_mark(origin_, entry.line, entry.column),
                    {"trường không xác định \"" + key + "\"", "unknown field \"" + key + "\""},
                    std::move(hint));
  }
}

}  // namespace ck
