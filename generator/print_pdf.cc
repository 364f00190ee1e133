// The print outputs as A4 PDF files, laid out in millimetres: a poster per
// procedure (code ≥ 10 cm), a sheet of 3.5 cm codes per domain, the booklet
// (contents, then every domain from a new page) and the survey poster.
// Layouts are measured first and drawn second, so no code is ever split
// across pages and page numbers are known when a page is drawn.
#include <algorithm>

#include "pdf.h"
#include "print.h"
#include "qr_codes.h"
#include "urls.h"

namespace ck {
namespace {

constexpr double kMargin = 15;
constexpr double kWidth = kA4Width - 2 * kMargin;
constexpr double kFooterTop = kA4Height - 12;
// Sizes of the code itself, quiet zone not counted: a wall poster read from
// 1 m needs 10 cm; a sheet held in the hand needs 3 cm.
constexpr double kPosterSymbolMax = 115;
constexpr double kPosterSymbolMin = 102;
constexpr double kCellSymbol = 32;
constexpr int kColumns = 4;
constexpr double kCellWidth = kWidth / kColumns;
constexpr double kRowGap = 5;

// The drawn size, quiet zone included, that gives the code itself `symbol` mm.
double size_for_symbol(const QrMatrix& qr, double symbol) {
  return symbol * qr.size() / qr.symbol_size();
}

struct Block {
  std::string text;
  PdfTextStyle style;
  double gap_after = 2;
};

PdfTextStyle style(double size, bool bold = false, bool center = true, double gray = 0) {
  return {size, bold, center, gray};
}

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

void footer(PdfDocument& doc, const std::string& left, const std::string& right) {
  doc.line(kMargin, kFooterTop - 2, kA4Width - kMargin, kFooterTop - 2, 0.2);
  doc.text(left, style(8, false, false, 0.2), kMargin, kFooterTop, kWidth * 0.75);
  doc.text(right, style(8, false, false, 0.2), kMargin + kWidth * 0.8, kFooterTop, kWidth * 0.2);
}

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

std::vector<Block> issuer_blocks(const SiteConfig& config) {
  return {{config.authority, style(13, true), 0.5}, {config.district + ", " + config.province, style(10.5), 5}};
}

// --- Sheets of codes, used by the domain sheets and the booklet ---

struct Cell {
  const Procedure* procedure;
  const QrMatrix* qr;
  double height;
};

struct DomainLayout {
  const Domain* domain;
  std::vector<Cell> cells;
  std::vector<std::vector<std::vector<std::size_t>>> pages;  // page → row → cell index
};

std::string code_line(const RenderContext& ctx, const Procedure& p) { return ctx.text("code") + ": " + p.code; }

double cell_height(PdfDocument& doc, const RenderContext& ctx, const Procedure& p, const QrMatrix& qr) {
  return size_for_symbol(qr, kCellSymbol) + doc.measure(p.name, style(8.5, true), kCellWidth - 3) + doc.measure(code_line(ctx, p), style(8), kCellWidth - 3);
}

std::vector<Block> sheet_header(const RenderContext& ctx, const Domain& d, bool continued) {
  std::string title = continued ? d.name + " (" + ctx.text("print_continued") + ")" : d.name;
  return {{ctx.site().config.authority, style(10, true), 1},
          {title, style(16, true), 1},
          {ctx.text("print_sheet_intro"), style(9.5), 5}};
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

// Fills pages row by row; a row that does not fit starts a new page.
DomainLayout layout_domain(PdfDocument& doc, const RenderContext& ctx, const Domain& d) {
  DomainLayout layout{&d, {}, {}};
  for (const Procedure* p : coded_procedures(ctx.site(), d))
    if (const QrMatrix* qr = ctx.qr().procedure(*p)) layout.cells.push_back({p, qr, cell_height(doc, ctx, *p, *qr)});
  double bottom = kFooterTop - 6;
  double y = bottom;  // forces a first page
  for (std::size_t first = 0; first < layout.cells.size(); first += kColumns) {
    std::size_t last = std::min(first + kColumns, layout.cells.size());
    double row_height = 0;
    for (std::size_t i = first; i < last; ++i) row_height = std::max(row_height, layout.cells[i].height);
    if (y + row_height > bottom) {
      layout.pages.emplace_back();
      y = kMargin + blocks_height(doc, sheet_header(ctx, d, layout.pages.size() > 1));
    }
    std::vector<std::size_t> row;
    for (std::size_t i = first; i < last; ++i) row.push_back(i);
    layout.pages.back().push_back(std::move(row));
    y += row_height + kRowGap;
  }
  return layout;
}

std::string page_label(const RenderContext& ctx, int page, int total) {
  return ctx.text("print_page") + " " + std::to_string(page) + "/" + std::to_string(total);
}

void draw_cell(PdfDocument& doc, const RenderContext& ctx, const Cell& cell, double x, double y) {
  const double size = size_for_symbol(*cell.qr, kCellSymbol);
  doc.qr(*cell.qr, x + (kCellWidth - size) / 2, y, size);
  y += size;
  y += doc.text(cell.procedure->name, style(8.5, true), x + 1.5, y, kCellWidth - 3);
  doc.text(code_line(ctx, *cell.procedure), style(8), x + 1.5, y, kCellWidth - 3);
}

// Draws a domain's pages; the first is the document's current page.
void draw_domain(PdfDocument& doc, const RenderContext& ctx, const DomainLayout& layout, int total_pages) {
  for (std::size_t page = 0; page < layout.pages.size(); ++page) {
    if (page > 0) doc.next_page();
    double y = draw_blocks(doc, sheet_header(ctx, *layout.domain, page > 0), kMargin);
    for (const std::vector<std::size_t>& row : layout.pages[page]) {
      double row_height = 0;
      for (std::size_t col = 0; col < row.size(); ++col) {
        const Cell& cell = layout.cells[row[col]];
        draw_cell(doc, ctx, cell, kMargin + col * kCellWidth, y);
        row_height = std::max(row_height, cell.height);
      }
      y += row_height + kRowGap;
    }
    footer(doc, ctx.site().config.authority + " – " + layout.domain->name, page_label(ctx, doc.page(), total_pages));
  }
}

std::vector<DomainLayout> layout_all_domains(PdfDocument& doc, const RenderContext& ctx) {
  std::vector<DomainLayout> layouts;
  for (const Domain& d : ctx.site().domains) {
    DomainLayout layout = layout_domain(doc, ctx, d);
    if (!layout.pages.empty()) layouts.push_back(std::move(layout));
  }
  return layouts;
}

// --- Booklet contents ---

struct ContentsEntry {
  std::string title;
  int page;
};

constexpr double kContentsRow = 8.5;

std::vector<Block> contents_header(const RenderContext& ctx) {
  std::vector<Block> blocks = issuer_blocks(ctx.site().config);
  blocks.push_back({ctx.text("print_booklet"), style(20, true), 2});
  blocks.push_back({ctx.text("print_booklet_intro"), style(10.5), 6});
  blocks.push_back({ctx.text("print_contents"), style(14, true, false), 3});
  return blocks;
}

int contents_pages(PdfDocument& doc, const RenderContext& ctx, std::size_t entries) {
  double first = kFooterTop - 8 - kMargin - blocks_height(doc, contents_header(ctx));
  double rest = kFooterTop - 8 - kMargin;
  int per_first = std::max(1, static_cast<int>(first / kContentsRow));
  int per_rest = std::max(1, static_cast<int>(rest / kContentsRow));
  int n = static_cast<int>(entries);
  return n <= per_first ? 1 : 1 + (n - per_first + per_rest - 1) / per_rest;
}

void draw_contents(PdfDocument& doc, const RenderContext& ctx, const std::vector<ContentsEntry>& entries,
                   int total_pages) {
  double y = draw_blocks(doc, contents_header(ctx), kMargin);
  for (const ContentsEntry& entry : entries) {
    if (y + kContentsRow > kFooterTop - 8) {
      footer(doc, ctx.site().config.authority, page_label(ctx, doc.page(), total_pages));
      doc.next_page();
      y = kMargin;
    }
    doc.begin_link(entry.page);
    doc.text(entry.title, style(12, false, false), kMargin, y, kWidth - 25);
    doc.text(std::to_string(entry.page), style(12, false, false), kA4Width - kMargin - 12, y, 12);
    doc.end_link();
    doc.line(kMargin, y + kContentsRow - 1.5, kA4Width - kMargin, y + kContentsRow - 1.5, 0.1);
    y += kContentsRow;
  }
  footer(doc, ctx.site().config.authority, page_label(ctx, doc.page(), total_pages));
}

// The contents, then every domain from a new page.
void draw_booklet(PdfDocument& doc, const RenderContext& ctx) {
  std::vector<DomainLayout> layouts = layout_all_domains(doc, ctx);
  int page = contents_pages(doc, ctx, layouts.size()) + 1;
  std::vector<ContentsEntry> entries;
  for (const DomainLayout& layout : layouts) {
    entries.push_back({layout.domain->name, page});
    page += static_cast<int>(layout.pages.size());
  }
  const int total = page - 1;
  doc.bookmark(ctx.text("print_contents"));
  draw_contents(doc, ctx, entries, total);
  for (const DomainLayout& layout : layouts) {
    doc.next_page();
    doc.bookmark(layout.domain->name);
    draw_domain(doc, ctx, layout, total);
  }
}

}  // namespace

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

OutputFile render_sheet_pdf(const RenderContext& ctx, const Domain& d, Diagnostics& diags) {
  return drawn_pdf(sheet_pdf_path(d), ctx.text("print_sheet") + ": " + d.name, 0, diags,
                   [&](PdfDocument& doc) {
                     DomainLayout layout = layout_domain(doc, ctx, d);
                     draw_domain(doc, ctx, layout, static_cast<int>(layout.pages.size()));
                   });
}

OutputFile render_booklet_pdf(const RenderContext& ctx, Diagnostics& diags) {
  const std::string title = ctx.text("print_booklet") + " – " + ctx.site().config.authority;
  // A code with its name and time limit takes about 650 bytes.
  return drawn_pdf(std::string(kBookletPdf), title, 800 * ctx.site().procedures.size(), diags,
                   [&](PdfDocument& doc) { draw_booklet(doc, ctx); });
}

}  // namespace ck
