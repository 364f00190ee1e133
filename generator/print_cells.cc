#include "print_cells.h"

#include <cstring>
#include <string>
#include <unordered_map>

#include "fingerprint.h"
#include "print_breaks.h"
#include "qr_codes.h"

namespace ck {

std::string cell_name(PdfDocument& doc, const Procedure& p) {
  return with_line_breaks(doc, p.name, cell_name_style(), kCellWidth - 3);
}

namespace {

// A record of heights: each cell's print and height, in order.
constexpr std::size_t kEntry = sizeof(std::uint64_t) + sizeof(double);

std::uint64_t print_at(std::string_view record, std::size_t at) {
  std::uint64_t print = 0;
  std::memcpy(&print, record.data() + at, sizeof print);
  return print;
}

double height_at(std::string_view record, std::size_t at) {
  double height = 0;
  std::memcpy(&height, record.data() + at + sizeof(std::uint64_t), sizeof height);
  return height;
}

// The heights the earlier build measured for the domain, by cell print.
std::unordered_map<std::uint64_t, double> kept_heights(const KeptEntries& kept, const std::string& key) {
  std::unordered_map<std::uint64_t, double> heights;
  std::optional<std::string_view> record = kept.peek(key);
  if (!record || record->size() % kEntry) return heights;
  for (std::size_t at = 0; at < record->size(); at += kEntry)
    heights.emplace(print_at(*record, at), height_at(*record, at));
  return heights;
}

// The record of the cells' heights (`prints`: each procedure's cell print),
// measuring those `kept` does not hold under the domain's key; empty when a
// code cannot be made. The domain's record is kept for the next build,
// updated when a cell was measured.
std::string measure_cells(PdfDocument& doc, const RenderContext& ctx,
                          const std::vector<const Procedure*>& procedures,
                          const std::vector<std::uint64_t>& prints, KeptEntries* kept,
                          const std::string& domain_key) {
  const std::unordered_map<std::uint64_t, double> known =
      kept ? kept_heights(*kept, domain_key) : std::unordered_map<std::uint64_t, double>{};
  std::string record;
  bool measured = false;
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    const Procedure& p = *procedures[i];
    auto found = known.find(prints[i]);
    double height = found == known.end() ? 0 : found->second;
    if (found == known.end()) {
      const QrMatrix* qr = ctx.qr().procedure(p);
      if (!qr) return {};
      height = size_for_symbol(*qr, kCellSymbol) +
               doc.measure(cell_name(doc, p), cell_name_style(), kCellWidth - 3) +
               doc.measure(code_line(ctx, p), cell_code_style(), kCellWidth - 3);
      measured = true;
    }
    append_number(record, prints[i]);
    append_number(record, height);
  }
  if (kept && measured) kept->add(domain_key, record);
  if (kept && !measured) kept->find(domain_key);  // kept as it was: it holds every height
  return record;
}

std::vector<double> heights_in(std::string_view record) {
  std::vector<double> heights;
  heights.reserve(record.size() / kEntry);
  for (std::size_t at = 0; at + kEntry <= record.size(); at += kEntry)
    heights.push_back(height_at(record, at));
  return heights;
}

}  // namespace

std::uint64_t cell_print(const Site& site, const Procedure& p) {
  return Fingerprint().add(p.name).add(p.code).add(procedure_qr_url(site, p).value_or("")).value();
}

std::optional<std::vector<double>> cell_heights(PdfDocument& doc, const RenderContext& ctx, const Domain& d,
                                                const std::vector<const Procedure*>& procedures,
                                                KeptEntries* kept) {
  if (procedures.empty()) return std::vector<double>{};
  std::vector<std::uint64_t> prints;
  prints.reserve(procedures.size());
  for (const Procedure* p : procedures) prints.push_back(cell_print(ctx.site(), *p));
  const std::string domain_key =
      key_text(Fingerprint().add(ctx.input_keys().print).add("cell-heights").add(d.slug));
  auto measure = [&] { return measure_cells(doc, ctx, procedures, prints, kept, domain_key); };
  std::string measured;
  KeptEntries::Shared shared;
  if (kept) {
    // Under a key of every cell the layout shows, which the booklet and the
    // sheet both ask for.
    Fingerprint cells;
    cells.add(ctx.input_keys().print).add("cells").add(d.slug);
    for (std::uint64_t print : prints) cells.add(print);
    shared = kept->find_or_make(key_text(cells), 2, measure);
    // Found as the earlier build left it: so is the domain's record, which
    // the next build needs if a cell changes.
    if (!shared.bytes.empty() && !shared.held) kept->find(domain_key);
  } else {
    measured = measure();
    shared.bytes = measured;
  }
  std::vector<double> heights = heights_in(shared.bytes);
  // Empty: a code could not be made. The key names every cell, so a record
  // of another length is not this one.
  if (shared.bytes.empty() || heights.size() != procedures.size()) return std::nullopt;
  return heights;
}

}  // namespace ck
