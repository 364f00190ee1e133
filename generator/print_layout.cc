// What the print PDFs share: blocks of text, the issuer, the footer.
#include "print_layout.h"

namespace ck {

std::vector<Block> issuer_blocks(const SiteConfig& config) {
  // Since 2025 most provinces have no districts.
  std::string place = config.district.empty() ? config.province : config.district + ", " + config.province;
  return {{config.authority, style(13, true), 0.5}, {place, style(10.5), 5}};
}

double blocks_height(PdfDocument& doc, const std::vector<Block>& blocks, Column column) {
  double h = 0;
  for (const Block& b : blocks) h += doc.measure(b.text, b.style, column.width) + b.gap_after;
  return h;
}

double draw_blocks(PdfDocument& doc, const std::vector<Block>& blocks, double y, Column column) {
  for (const Block& b : blocks) y += doc.text(b.text, b.style, column.x, y, column.width) + b.gap_after;
  return y;
}

void footer(PdfDocument& doc, const std::string& left, const std::string& right) {
  doc.line(kMargin, kFooterTop - 2, kA4Width - kMargin, kFooterTop - 2, 0.2);
  doc.text(left, style(8, false, false, 0.2), kMargin, kFooterTop, kWidth * 0.75);
  doc.text(right, style(8, false, false, 0.2), kMargin + kWidth * 0.8, kFooterTop, kWidth * 0.2);
}

std::string code_line(const RenderContext& ctx, const Procedure& p) {
  return ctx.text("code") + ": " + p.code;
}

std::string page_label(const RenderContext& ctx, int page, int total) {
  return ctx.text("print_page") + " " + std::to_string(page) + "/" + std::to_string(total);
}

}  // namespace ck
