// What the print PDFs share: A4 pages laid out in millimetres, blocks of
// text, the footer, and documents made through the PDF module.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pdf.h"
#include "render.h"

namespace ck {

inline constexpr double kMargin = 15;
inline constexpr double kWidth = kA4Width - 2 * kMargin;
inline constexpr double kFooterTop = kA4Height - 12;

// The drawn size, quiet zone included, that gives the code itself `symbol` mm.
inline double size_for_symbol(const QrMatrix& qr, double symbol) {
  return symbol * qr.size() / qr.symbol_size();
}

struct Block {
  std::string text;
  PdfTextStyle style;
  double gap_after = 2;
};

inline PdfTextStyle style(double size, bool bold = false, bool center = true, double gray = 0) {
  return {size, bold, center, gray};
}

// A strip of the page that text is wrapped to.
struct Column {
  double x = kMargin;
  double width = kWidth;
};

double blocks_height(PdfDocument& doc, const std::vector<Block>& blocks, Column column = {});
// Draws the blocks from `y` down; returns where they end.
double draw_blocks(PdfDocument& doc, const std::vector<Block>& blocks, double y, Column column = {});
void footer(PdfDocument& doc, const std::string& left, const std::string& right);
std::string page_label(const RenderContext& ctx, int page, int total);
// "Mã: 1.001193"
std::string code_line(const RenderContext& ctx, const Procedure& p);
// The authority, then its district (if any) and province.
std::vector<Block> issuer_blocks(const SiteConfig& config);

// The file of a document titled `title` drawn by `draw`; no bytes when the
// document cannot be made (the error is in `diags`).
template <typename Draw>
OutputFile drawn_pdf(std::string path, const std::string& title, std::size_t expected_bytes,
                     Diagnostics& diags, Draw&& draw) {
  std::unique_ptr<PdfDocument> doc = make_pdf_document(title, expected_bytes, diags);
  if (!doc) return {std::move(path), {}, {}};
  draw(*doc);
  return {std::move(path), doc->finish(), {}};
}

}  // namespace ck
