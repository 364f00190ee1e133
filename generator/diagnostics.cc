#include "diagnostics.h"

#include <algorithm>
#include <tuple>

namespace ck {

void Diagnostics::error(SourcePos pos, Text message, Text hint) {
  entries_.push_back({Severity::error, std::move(pos), std::move(message), std::move(hint)});
  ++errors_;
}

void Diagnostics::warning(SourcePos pos, Text message, Text hint) {
  entries_.push_back({Severity::warning, std::move(pos), std::move(message), std::move(hint)});
  ++warnings_;
}

void Diagnostics::absorb(Diagnostics&& other) {
  entries_.insert(entries_.end(), std::make_move_iterator(other.entries_.begin()),
                  std::make_move_iterator(other.entries_.end()));
  errors_ += other.errors_;
  warnings_ += other.warnings_;
  other = Diagnostics{};
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = entries_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.col) <
           std::tie(b.pos.file, b.pos.line, b.pos.col);
  });
  return out;
}

const std::string& pick(const Text& text, Lang lang) {
  if (lang == Lang::en && !text.en.empty()) return text.en;
  return text.vi;
}

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string out = d.pos.file.empty() ? "congkhai" : d.pos.file;
  if (d.pos.line > 0) out += ":" + std::to_string(d.pos.line);
  if (d.pos.line > 0 && d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += pick(d.message, lang);
  out += "\n";
  const std::string& hint = pick(d.hint, lang);
  if (!hint.empty()) out += (lang == Lang::vi ? "  gợi ý: " : "  hint: ") + hint + "\n";
  return out;
}

std::string format_all(const Diagnostics& diags, Lang lang) {
  std::string out;
  for (const Diagnostic& d : diags.sorted()) out += format_diagnostic(d, lang);
  return out;
}

}  // namespace ck
