// Diagnostics: every problem found in the sources, with the place it was found
// and a hint an editor can act on. Stages report into one Diagnostics so that a
// single run lists every problem, not just the first.
#pragma once

#include <string>
#include <vector>

namespace ck {

// A message in the two languages the tool speaks. Vietnamese is the default
// because the editors are commune officials.
struct Text {
  std::string vi;
  std::string en;
  bool operator==(const Text&) const = default;
};

enum class Lang { vi, en };

// A line and column in a file known from elsewhere: a model object keeps
// the places of its fields this way, beside one SourcePos of its file, since
// a path in every place would cost a catalog of 10,000 procedures megabytes.
struct Place {
  int line = 0;
  int col = 0;
  bool operator==(const Place&) const = default;
};

// A place in a source file. Lines and columns are 1-based; 0 means unknown.
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
  bool operator==(const SourcePos&) const = default;
  Place place() const { return {line, col}; }
  SourcePos at(Place place) const { return {file, place.line, place.col}; }
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity;
  SourcePos pos;
  Text message;
  Text hint;
  bool operator==(const Diagnostic&) const = default;
};

class Diagnostics {
 public:
  void error(SourcePos pos, Text message, Text hint = {});
  void warning(SourcePos pos, Text message, Text hint = {});
  // Moves another collection's entries here (used to join parallel stages).
  void absorb(Diagnostics&& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  int warning_count() const { return warnings_; }
  // Entries ordered by file, line and column, so output is deterministic.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> entries_;
  int errors_ = 0;
  int warnings_ = 0;
};

// "file:line:col: error: message" followed by an indented hint line.
std::string format_diagnostic(const Diagnostic& d, Lang lang);
std::string format_all(const Diagnostics& diags, Lang lang);
const std::string& pick(const Text& text, Lang lang);

}  // namespace ck
