// The print outputs as A4 PDF files, laid out in millimetres: a poster per
// procedure (code ≥ 10 cm), a sheet of 3.5 cm codes per domain, the booklet
// (contents, then every domain from a new page) and the survey poster.
// Layouts are measured first and drawn second, so no code is ever split
// across pages and page numbers are known when a page is drawn.
#include <algorithm>
#include <cstring>

#include "fingerprint.h"
#include "kept_file.h"
#include "pdf.h"
#include "pdf_merge.h"
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

// Draws a domain's pages; the first is the document's current page, and is
// page `number` of `total` (the booklet's numbers, when drawing a part of
// it). `continues`: the first page continues the domain's earlier pages.
void draw_domain(PdfDocument& doc, const RenderContext& ctx, const DomainLayout& layout, int number,
                 int total, bool continues = false) {
  for (std::size_t page = 0; page < layout.pages.size(); ++page) {
    if (page > 0) doc.next_page();
    double y = draw_blocks(doc, sheet_header(ctx, *layout.domain, continues || page > 0), kMargin);
    for (const std::vector<std::size_t>& row : layout.pages[page]) {
      double row_height = 0;
      for (std::size_t col = 0; col < row.size(); ++col) {
        const Cell& cell = layout.cells[row[col]];
        draw_cell(doc, ctx, cell, kMargin + col * kCellWidth, y);
        row_height = std::max(row_height, cell.height);
      }
      y += row_height + kRowGap;
    }
    footer(doc, ctx.site().config.authority + " – " + layout.domain->name,
           page_label(ctx, number + static_cast<int>(page), total));
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
    draw_domain(doc, ctx, layout, doc.page(), total);
  }
}

// --- The booklet, drawn in parts ---
//
// A rebuild after one procedure is renamed redraws the part of the booklet
// that shows it, not 800 pages: each domain's pages are drawn in parts of
// at most kPartPages pages, kept beside the output under a key of what they
// draw, and merged into the frame: the contents, and a blank page for each
// page to come that the contents and the bookmarks point at (pdf_merge.h).
// Where each domain's pages begin is kept too, so the page numbers are known
// without measuring every name again.

constexpr std::size_t kPartPages = 24;

struct BookletDomain {
  const Domain* domain;
  std::vector<const Procedure*> procedures;  // with a code, in the order drawn
  std::vector<std::uint32_t> starts;         // each page's first procedure
  int first_page = 0;                        // its number in the booklet
};

std::string key_text(const Fingerprint& key) {
  std::string text;
  append_number(text, key.value());
  return text;
}

// The bytes kept under `key`, or those `draw` makes (kept for the next
// build, and held in `held`); nullopt when drawing failed.
template <typename Draw>
std::optional<std::string_view> kept_or_drawn(KeptEntries* kept, const Fingerprint& key, std::string& held,
                                              Draw&& draw) {
  if (kept)
    if (std::optional<std::string_view> found = kept->find(key_text(key))) return found;
  held = draw();
  if (held.empty()) return std::nullopt;
  if (kept) kept->add(key_text(key), held);
  return held;
}

std::optional<std::vector<std::uint32_t>> decode_starts(std::string_view bytes, std::size_t procedures) {
  std::vector<std::uint32_t> starts(bytes.size() / sizeof(std::uint32_t));
  if (starts.empty() || bytes.size() % sizeof(std::uint32_t)) return std::nullopt;
  std::memcpy(starts.data(), bytes.data(), bytes.size());
  for (std::size_t i = 0; i < starts.size(); ++i)
    if ((i == 0) != (starts[i] == 0) || starts[i] >= procedures || (i > 0 && starts[i] <= starts[i - 1]))
      return std::nullopt;
  return starts;
}

// Where each page of the domain begins, as an earlier build measured it or
// as measured now; nullopt when a code cannot be drawn.
std::optional<std::vector<std::uint32_t>> page_starts(PdfDocument& doc, const RenderContext& ctx,
                                                      const BookletDomain& booklet_domain,
                                                      KeptEntries* kept) {
  const Domain& d = *booklet_domain.domain;
  Fingerprint key;
  key.add(ctx.input_keys().inputs).add("booklet-pages").add(sheet_print(ctx.site(), d));
  if (kept)
    if (std::optional<std::string_view> found = kept->find(key_text(key)))
      if (auto starts = decode_starts(*found, booklet_domain.procedures.size())) return starts;
  DomainLayout layout = layout_domain(doc, ctx, d);
  if (layout.cells.size() != booklet_domain.procedures.size()) return std::nullopt;
  std::vector<std::uint32_t> starts;
  std::string bytes;
  for (const auto& page : layout.pages) {
    starts.push_back(static_cast<std::uint32_t>(page.front().front()));
    append_number(bytes, starts.back());
  }
  if (kept) kept->add(key_text(key), bytes);
  return starts;
}

// Pages [first, last) of a domain, measured again: what one part draws.
std::optional<DomainLayout> part_layout(PdfDocument& doc, const RenderContext& ctx, const BookletDomain& bd,
                                        std::size_t first, std::size_t last) {
  auto page_end = [&](std::size_t page) {
    return page + 1 < bd.starts.size() ? bd.starts[page + 1] : bd.procedures.size();
  };
  DomainLayout layout{bd.domain, {}, {}};
  const std::size_t begin = bd.starts[first];
  for (std::size_t i = begin; i < page_end(last - 1); ++i) {
    const QrMatrix* qr = ctx.qr().procedure(*bd.procedures[i]);
    if (!qr) return std::nullopt;
    layout.cells.push_back({bd.procedures[i], qr, cell_height(doc, ctx, *bd.procedures[i], *qr)});
  }
  for (std::size_t page = first; page < last; ++page) {
    auto& rows = layout.pages.emplace_back();
    for (std::size_t row = bd.starts[page]; row < page_end(page); row += kColumns) {
      auto& cells = rows.emplace_back();
      for (std::size_t i = row; i < std::min<std::size_t>(row + kColumns, page_end(page)); ++i)
        cells.push_back(i - begin);
    }
  }
  return layout;
}

// What a part draws: its domain's cells on its pages, and the pages' numbers.
Fingerprint part_key(const RenderContext& ctx, const BookletDomain& bd, std::size_t first, std::size_t last,
                     int total) {
  Fingerprint key;
  key.add(ctx.input_keys().inputs).add("booklet-part").add(bd.domain->name);
  key.add(first > 0)
      .add(static_cast<std::uint64_t>(bd.first_page + first))
      .add(static_cast<std::uint64_t>(total));
  const std::size_t end = last < bd.starts.size() ? bd.starts[last] : bd.procedures.size();
  for (std::size_t page = first; page < last; ++page) key.add(bd.starts[page] - bd.starts[first]);
  for (std::size_t i = bd.starts[first]; i < end; ++i) {
    const Procedure& p = *bd.procedures[i];
    key.add(p.name).add(p.code).add(procedure_qr_url(ctx.site(), p).value_or(""));
  }
  return key.add(end - bd.starts[first]);
}

std::string draw_part(const RenderContext& ctx, const BookletDomain& bd, std::size_t first, std::size_t last,
                      int total, Diagnostics& diags) {
  std::unique_ptr<PdfDocument> doc = make_pdf_document(bd.domain->name, 0, diags);
  if (!doc) return {};
  std::optional<DomainLayout> layout = part_layout(*doc, ctx, bd, first, last);
  if (!layout) return {};
  draw_domain(*doc, ctx, *layout, bd.first_page + static_cast<int>(first), total, first > 0);
  return doc->finish();
}

// The contents, then a blank page for each page of the domains.
std::string draw_frame(const RenderContext& ctx, const std::string& title,
                       const std::vector<BookletDomain>& domains, const std::vector<ContentsEntry>& entries,
                       int total, Diagnostics& diags) {
  std::unique_ptr<PdfDocument> doc = make_pdf_document(title, 0, diags);
  if (!doc) return {};
  doc->bookmark(ctx.text("print_contents"));
  draw_contents(*doc, ctx, entries, total);
  for (const BookletDomain& bd : domains)
    for (std::size_t page = 0; page < bd.starts.size(); ++page) {
      doc->next_page();
      if (page == 0) doc->bookmark(bd.domain->name);
    }
  doc->next_page();  // cairo leaves out a last page that has nothing drawn on it
  return doc->finish();
}

Fingerprint frame_key(const RenderContext& ctx, const std::string& title,
                      const std::vector<ContentsEntry>& entries, int total) {
  Fingerprint key;
  key.add(ctx.input_keys().inputs).add("booklet-frame").add(title).add(static_cast<std::uint64_t>(total));
  for (const ContentsEntry& entry : entries) key.add(entry.title).add(static_cast<std::uint64_t>(entry.page));
  return key;
}

// The booklet merged from its parts; nullopt when it cannot be (the module
// is missing, reported in `diags`; or a document cannot be merged).
std::optional<std::string> booklet_in_parts(const RenderContext& ctx, const std::string& title,
                                            Diagnostics& diags) {
  KeptEntries* kept = ctx.print_parts();
  std::unique_ptr<PdfDocument> measure = make_pdf_document(title, 0, diags);
  if (!measure) return std::nullopt;
  std::vector<BookletDomain> domains;
  for (const Domain& d : ctx.site().domains) {
    BookletDomain bd{&d, coded_procedures(ctx.site(), d), {}, 0};
    if (bd.procedures.empty()) continue;
    std::optional<std::vector<std::uint32_t>> starts = page_starts(*measure, ctx, bd, kept);
    if (!starts) return std::nullopt;
    bd.starts = std::move(*starts);
    domains.push_back(std::move(bd));
  }
  const int contents = contents_pages(*measure, ctx, domains.size());
  std::vector<ContentsEntry> entries;
  int page = contents + 1;
  for (BookletDomain& bd : domains) {
    bd.first_page = page;
    entries.push_back({bd.domain->name, page});
    page += static_cast<int>(bd.starts.size());
  }
  const int total = page - 1;
  std::string held;
  std::optional<std::string_view> frame =
      kept_or_drawn(kept, frame_key(ctx, title, entries, total), held,
                    [&] { return draw_frame(ctx, title, domains, entries, total, diags); });
  // A code with its name and code takes about 750 bytes; each part holds its
  // own fonts.
  const std::size_t expected = 760 * ctx.site().procedures.size() + 40'000 * (total / kPartPages + 1);
  std::optional<PdfMerge> merge =
      frame ? PdfMerge::start(*frame, static_cast<std::size_t>(contents), expected) : std::nullopt;
  if (!merge) return std::nullopt;
  for (const BookletDomain& bd : domains)
    for (std::size_t first = 0; first < bd.starts.size(); first += kPartPages) {
      const std::size_t last = std::min(first + kPartPages, bd.starts.size());
      std::optional<std::string_view> part =
          kept_or_drawn(kept, part_key(ctx, bd, first, last, total), held,
                        [&] { return draw_part(ctx, bd, first, last, total, diags); });
      if (!part || !merge->add(*part)) return std::nullopt;
    }
  return merge->finish();
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
                     draw_domain(doc, ctx, layout, 1, static_cast<int>(layout.pages.size()));
                   });
}

OutputFile render_booklet_pdf(const RenderContext& ctx, Diagnostics& diags) {
  const std::string title = ctx.text("print_booklet") + " – " + ctx.site().config.authority;
  if (std::optional<std::string> merged = booklet_in_parts(ctx, title, diags))
    return {std::string(kBookletPdf), std::move(*merged), {}};
  if (diags.has_errors()) return {std::string(kBookletPdf), {}, {}};
  // Drawn whole when the parts cannot be merged. A code with its name and
  // time limit takes about 650 bytes.
  return drawn_pdf(std::string(kBookletPdf), title, 800 * ctx.site().procedures.size(), diags,
                   [&](PdfDocument& doc) { draw_booklet(doc, ctx); });
}

}  // namespace ck
