// The posters as A4 PDF files: one per procedure (code ≥ 10 cm) and the
// satisfaction survey's. The sheets of codes are in print_sheets.cc.
#include <algorithm>

#include "print.h"
#include "print_layout.h"
#include "qr_codes.h"
#include "urls.h"

namespace ck {
namespace {

// Sizes of the code itself, quiet zone not counted: a wall poster read from
// 1 m needs 10 cm.
constexpr double kPosterSymbolMax = 115;
constexpr double kPosterSymbolMin = 102;

// A poster: blocks above the code, the code, blocks below. Text shrinks
// when a long procedure name would leave less than kPosterQrMin for the code.
void draw_poster(PdfDocument& doc, const std::vector<Block>& above, const QrMatrix& qr,
                 const std::vector<Block>& below) {
  double scale = 1;
  const double qr_max = size_for_symbol(qr, kPosterSymbolMax);
  const double qr_min = size_for_symbol(qr, kPosterSymbolMin);
  double qr_size = qr_max;
  auto measure = [&](const std::vector<Block>& blocks) {
    double h = 0;
    for (const Block& b : blocks) {
      PdfTextStyle s = b.style;
      s.size_pt *= scale;
      h += doc.measure(b.text, s, kWidth) + b.gap_after;
    }
    return h;
  };
  for (; scale > 0.5; scale *= 0.92) {
    double room = kFooterTop - 4 - kMargin - measure(above) - measure(below);
    qr_size = std::min(qr_max, room);
    if (qr_size >= qr_min) break;
  }
  qr_size = std::max(qr_size, qr_min);
  double y = kMargin;
  auto draw = [&](const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      PdfTextStyle s = b.style;
      s.size_pt *= scale;
      y += doc.text(b.text, s, kMargin, y, kWidth) + b.gap_after;
    }
  };
  draw(above);
  doc.qr(qr, (kA4Width - qr_size) / 2, y, qr_size);
  y += qr_size;
  draw(below);
}

}  // namespace

std::vector<Block> issuer_blocks(const SiteConfig& config) {
  return {{config.authority, style(13, true), 0.5}, {config.district + ", " + config.province, style(10.5), 5}};
}

double blocks_height(PdfDocument& doc, const std::vector<Block>& blocks) {
  double h = 0;
  for (const Block& b : blocks) h += doc.measure(b.text, b.style, kWidth) + b.gap_after;
  return h;
}

double draw_blocks(PdfDocument& doc, const std::vector<Block>& blocks, double y) {
  for (const Block& b : blocks) y += doc.text(b.text, b.style, kMargin, y, kWidth) + b.gap_after;
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

OutputFile render_poster_pdf(const RenderContext& ctx, const Procedure& p, Diagnostics& diags) {
  const Site& site = ctx.site();
  const QrMatrix* qr = ctx.qr().procedure(p);
  std::optional<std::string> url = procedure_qr_url(site, p);
  if (!qr || !url) return {poster_pdf_path(p), {}, {}};
  std::vector<Block> above = issuer_blocks(site.config);
  if (const Domain* d = site.find_domain(p.domain)) above.push_back({ctx.text("domain") + ": " + d->name, style(13), 3});
  above.push_back({p.name, style(24, true), 3});
  above.push_back({code_line(ctx, p), style(14), 0});
  std::string short_url = absolute_url(site.config, short_path(p.code));
  std::vector<Block> below{{ctx.text("print_instruction"), style(15, true), 2}, {short_url, style(13), 2}};
  if (*url != short_url) below.push_back({ctx.text("qr_opens") + ": " + *url, style(10), 2});
  below.back().gap_after = 6;
  if (!p.time_limit.empty())
    below.push_back({ctx.text("time_limit") + ": " + p.time_limit, style(12, false, false), 2});
  if (!p.fee.empty()) below.push_back({ctx.text("fee") + ": " + p.fee, style(12, false, false), 2});
  return drawn_pdf(poster_pdf_path(p), ctx.text("print_poster") + ": " + p.name, 0, diags,
                   [&](PdfDocument& doc) { draw_poster(doc, above, *qr, below); });
}

OutputFile render_survey_pdf(const RenderContext& ctx, Diagnostics& diags) {
  const QrMatrix* qr = ctx.qr().survey();
  if (!qr) return {std::string(kSurveyPdf), {}, {}};
  std::vector<Block> above = issuer_blocks(ctx.site().config);
  above.push_back({ctx.text("survey_title"), style(28, true), 4});
  std::vector<Block> below{{ctx.text("survey_instruction"), style(15, true), 3},
                           {ctx.site().config.survey_url, style(12), 2}};
  return drawn_pdf(std::string(kSurveyPdf), ctx.text("survey_title"), 0, diags,
                   [&](PdfDocument& doc) { draw_poster(doc, above, *qr, below); });
}

}  // namespace ck
