#include "pdf_merge.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace ck {
namespace {

// --- Reading the objects of a PDF file ---

enum class Kind { integer, real, name, string, open, close, keyword };

struct Token {
  Kind kind;
  std::size_t begin;
  std::size_t end;
  int depth;  // of dictionaries and arrays around it
};

// PDF's classes of characters (ISO 32000-1, 7.2.2), looked up in a table:
// the lexer asks of every character of 7.8 MB when the booklet is merged.
enum CharClass : unsigned char { regular, white, delimiter };

constexpr std::array<unsigned char, 256> char_classes() {
  std::array<unsigned char, 256> classes{};
  for (unsigned char c : std::string_view(" \n\r\t\f\0", 6)) classes[c] = white;
  for (unsigned char c : std::string_view("()<>[]{}/%")) classes[c] = delimiter;
  return classes;
}
constexpr std::array<unsigned char, 256> kCharClasses = char_classes();

bool is_white(char c) {
  return kCharClasses[static_cast<unsigned char>(c)] == white;
}
bool is_delimiter(char c) {
  return kCharClasses[static_cast<unsigned char>(c)] == delimiter;
}

// The tokens of text[pos, end) up to the keyword that ends an object's
// dictionary ("stream" or "endobj", kept as the last token). Stream data is
// never lexed: it is binary.
class Lexer {
 public:
  Lexer(std::string_view text, std::size_t pos, std::size_t end) : text_(text), pos_(pos), end_(end) {}

  // Every token, or nullopt when the text is not PDF syntax.
  std::optional<std::vector<Token>> all() {
    std::vector<Token> tokens;
    while (std::optional<Token> token = next()) {
      tokens.push_back(*token);
      if (token->kind == Kind::keyword && (word(*token) == "stream" || word(*token) == "endobj")) break;
    }
    if (failed_) return std::nullopt;
    return tokens;
  }

  std::string_view word(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

  // The next token; nullopt at the end, or when the text is not PDF syntax.
  std::optional<Token> next() {
    skip_white_and_comments();
    if (pos_ >= end_) return std::nullopt;
    const std::size_t begin = pos_;
    const char c = text_[pos_];
    if ((c == '<' || c == '>') && pos_ + 1 < end_ && text_[pos_ + 1] == c) {
      pos_ += 2;
      return bracket(begin, c == '<');
    }
    if (c == '[' || c == ']') {
      ++pos_;
      return bracket(begin, c == '[');
    }
    if (c == '(') return string_token(begin);
    if (c == '<') return until(begin, '>');
    if (c == '/') {
      ++pos_;
      while (pos_ < end_ && !is_white(text_[pos_]) && !is_delimiter(text_[pos_])) ++pos_;
      return Token{Kind::name, begin, pos_, depth_};
    }
    if (is_delimiter(c)) return fail();
    bool digits = true, point = false;
    while (pos_ < end_ && !is_white(text_[pos_]) && !is_delimiter(text_[pos_])) {
      const char d = text_[pos_++];
      point = point || d == '.';
      digits = digits && (std::isdigit(static_cast<unsigned char>(d)) || d == '.' || d == '-' || d == '+');
    }
    if (!digits) return Token{Kind::keyword, begin, pos_, depth_};
    return Token{point ? Kind::real : Kind::integer, begin, pos_, depth_};
  }
  bool failed() const { return failed_; }

 private:
  void skip_white_and_comments() {
    while (pos_ < end_) {
      if (text_[pos_] == '%')
        while (pos_ < end_ && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      else if (is_white(text_[pos_]))
        ++pos_;
      else
        return;
    }
  }

  std::optional<Token> bracket(std::size_t begin, bool opens) {
    if (!opens && depth_ == 0) return fail();
    const int depth = opens ? depth_++ : --depth_;
    return Token{opens ? Kind::open : Kind::close, begin, pos_, depth};
  }

  // A literal string: balanced parentheses, backslash escapes.
  std::optional<Token> string_token(std::size_t begin) {
    int open = 0;
    for (; pos_ < end_; ++pos_) {
      const char c = text_[pos_];
      if (c == '\\')
        ++pos_;
      else if (c == '(')
        ++open;
      else if (c == ')' && --open == 0)
        return Token{Kind::string, begin, ++pos_, depth_};
    }
    return fail();
  }

  std::optional<Token> until(std::size_t begin, char close) {
    const std::size_t at = text_.find(close, pos_);
    if (at == std::string_view::npos || at >= end_) return fail();
    pos_ = at + 1;
    return Token{Kind::string, begin, pos_, depth_};
  }

  std::optional<Token> fail() {
    failed_ = true;
    pos_ = end_;
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  int depth_ = 0;
  bool failed_ = false;
};

std::optional<std::uint64_t> to_number(std::string_view text) {
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// A reference "N G R" to object N, and where it is written.
struct Ref {
  std::uint32_t number;
  std::size_t begin;
  std::size_t end;
};

// One object of a file, lexed up to its stream or its end.
struct Object {
  std::size_t begin = 0;  // of "N G obj"; 0: no such object
  std::size_t body = 0;   // just after "N G obj"
  std::size_t end = 0;    // where the next object, or the cross-reference table, begins
  std::vector<Ref> refs;
};

// The objects of a file, found through its cross-reference table.
class PdfFile {
 public:
  static std::optional<PdfFile> read(std::string_view bytes) {
    PdfFile file(bytes);
    if (!file.read_xref() || !file.read_objects()) return std::nullopt;
    return file;
  }

  std::string_view bytes() const { return bytes_; }
  std::size_t size() const { return objects_.size(); }  // the highest object number, plus one
  const Object* object(std::uint32_t n) const {
    return n < objects_.size() && objects_[n].begin ? &objects_[n] : nullptr;
  }
  // Where the first object begins: the header comes before.
  std::size_t first_object() const { return in_file_order_.empty() ? 0 : objects_[in_file_order_[0]].begin; }
  const std::vector<std::uint32_t>& in_file_order() const { return in_file_order_; }
  std::optional<std::uint32_t> trailer_ref(std::string_view key) const { return ref_value(trailer_, key); }

  // The object named by `key` in the object's top dictionary.
  std::optional<std::uint32_t> ref_value(const Object& o, std::string_view key) const {
    return ref_value(tokens(o), key);
  }
  // The objects listed by `key` ("/Kids [ … ]") in the object's top dictionary.
  std::optional<std::vector<std::uint32_t>> ref_array(const Object& o, std::string_view key) const;
  std::optional<std::uint64_t> integer_value(const Object& o, std::string_view key) const;
  // The reference that is the value of `key` in the object's top
  // dictionary, with where it is written.
  std::optional<Ref> ref_entry(const Object& o, std::string_view key) const;
  // The text of the array that is the value of `key` ("[ 0 0 595 842 ]").
  std::optional<std::string_view> array_text(const Object& o, std::string_view key) const;
  bool has_key(const Object& o, std::string_view key) const {
    return value_index(tokens(o), key).has_value();
  }

  // The page objects of a flat page tree, in order.
  std::optional<std::vector<std::uint32_t>> pages(std::uint32_t* pages_node) const;

 private:
  explicit PdfFile(std::string_view bytes) : bytes_(bytes) {}
  bool read_xref();
  bool read_objects();
  // Reads object `n` at o.begin: where its body begins, the references in
  // its dictionary; false when it is not object n.
  bool scan_object(std::uint32_t n, Object& o) const;
  std::optional<std::uint32_t> ref_value(const std::vector<Token>& tokens, std::string_view key) const;
  // The index of the value of `key` in the top dictionary of `tokens`.
  std::optional<std::size_t> value_index(const std::vector<Token>& tokens, std::string_view key) const;
  std::string_view text(const Token& t) const { return bytes_.substr(t.begin, t.end - t.begin); }
  // The tokens of an object that read_objects() accepted, from after "obj".
  std::vector<Token> tokens(const Object& o) const { return *Lexer(bytes_, o.body, o.end).all(); }
  std::optional<Ref> ref_at(const std::vector<Token>& tokens, std::size_t i) const;

  std::string_view bytes_;
  std::size_t xref_at_ = 0;
  std::vector<Object> objects_;  // by number; begin == 0: none
  std::vector<std::uint32_t> in_file_order_;
  std::vector<Token> trailer_;
};

bool PdfFile::read_xref() {
  const std::size_t start = bytes_.rfind("startxref");
  if (start == std::string_view::npos) return false;
  std::size_t pos = start + 9;
  while (pos < bytes_.size() && is_white(bytes_[pos])) ++pos;
  std::size_t digits = pos;
  while (digits < bytes_.size() && std::isdigit(static_cast<unsigned char>(bytes_[digits]))) ++digits;
  std::optional<std::uint64_t> at = to_number(bytes_.substr(pos, digits - pos));
  if (!at || *at >= start || bytes_.substr(*at, 4) != "xref") return false;
  xref_at_ = *at;
  pos = xref_at_ + 4;
  // Subsections: "first count", then count entries of 20 bytes.
  while (true) {
    while (pos < start && is_white(bytes_[pos])) ++pos;
    if (bytes_.substr(pos, 7) == "trailer") break;
    const std::size_t line_end = bytes_.find_first_of("\r\n", pos);
    if (line_end == std::string_view::npos || line_end >= start) return false;
    const std::string_view line = bytes_.substr(pos, line_end - pos);
    const std::size_t space = line.find(' ');
    std::optional<std::uint64_t> first = to_number(line.substr(0, space));
    std::optional<std::uint64_t> count =
        space == std::string_view::npos ? std::nullopt : to_number(line.substr(space + 1));
    if (!first || !count || *first + *count > (1u << 24)) return false;
    pos = line_end;
    while (pos < start && (bytes_[pos] == '\r' || bytes_[pos] == '\n')) ++pos;
    if (objects_.size() < *first + *count) objects_.resize(*first + *count);
    for (std::uint64_t i = 0; i < *count; ++i, pos += 20) {
      if (pos + 20 > start) return false;
      std::optional<std::uint64_t> offset = to_number(bytes_.substr(pos, 10));
      if (!offset || *offset >= xref_at_) return false;
      if (bytes_[pos + 17] == 'n' && *offset > 0) objects_[*first + i].begin = *offset;
    }
  }
  const std::size_t trailer_end = start;
  std::optional<std::vector<Token>> trailer = Lexer(bytes_, pos + 7, trailer_end).all();
  if (!trailer) return false;
  trailer_ = std::move(*trailer);
  return true;
}

// cairo lists objects it never writes (the structure of links) at the
// offset of the first object; they are missing, as if never listed, and
// references to them are read as null.
bool PdfFile::read_objects() {
  std::vector<std::uint32_t> listed;
  for (std::uint32_t n = 1; n < objects_.size(); ++n)
    if (objects_[n].begin) listed.push_back(n);
  std::sort(listed.begin(), listed.end(), [this](std::uint32_t a, std::uint32_t b) {
    return std::pair(objects_[a].begin, a) < std::pair(objects_[b].begin, b);
  });
  for (std::size_t i = 0; i < listed.size(); ++i) {
    Object& o = objects_[listed[i]];
    std::size_t next = i + 1;
    while (next < listed.size() && objects_[listed[next]].begin == o.begin) ++next;
    o.end = next < listed.size() ? objects_[listed[next]].begin : xref_at_;
    if (scan_object(listed[i], o)) {
      in_file_order_.push_back(listed[i]);
    } else {
      o.refs.clear();
      o.body = 0;
      if (next == i + 1 && !(i > 0 && objects_[listed[i - 1]].begin == o.begin))
        return false;  // alone at its offset and not an object: not a file this reads
    }
  }
  for (std::uint32_t n : listed)
    if (!objects_[n].body) objects_[n].begin = 0;
  return true;
}

bool PdfFile::scan_object(std::uint32_t n, Object& o) const {
  Lexer lexer(bytes_, o.begin, o.end);
  const std::optional<Token> number = lexer.next();
  const std::optional<Token> generation = lexer.next();
  const std::optional<Token> obj = generation ? lexer.next() : std::nullopt;
  if (!obj || number->kind != Kind::integer || text(*obj) != "obj" || to_number(text(*number)) != n)
    return false;
  o.body = obj->end;
  std::optional<Token> before_last, last;
  while (std::optional<Token> token = lexer.next()) {
    if (token->kind == Kind::keyword) {
      const std::string_view word = text(*token);
      if (word == "stream" || word == "endobj") return true;
      if (word == "R" && before_last && before_last->kind == Kind::integer && last->kind == Kind::integer) {
        // A reference to no listed object is read as null (number 0).
        std::optional<std::uint64_t> target = to_number(text(*before_last));
        const auto listed = static_cast<std::uint32_t>(target && *target < objects_.size() ? *target : 0);
        o.refs.push_back({listed, before_last->begin, token->end});
      }
    }
    before_last = last;
    last = token;
  }
  return false;  // no end, or not PDF syntax
}

std::optional<Ref> PdfFile::ref_at(const std::vector<Token>& tokens, std::size_t i) const {
  if (i + 2 >= tokens.size() || tokens[i].kind != Kind::integer || tokens[i + 1].kind != Kind::integer ||
      tokens[i + 2].kind != Kind::keyword || text(tokens[i + 2]) != "R")
    return std::nullopt;
  std::optional<std::uint64_t> n = to_number(text(tokens[i]));
  if (!n || *n >= objects_.size()) return std::nullopt;
  return Ref{static_cast<std::uint32_t>(*n), tokens[i].begin, tokens[i + 2].end};
}

std::optional<std::size_t> PdfFile::value_index(const std::vector<Token>& tokens,
                                                std::string_view key) const {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i].depth == 1 && tokens[i].kind == Kind::name && text(tokens[i]) == key) return i + 1;
  return std::nullopt;
}

std::optional<std::uint32_t> PdfFile::ref_value(const std::vector<Token>& tokens,
                                                std::string_view key) const {
  std::optional<std::size_t> i = value_index(tokens, key);
  if (!i) return std::nullopt;
  std::optional<Ref> ref = ref_at(tokens, *i);
  if (!ref) return std::nullopt;
  return ref->number;
}

std::optional<Ref> PdfFile::ref_entry(const Object& o, std::string_view key) const {
  const std::vector<Token> all = tokens(o);
  std::optional<std::size_t> i = value_index(all, key);
  return i ? ref_at(all, *i) : std::nullopt;
}

std::optional<std::string_view> PdfFile::array_text(const Object& o, std::string_view key) const {
  const std::vector<Token> all = tokens(o);
  std::optional<std::size_t> i = value_index(all, key);
  if (!i || all[*i].kind != Kind::open || text(all[*i]) != "[") return std::nullopt;
  for (std::size_t t = *i + 1; t < all.size(); ++t)
    if (all[t].kind == Kind::close && all[t].depth == all[*i].depth)
      return bytes_.substr(all[*i].begin, all[t].end - all[*i].begin);
  return std::nullopt;
}

std::optional<std::uint64_t> PdfFile::integer_value(const Object& o, std::string_view key) const {
  const std::vector<Token> all = tokens(o);
  std::optional<std::size_t> i = value_index(all, key);
  if (!i || all[*i].kind != Kind::integer) return std::nullopt;
  return to_number(text(all[*i]));
}

std::optional<std::vector<std::uint32_t>> PdfFile::ref_array(const Object& o, std::string_view key) const {
  const std::vector<Token> all = tokens(o);
  std::optional<std::size_t> i = value_index(all, key);
  if (!i || all[*i].kind != Kind::open || text(all[*i]) != "[") return std::nullopt;
  std::vector<std::uint32_t> refs;
  for (std::size_t t = *i + 1; t < all.size(); t += 3) {
    if (all[t].kind == Kind::close) return refs;
    std::optional<Ref> ref = ref_at(all, t);
    if (!ref) return std::nullopt;
    refs.push_back(ref->number);
  }
  return std::nullopt;
}

std::optional<std::vector<std::uint32_t>> PdfFile::pages(std::uint32_t* pages_node) const {
  std::optional<std::uint32_t> root = trailer_ref("/Root");
  const Object* catalog = root ? object(*root) : nullptr;
  std::optional<std::uint32_t> node = catalog ? ref_value(*catalog, "/Pages") : std::nullopt;
  const Object* tree = node ? object(*node) : nullptr;
  if (!tree) return std::nullopt;
  std::optional<std::vector<std::uint32_t>> kids = ref_array(*tree, "/Kids");
  // Flat: every kid is a page whose parent is the root of the tree.
  if (!kids || integer_value(*tree, "/Count") != kids->size()) return std::nullopt;
  for (std::uint32_t kid : *kids) {
    const Object* page = object(kid);
    if (!page || ref_value(*page, "/Parent") != *node) return std::nullopt;
  }
  *pages_node = *node;
  return kids;
}

// The objects reachable from `from`, in file order. The references of the
// objects in `leaves` are not followed, nor those to `outside`.
std::optional<std::vector<std::uint32_t>> reachable(const PdfFile& file,
                                                    const std::vector<std::uint32_t>& from,
                                                    const std::vector<std::uint32_t>& leaves,
                                                    std::uint32_t outside) {
  enum Mark : char { unseen, seen, leaf, leaf_seen, skipped };
  std::vector<char> marks(file.size(), unseen);
  for (std::uint32_t n : leaves) marks[n] = leaf;
  if (outside) marks[outside] = skipped;
  std::vector<std::uint32_t> stack;
  for (std::uint32_t n : from) {
    if (!file.object(n)) return std::nullopt;
    marks[n] = marks[n] == leaf ? leaf_seen : seen;
    if (marks[n] == seen) stack.push_back(n);
  }
  while (!stack.empty()) {
    const std::uint32_t n = stack.back();
    stack.pop_back();
    for (const Ref& ref : file.object(n)->refs) {
      if (!file.object(ref.number)) continue;  // missing: null
      char& mark = marks[ref.number];
      if (mark == leaf) mark = leaf_seen;
      if (mark != unseen) continue;
      mark = seen;
      stack.push_back(ref.number);
    }
  }
  std::vector<std::uint32_t> found;
  for (std::uint32_t n : file.in_file_order())
    if (marks[n] == seen || marks[n] == leaf_seen) found.push_back(n);
  return found;
}

// Changes to an object as it is written: text in place of one of its
// references (by where the reference begins), and text added to its
// dictionary, just after the "<<" that opens it.
struct Edits {
  std::size_t ref_at = 0;  // 0: none
  std::string ref_text;
  std::string in_dictionary;
};

// Writes object `n` of `file` as object `as`, its references renumbered by
// `renumber` (0: a missing object, written null) and `edits` made; stream
// data is copied as it is.
void write_object(const PdfFile& file, std::uint32_t n, const std::vector<std::uint32_t>& renumber,
                  std::uint32_t as, std::string& out, const Edits& edits = {}) {
  const Object& o = *file.object(n);
  out += std::to_string(as);
  out += " 0 obj";
  std::size_t pos = o.body;
  if (!edits.in_dictionary.empty()) {
    const std::size_t open = file.bytes().find("<<", o.body) + 2;  // checked by the caller
    out.append(file.bytes().substr(pos, open - pos));
    out += ' ';
    out += edits.in_dictionary;
    pos = open;
  }
  for (const Ref& ref : o.refs) {
    out.append(file.bytes().substr(pos, ref.begin - pos));
    if (ref.begin == edits.ref_at) {
      out += edits.ref_text;
    } else if (renumber[ref.number]) {
      out += std::to_string(renumber[ref.number]);
      out += " 0 R";
    } else {
      out += "null";  // a missing object
    }
    pos = ref.end;
  }
  out.append(file.bytes().substr(pos, o.end - pos));
}

// Whether the object is a dictionary (or a stream's), so that entries can
// go in after its "<<".
bool opens_dictionary(const PdfFile& file, const Object& o) {
  std::optional<Token> first = Lexer(file.bytes(), o.body, o.end).next();
  return first && first->kind == Kind::open && file.bytes().substr(first->begin, 2) == "<<";
}

// How many references each object of `objects` gets from the others.
std::vector<int> reference_counts(const PdfFile& file, const std::vector<std::uint32_t>& objects) {
  std::vector<int> counts(file.size(), 0);
  for (std::uint32_t n : objects)
    for (const Ref& ref : file.object(n)->refs) ++counts[ref.number];
  return counts;
}

// The forms a frame's page draws are named /CkPart0, /CkPart1, … in its
// resources.
constexpr std::string_view kPartName = "/CkPart";

// The drawing that paints a page's forms, each moved down by its place.
std::string forms_drawing(const std::vector<double>& downs) {
  std::string text;
  char move[64];
  for (std::size_t i = 0; i < downs.size(); ++i) {
    std::snprintf(move, sizeof move, "q 1 0 0 1 0 %.3f cm ", 0.0 - downs[i]);
    text += move + std::string(kPartName) + std::to_string(i) + " Do Q\n";
  }
  return text;
}

// The places of each page of a frame of `pages` pages, by page; nullopt
// when a place is on no page or out of the pages' order.
std::optional<std::vector<std::vector<double>>> places_by_page(const std::vector<PdfMerge::Place>& places,
                                                               std::size_t pages) {
  std::vector<std::vector<double>> by_page(pages);
  std::size_t last = 0;
  for (const PdfMerge::Place& place : places) {
    if (place.page >= pages || place.page < last) return std::nullopt;
    by_page[place.page].push_back(place.down);
    last = place.page;
  }
  return by_page;
}

}  // namespace

std::optional<PdfMerge> PdfMerge::start(std::string_view frame, const std::vector<Place>& places,
                                        std::size_t expected_bytes) {
  std::optional<PdfFile> file = PdfFile::read(frame);
  if (!file) return std::nullopt;
  std::uint32_t pages_node = 0;
  std::optional<std::vector<std::uint32_t>> pages = file->pages(&pages_node);
  std::optional<std::uint32_t> root = file->trailer_ref("/Root");
  std::optional<std::uint32_t> info = file->trailer_ref("/Info");
  if (!pages || !root) return std::nullopt;
  std::optional<std::vector<std::vector<double>>> downs = places_by_page(places, pages->size());
  if (!downs) return std::nullopt;
  std::vector<std::uint32_t> from{*root};
  if (info) from.push_back(*info);
  std::optional<std::vector<std::uint32_t>> kept = reachable(*file, from, {}, 0);
  if (!kept) return std::nullopt;

  PdfMerge merge;
  std::vector<std::uint32_t> renumber(file->size(), 0);
  merge.offsets_.push_back(0);
  for (std::uint32_t n : *kept) renumber[n] = merge.new_object();
  merge.root_ = renumber[*root];
  merge.info_ = info ? renumber[*info] : 0;

  // A page with places draws, before its own drawing, the forms its parts'
  // pages become; the forms are named in the page's resources, which no
  // other page may share.
  const std::vector<int> references = reference_counts(*file, *kept);
  std::vector<Edits> edits(file->size());
  std::vector<std::pair<std::uint32_t, std::string>> draws;  // (number, drawing)
  for (std::size_t i = 0; i < pages->size(); ++i) {
    if ((*downs)[i].empty()) continue;
    const Object& page = *file->object((*pages)[i]);
    std::optional<Ref> contents = file->ref_entry(page, "/Contents");
    std::optional<Ref> resources = file->ref_entry(page, "/Resources");
    const Object* dictionary = resources ? file->object(resources->number) : nullptr;
    if (!contents || !dictionary || references[resources->number] != 1 ||
        !opens_dictionary(*file, *dictionary) || file->has_key(*dictionary, "/XObject"))
      return std::nullopt;
    const std::uint32_t draw = merge.new_object();
    draws.emplace_back(draw, forms_drawing((*downs)[i]));
    std::string names = "/XObject <<";
    for (std::size_t form = 0; form < (*downs)[i].size(); ++form) {
      merge.forms_.push_back(merge.new_object());
      names += " " + std::string(kPartName) + std::to_string(form) + " " +
               std::to_string(merge.forms_.back()) + " 0 R";
    }
    edits[(*pages)[i]] = {
        contents->begin,
        "[ " + std::to_string(draw) + " 0 R " + std::to_string(renumber[contents->number]) + " 0 R ]",
        {}};
    edits[resources->number].in_dictionary = names + " >>\n  ";
  }
  merge.out_.reserve(std::max(frame.size(), expected_bytes));
  merge.out_.append(frame.substr(0, file->first_object()));
  for (std::uint32_t n : *kept) {
    merge.offsets_[renumber[n]] = merge.out_.size();
    write_object(*file, n, renumber, renumber[n], merge.out_, edits[n]);
  }
  for (const auto& [draw, text] : draws) {
    merge.offsets_[draw] = merge.out_.size();
    merge.out_ += std::to_string(draw) + " 0 obj\n<< /Length " + std::to_string(text.size()) +
                  " >>\nstream\n" + text + "endstream\nendobj\n";
  }
  return merge;
}

std::uint32_t PdfMerge::new_object() {
  offsets_.push_back(0);
  return static_cast<std::uint32_t>(offsets_.size() - 1);
}

bool PdfMerge::add(std::string_view part) {
  std::optional<PdfFile> file = PdfFile::read(part);
  if (!file) return false;
  std::uint32_t pages_node = 0;
  std::optional<std::vector<std::uint32_t>> pages = file->pages(&pages_node);
  if (!pages || pages->size() > places_left()) return false;
  std::optional<std::vector<std::uint32_t>> used = reachable(*file, *pages, {}, pages_node);
  if (!used) return false;
  // Each page becomes a form: its drawing, with the page's size and
  // resources added to the drawing's dictionary. The page objects and the
  // page tree are left behind; what the drawings use is added.
  std::vector<std::uint32_t> renumber(file->size(), 0);
  std::vector<Edits> edits(file->size());
  std::vector<char> is_page(file->size(), 0);
  for (std::uint32_t page : *pages) is_page[page] = 1;
  std::vector<std::pair<std::uint32_t, std::string_view>> forms;  // (drawing, the page's size)
  std::vector<std::uint32_t> resources;
  for (std::uint32_t page : *pages) {
    std::optional<Ref> contents = file->ref_entry(*file->object(page), "/Contents");
    std::optional<Ref> page_resources = file->ref_entry(*file->object(page), "/Resources");
    std::optional<std::string_view> box = file->array_text(*file->object(page), "/MediaBox");
    const Object* drawing = contents ? file->object(contents->number) : nullptr;
    if (!drawing || !page_resources || !file->object(page_resources->number) || !box ||
        is_page[contents->number] || renumber[contents->number] || !opens_dictionary(*file, *drawing))
      return false;
    renumber[contents->number] = forms_[filled_ + forms.size()];
    forms.emplace_back(contents->number, *box);
    resources.push_back(page_resources->number);
  }
  for (std::uint32_t n : *used)
    if (!is_page[n] && !renumber[n]) renumber[n] = new_object();
  for (std::size_t i = 0; i < forms.size(); ++i)
    edits[forms[i].first].in_dictionary = "/Type /XObject /Subtype /Form /BBox " +
                                          std::string(forms[i].second) + " /Resources " +
                                          std::to_string(renumber[resources[i]]) + " 0 R\n  ";
  for (std::uint32_t n : *used) {
    if (is_page[n]) continue;
    offsets_[renumber[n]] = out_.size();
    write_object(*file, n, renumber, renumber[n], out_, edits[n]);
  }
  filled_ += pages->size();
  return true;
}

std::optional<std::string> PdfMerge::finish() {
  if (places_left() > 0) return std::nullopt;
  // Every number given out must be an object written (a form whose part
  // was refused, say, is not).
  if (std::find(offsets_.begin() + 1, offsets_.end(), 0) != offsets_.end()) return std::nullopt;
  const std::size_t xref_at = out_.size();
  out_ += "xref\n0 " + std::to_string(offsets_.size()) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t n = 1; n < offsets_.size(); ++n) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets_[n]);
    out_ += entry;
  }
  out_ += "trailer\n<< /Size " + std::to_string(offsets_.size()) + "\n   /Root " + std::to_string(root_) +
          " 0 R\n";
  if (info_) out_ += "   /Info " + std::to_string(info_) + " 0 R\n";
  out_ += ">>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return std::move(out_);
}

}  // namespace ck
