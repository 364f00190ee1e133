// The posters as A4 PDF files: one per procedure and the satisfaction
// survey's. A procedure's poster is read from a metre away on the desk's
// wall: its name at 28 pt, then its code of 10 cm beside the time limit, the
// fee and where to submit at 18 pt, then the papers to bring as a checklist.
// The sheets of codes are in print_sheets.cc.
#include <algorithm>

#include "print.h"
#include "print_breaks.h"
#include "print_layout.h"
#include "qr_codes.h"
#include "urls.h"

namespace ck {
namespace {

// The code itself, quiet zone not counted: a wall poster read from 1 m
// needs 10 cm.
constexpr double kPosterSymbol = 100;
constexpr double kSurveySymbolMax = 115;
constexpr double kBottom = kA4Height - kMargin;
constexpr double kNamePt = 28;
constexpr double kNameMinPt = 16;
constexpr double kNameLeastPt = 14;  // only so that the time limit and fee keep 18 pt
constexpr int kNameLines = 3;
constexpr double kFactPt = 18;
constexpr double kFactMinPt = 14;
constexpr double kPaperPt = 13;
constexpr double kBox = 3.6;  // the checklist's tick box, mm

// The name at 28 pt, shrunk until it takes at most three lines, never below
// `least` points.
Block name_block(PdfDocument& doc, const std::string& name, double least) {
  Block block{with_line_breaks(doc, name, style(kNamePt, true), kWidth), style(kNamePt, true), 3};
  const double line = doc.measure("X", block.style, kWidth);
  while (block.style.size_pt > least &&
         doc.measure(block.text, block.style, kWidth) > kNameLines * line * block.style.size_pt / kNamePt + 0.1) {
    block.style.size_pt = std::max(least, block.style.size_pt * 0.94);
    block.text = with_line_breaks(doc, name, block.style, kWidth);
  }
  return block;
}

std::vector<Block> poster_header(PdfDocument& doc, const RenderContext& ctx, const Procedure& p,
                                 double name_least) {
  std::vector<Block> blocks = issuer_blocks(ctx.site().config);
  blocks.back().gap_after = 3;
  blocks.push_back(name_block(doc, p.name, name_least));
  std::string code = code_line(ctx, p);
  if (const Domain* d = ctx.site().find_domain(p.domain))
    code = ctx.text("domain") + ": " + d->name + " – " + code;
  blocks.push_back({code, style(12), 4});
  return blocks;
}

// How long and how much, at `size` points, across the page.
std::vector<Block> poster_facts(const RenderContext& ctx, const Procedure& p, double size) {
  std::vector<Block> blocks;
  if (!p.time_limit.empty())
    blocks.push_back({ctx.text("time_limit") + ": " + p.time_limit, style(size, false, false), 2});
  if (!p.fee.empty()) blocks.push_back({ctx.text("fee") + ": " + p.fee, style(size, false, false), 2});
  if (!blocks.empty()) blocks.back().gap_after = 4;
  return blocks;
}

// The facts at the largest size, from 18 pt down, that fits `height`.
std::vector<Block> fitting_facts(PdfDocument& doc, const RenderContext& ctx, const Procedure& p,
                                 double height) {
  double size = kFactPt;
  std::vector<Block> facts = poster_facts(ctx, p, size);
  while (size > kFactMinPt && blocks_height(doc, facts) > height) {
    size = std::max(kFactMinPt, size - 1);
    facts = poster_facts(ctx, p, size);
  }
  return facts;
}

// "Tờ khai đăng ký khai sinh (Bản chính: 1)"
std::string paper_line(const RenderContext& ctx, const Paper& paper) {
  std::string counts;
  auto count = [&](const char* key, long long n) {
    if (n <= 0) return;
    if (!counts.empty()) counts += "; ";
    counts += ctx.text(key) + ": " + std::to_string(n);
  };
  count("originals", paper.originals);
  count("copies", paper.copies);
  return counts.empty() ? paper.name : paper.name + " (" + counts + ")";
}

void tick_box(PdfDocument& doc, double x, double y) {
  doc.line(x, y, x + kBox, y, 0.3);
  doc.line(x + kBox, y, x + kBox, y + kBox, 0.3);
  doc.line(x + kBox, y + kBox, x, y + kBox, 0.3);
  doc.line(x, y + kBox, x, y, 0.3);
}

// The papers everyone brings, as the lines of a checklist. A case's papers
// ("Trường hợp …") are left to the page.
std::vector<std::string> checklist(const RenderContext& ctx, const ProcedureDetails& details) {
  std::vector<std::string> lines;
  for (const PaperGroup& group : details.documents)
    if (group.case_name.empty())
      for (const Paper& paper : group.papers) lines.push_back(paper_line(ctx, paper));
  return lines;
}

// The checklist in `column` from `y` down to `bottom`, a tick box a paper;
// when some do not fit, or some cases need more, where to read the rest.
void draw_checklist(PdfDocument& doc, const RenderContext& ctx, const ProcedureDetails& details,
                    Column column, double y, double bottom) {
  y = draw_blocks(doc, {{ctx.text("papers_heading"), style(14, true, false), 2}}, y, column);
  const PdfTextStyle item = style(kPaperPt, false, false);
  const Block more{ctx.text("print_see_more"), style(10, false, false), 0};
  const double more_height = blocks_height(doc, {more}, column) + 1;
  const Column text{column.x + kBox + 2, column.width - kBox - 2};
  const std::vector<std::string> lines = checklist(ctx, details);
  bool all = std::all_of(details.documents.begin(), details.documents.end(),
                         [](const PaperGroup& g) { return g.case_name.empty(); });
  for (const std::string& line : lines) {
    if (y + doc.measure(line, item, text.width) + more_height > bottom) {
      all = false;
      break;
    }
    tick_box(doc, column.x, y + 1);
    y += doc.text(line, item, text.x, y, text.width) + 1.5;
  }
  if (lines.empty()) y = draw_blocks(doc, {{ctx.text("papers_none"), item}}, y, column);
  if (!all) draw_blocks(doc, {more}, y + 1, column);
}

// Top to bottom: the issuer, the name, the domain and code; the time limit
// and fee across the page; the code, and beside it the papers and where to
// submit. Nothing is drawn in the code's quiet zone. The facts shrink only
// when they would push the code off the page.
void draw_procedure_poster(PdfDocument& doc, const RenderContext& ctx, const Procedure& p, const QrMatrix& qr,
                           const ProcedureDetails& details) {
  const std::string url = absolute_url(ctx.site().config, short_path(p.code));
  const double size = size_for_symbol(qr, kPosterSymbol);
  const double quiet = (size - kPosterSymbol) / 2;
  // The code's quiet zone stays on the paper, clear of the text beside it.
  const Column under{std::max(kMargin, quiet + 3) - quiet, size};
  const Column beside{under.x + size + 1, kA4Width - kMargin - (under.x + size + 1)};
  std::vector<Block> scan{{ctx.text("print_instruction"), style(12, true), 1}, {url, style(12), 2}};
  const std::optional<std::string> payload = procedure_qr_url(ctx.site(), p);
  if (payload && *payload != url) scan.push_back({ctx.text("qr_opens") + ": " + *payload, style(9), 2});
  const std::string where = details.submit_at.empty() ? ctx.site().config.contact.address : details.submit_at;
  const std::vector<Block> submit{{ctx.text("where_heading"), style(10, true, false, 0.25), 0.5},
                                  {where, style(12, true, false), 0}};
  const double submit_top = kBottom - blocks_height(doc, submit, beside);
  const double below_facts = size + blocks_height(doc, scan, under);
  // A name too long for 16 pt shrinks further before the facts do.
  std::vector<Block> header = poster_header(doc, ctx, p, kNameMinPt);
  const double facts = blocks_height(doc, poster_facts(ctx, p, kFactPt));
  if (kMargin + blocks_height(doc, header) + facts + below_facts > kBottom)
    header = poster_header(doc, ctx, p, kNameLeastPt);
  double y = draw_blocks(doc, header, kMargin);
  y = draw_blocks(doc, fitting_facts(doc, ctx, p, kBottom - y - below_facts), y);
  doc.qr(qr, under.x, y, size);
  draw_checklist(doc, ctx, details, beside, y + quiet, submit_top - 4);
  draw_blocks(doc, scan, y + size, under);
  draw_blocks(doc, submit, submit_top, beside);
}

// The survey's poster: blocks above the code, the code, blocks below. Text
// shrinks when it would leave the code less than 10 cm.
void draw_survey_poster(PdfDocument& doc, const std::vector<Block>& above, const QrMatrix& qr,
                        const std::vector<Block>& below) {
  double scale = 1;
  const double qr_max = size_for_symbol(qr, kSurveySymbolMax);
  const double qr_min = size_for_symbol(qr, kPosterSymbol);
  auto scaled = [&](std::vector<Block> blocks) {
    for (Block& b : blocks) b.style.size_pt *= scale;
    return blocks;
  };
  double qr_size = qr_max;
  for (; scale > 0.5; scale *= 0.92) {
    qr_size = std::min(
        qr_max, kBottom - kMargin - blocks_height(doc, scaled(above)) - blocks_height(doc, scaled(below)));
    if (qr_size >= qr_min) break;
  }
  qr_size = std::max(qr_size, qr_min);
  double y = draw_blocks(doc, scaled(above), kMargin);
  doc.qr(qr, (kA4Width - qr_size) / 2, y, qr_size);
  draw_blocks(doc, scaled(below), y + qr_size);
}

}  // namespace

OutputFile render_poster_pdf(const RenderContext& ctx, const Procedure& p, Diagnostics& diags) {
  const QrMatrix* qr = ctx.qr().procedure(p);
  if (!qr || !procedure_qr_url(ctx.site(), p)) return {poster_pdf_path(p), {}, {}};
  std::optional<ProcedureDetails> details = procedure_details(ctx.site(), p, diags);
  if (!details) return {poster_pdf_path(p), {}, {}};
  return drawn_pdf(poster_pdf_path(p), ctx.text("print_poster") + ": " + p.name, 0, diags,
                   [&](PdfDocument& doc) { draw_procedure_poster(doc, ctx, p, *qr, *details); });
}

OutputFile render_survey_pdf(const RenderContext& ctx, Diagnostics& diags) {
  const QrMatrix* qr = ctx.qr().survey();
  if (!qr) return {std::string(kSurveyPdf), {}, {}};
  std::vector<Block> above = issuer_blocks(ctx.site().config);
  above.push_back({ctx.text("survey_title"), style(28, true), 4});
  std::vector<Block> below{{ctx.text("survey_instruction"), style(15, true), 3},
                           {ctx.site().config.survey_url, style(12), 2}};
  return drawn_pdf(std::string(kSurveyPdf), ctx.text("survey_title"), 0, diags,
                   [&](PdfDocument& doc) { draw_survey_poster(doc, above, *qr, below); });
}

}  // namespace ck
