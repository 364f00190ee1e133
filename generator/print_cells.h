// The cells of a sheet of codes: a code with its procedure's name and code
// under it, four to a row. A layout needs each cell's height before a page
// is drawn, and measuring text with pango is what laying out costs.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kept_file.h"
#include "pdf.h"
#include "print_layout.h"

namespace ck {

// A sheet held in the hand needs codes of 3 cm.
inline constexpr double kCellSymbol = 32;
inline constexpr int kColumns = 4;
inline constexpr double kCellWidth = kWidth / kColumns;

// A cell's labels, read on a wall board: at least 11 pt.
inline PdfTextStyle cell_name_style() {
  return style(11, true);
}
inline PdfTextStyle cell_code_style() {
  return style(11);
}

// A cell's name, its lines broken between words (print_breaks.h).
std::string cell_name(PdfDocument& doc, const Procedure& p);

// What a cell shows, and so its height.
std::uint64_t cell_print(const Site& site, const Procedure& p);

// The height of each of `procedures`' cells (a domain's coded procedures);
// nullopt when a code cannot be made (reported before rendering). Without
// `kept`, each is measured on `doc`. With it, a cell an earlier build
// measured showing the same is not measured again, and the booklet and the
// domain's sheet, which lay out the same cells, share one measuring: the
// first to ask measures, the other waits for the heights.
std::optional<std::vector<double>> cell_heights(PdfDocument& doc, const RenderContext& ctx, const Domain& d,
                                                const std::vector<const Procedure*>& procedures,
                                                KeptEntries* kept);

}  // namespace ck
