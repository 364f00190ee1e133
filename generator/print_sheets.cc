// Sheets of 3.5 cm codes, four to a row, as A4 PDF files: one per domain,
// and the booklet (contents, then every domain from a new page). Layouts are
// measured first and drawn second, so no code is ever split across pages and
// page numbers are known when a page is drawn.
//
// A rebuild after one procedure is renamed redraws the pages that show it,
// not 800: a domain's pages are drawn in parts of at most kPartPages pages,
// without their footers, kept beside the output under a key of what they
// draw (print_parts), and drawn onto a frame's pages (see pdf_merge.h): for
// a domain's sheet, a page with its footer for each page; for the booklet,
// the contents, then a page with its footer for each page to come, which
// the contents and the bookmarks point at. So the booklet and a domain's
// sheet draw the same parts, each drawn once by whichever job asks first.
// The measured height of each code's cell is kept too (print_cells.h), so
// a layout is measured again only for the cells that changed.
#include <algorithm>

#include "fingerprint.h"
#include "pdf_merge.h"
#include "print.h"
#include "print_cells.h"
#include "print_layout.h"
#include "qr_codes.h"

namespace ck {
namespace {

constexpr double kRowGap = 5;
constexpr std::size_t kPartPages = 24;

// A code with its name and code takes about 750 bytes; each part holds its
// own fonts.
std::size_t expected_bytes(std::size_t cells, std::size_t pages) {
  return 760 * cells + 40'000 * (pages / kPartPages + 1);
}

struct Cell {
  const Procedure* procedure;
  double height;
};

// A domain's codes laid out on pages.
struct DomainLayout {
  const Domain* domain;
  std::vector<Cell> cells;
  std::vector<std::size_t> starts;  // each page's first cell
  std::size_t pages() const { return starts.size(); }
  std::size_t page_end(std::size_t page) const {
    return page + 1 < starts.size() ? starts[page + 1] : cells.size();
  }
};

std::vector<Block> sheet_header(const RenderContext& ctx, const Domain& d, bool continued) {
  std::string title = continued ? d.name + " (" + ctx.text("print_continued") + ")" : d.name;
  return {{ctx.site().config.authority, style(10, true), 1},
          {title, style(16, true), 1},
          {ctx.text("print_sheet_intro"), style(9.5), 5}};
}

// Fills pages row by row; a row that does not fit starts a new page.
std::optional<DomainLayout> layout_domain(PdfDocument& doc, const RenderContext& ctx, const Domain& d,
                                          KeptEntries* kept) {
  const std::vector<const Procedure*> procedures = coded_procedures(ctx.site(), d);
  std::optional<std::vector<double>> heights = cell_heights(doc, ctx, d, procedures, kept);
  if (!heights) return std::nullopt;
  DomainLayout layout{&d, {}, {}};
  for (std::size_t i = 0; i < procedures.size(); ++i) layout.cells.push_back({procedures[i], (*heights)[i]});
  const double first_top = kMargin + blocks_height(doc, sheet_header(ctx, d, false));
  const double next_top = kMargin + blocks_height(doc, sheet_header(ctx, d, true));
  const double bottom = kFooterTop - 6;
  double y = bottom;  // forces a first page
  for (std::size_t first = 0; first < layout.cells.size(); first += kColumns) {
    const std::size_t last = std::min(first + kColumns, layout.cells.size());
    double row_height = 0;
    for (std::size_t i = first; i < last; ++i) row_height = std::max(row_height, layout.cells[i].height);
    if (y + row_height > bottom) {
      layout.starts.push_back(first);
      y = layout.starts.size() == 1 ? first_top : next_top;
    }
    y += row_height + kRowGap;
  }
  return layout;
}

void draw_cell(PdfDocument& doc, const RenderContext& ctx, const Cell& cell, double x, double y) {
  const QrMatrix* qr = ctx.qr().procedure(*cell.procedure);
  if (!qr) return;
  const double size = size_for_symbol(*qr, kCellSymbol);
  doc.qr(*qr, x + (kCellWidth - size) / 2, y, size);
  y += size;
  y += doc.text(cell.procedure->name, cell_name_style(), x + 1.5, y, kCellWidth - 3);
  doc.text(code_line(ctx, *cell.procedure), cell_code_style(), x + 1.5, y, kCellWidth - 3);
}

// The header and the codes of a domain's page `page`.
void draw_page_body(PdfDocument& doc, const RenderContext& ctx, const DomainLayout& layout,
                    std::size_t page) {
  double y = draw_blocks(doc, sheet_header(ctx, *layout.domain, page > 0), kMargin);
  for (std::size_t row = layout.starts[page]; row < layout.page_end(page); row += kColumns) {
    double row_height = 0;
    for (std::size_t i = row; i < std::min<std::size_t>(row + kColumns, layout.page_end(page)); ++i) {
      draw_cell(doc, ctx, layout.cells[i], kMargin + static_cast<double>(i - row) * kCellWidth, y);
      row_height = std::max(row_height, layout.cells[i].height);
    }
    y += row_height + kRowGap;
  }
}

// A domain's page's footer: the authority and the domain, and the page's
// number of `total` (in the booklet, the booklet's numbers).
void domain_footer(PdfDocument& doc, const RenderContext& ctx, const Domain& d, int number, int total) {
  footer(doc, ctx.site().config.authority + " – " + d.name, page_label(ctx, number, total));
}

// Every page of a domain with its footer, numbered from `number` of
// `total`; the first is the document's current page.
void draw_pages(PdfDocument& doc, const RenderContext& ctx, const DomainLayout& layout, int number,
                int total) {
  for (std::size_t page = 0; page < layout.pages(); ++page) {
    if (page > 0) doc.next_page();
    draw_page_body(doc, ctx, layout, page);
    domain_footer(doc, ctx, *layout.domain, number + static_cast<int>(page), total);
  }
}

// --- Parts ---

// The bytes kept under `key`, or those `draw` makes (kept for the next
// build), shared with the other jobs of this build that ask for them:
// `askers` in all. Empty when drawing failed.
template <typename Draw>
KeptEntries::Shared kept_or_drawn(KeptEntries* kept, const Fingerprint& key, int askers, Draw&& draw) {
  if (kept) return kept->find_or_make(key_text(key), askers, draw);
  auto bytes = std::make_shared<const std::string>(draw());
  return {*bytes, bytes};
}

// What a part draws: the cells of its pages and where its pages begin. Not
// their numbers, which the frame's footers draw: the booklet and a domain's
// sheet draw the same parts.
Fingerprint part_key(const RenderContext& ctx, const DomainLayout& layout, std::size_t first,
                     std::size_t last) {
  Fingerprint key;
  key.add(ctx.input_keys().print).add("sheet-part").add(layout.domain->name).add(first > 0);
  const std::size_t begin = layout.starts[first];
  const std::size_t end = layout.page_end(last - 1);
  for (std::size_t page = first; page < last; ++page) key.add(layout.starts[page] - begin);
  for (std::size_t i = begin; i < end; ++i) key.add(cell_print(ctx.site(), *layout.cells[i].procedure));
  return key.add(end - begin);
}

// Adds a domain's pages to `merge`, drawing only the parts that were not
// kept.
bool merge_domain(PdfMerge& merge, const RenderContext& ctx, const DomainLayout& layout, Diagnostics& diags) {
  for (std::size_t first = 0; first < layout.pages(); first += kPartPages) {
    const std::size_t last = std::min(first + kPartPages, layout.pages());
    // Asked for by the booklet and by the domain's sheet.
    KeptEntries::Shared part = kept_or_drawn(ctx.print_parts(), part_key(ctx, layout, first, last), 2, [&] {
      std::unique_ptr<PdfDocument> doc = make_pdf_document(layout.domain->name, 0, diags);
      if (!doc) return std::string();
      for (std::size_t page = first; page < last; ++page) {
        if (page > first) doc->next_page();
        draw_page_body(*doc, ctx, layout, page);
      }
      return doc->finish();
    });
    if (part.bytes.empty() || !merge.add(part.bytes)) return false;
  }
  return true;
}

// --- A domain's sheet ---

std::optional<std::string> sheet_in_parts(const RenderContext& ctx, const Domain& d, const std::string& title,
                                          Diagnostics& diags) {
  std::unique_ptr<PdfDocument> measure = make_pdf_document(title, 0, diags);
  std::optional<DomainLayout> layout =
      measure ? layout_domain(*measure, ctx, d, ctx.print_parts()) : std::nullopt;
  if (!layout || layout->pages() == 0) return std::nullopt;
  const int total = static_cast<int>(layout->pages());
  Fingerprint frame_key;
  frame_key.add(ctx.input_keys().print).add("sheet-frame").add(title).add(d.name);
  frame_key.add(static_cast<std::uint64_t>(total));
  KeptEntries::Shared frame = kept_or_drawn(ctx.print_parts(), frame_key, 1, [&] {
    std::unique_ptr<PdfDocument> doc = make_pdf_document(title, 0, diags);
    if (!doc) return std::string();
    for (int page = 1; page <= total; ++page) {
      if (page > 1) doc->next_page();
      domain_footer(*doc, ctx, d, page, total);
    }
    return doc->finish();
  });
  std::optional<PdfMerge> merge =
      PdfMerge::start(frame.bytes, 0, expected_bytes(layout->cells.size(), layout->pages()));
  if (!merge || !merge_domain(*merge, ctx, *layout, diags)) return std::nullopt;
  return merge->finish();
}

// --- The booklet ---

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

// Every domain with codes, laid out; nullopt when a code cannot be made.
std::optional<std::vector<DomainLayout>> layout_all_domains(PdfDocument& doc, const RenderContext& ctx,
                                                            KeptEntries* kept) {
  std::vector<DomainLayout> layouts;
  for (const Domain& d : ctx.site().domains) {
    std::optional<DomainLayout> layout = layout_domain(doc, ctx, d, kept);
    if (!layout) return std::nullopt;
    if (layout->pages() > 0) layouts.push_back(std::move(*layout));
  }
  return layouts;
}

// The contents, whose entries point at the first page of each domain.
struct Contents {
  int pages = 0;
  int total = 0;  // of the booklet
  std::vector<ContentsEntry> entries;
};

Contents plan_contents(PdfDocument& doc, const RenderContext& ctx, const std::vector<DomainLayout>& layouts) {
  Contents contents;
  contents.pages = contents_pages(doc, ctx, layouts.size());
  int page = contents.pages + 1;
  for (const DomainLayout& layout : layouts) {
    contents.entries.push_back({layout.domain->name, page});
    page += static_cast<int>(layout.pages());
  }
  contents.total = page - 1;
  return contents;
}

// The contents, then a page with its footer for each page of the domains.
std::string draw_frame(const RenderContext& ctx, const std::string& title,
                       const std::vector<DomainLayout>& layouts, const Contents& contents,
                       Diagnostics& diags) {
  std::unique_ptr<PdfDocument> doc = make_pdf_document(title, 0, diags);
  if (!doc) return {};
  doc->bookmark(ctx.text("print_contents"));
  draw_contents(*doc, ctx, contents.entries, contents.total);
  for (std::size_t i = 0; i < layouts.size(); ++i)
    for (std::size_t page = 0; page < layouts[i].pages(); ++page) {
      doc->next_page();
      if (page == 0) doc->bookmark(layouts[i].domain->name);
      domain_footer(*doc, ctx, *layouts[i].domain, contents.entries[i].page + static_cast<int>(page),
                    contents.total);
    }
  return doc->finish();
}

std::optional<std::string> booklet_in_parts(const RenderContext& ctx, const std::string& title,
                                            Diagnostics& diags) {
  std::unique_ptr<PdfDocument> measure = make_pdf_document(title, 0, diags);
  std::optional<std::vector<DomainLayout>> layouts =
      measure ? layout_all_domains(*measure, ctx, ctx.print_parts()) : std::nullopt;
  if (!layouts) return std::nullopt;
  const Contents contents = plan_contents(*measure, ctx, *layouts);
  Fingerprint frame_key;
  frame_key.add(ctx.input_keys().print).add("booklet-frame").add(title);
  frame_key.add(static_cast<std::uint64_t>(contents.total));
  for (const ContentsEntry& entry : contents.entries)
    frame_key.add(entry.title).add(static_cast<std::uint64_t>(entry.page));
  KeptEntries::Shared frame = kept_or_drawn(
      ctx.print_parts(), frame_key, 1, [&] { return draw_frame(ctx, title, *layouts, contents, diags); });
  std::optional<PdfMerge> merge =
      PdfMerge::start(frame.bytes, static_cast<std::size_t>(contents.pages),
                      expected_bytes(ctx.site().procedures.size(), static_cast<std::size_t>(contents.total)));
  if (!merge) return std::nullopt;
  for (const DomainLayout& layout : *layouts)
    if (!merge_domain(*merge, ctx, layout, diags)) return std::nullopt;
  return merge->finish();
}

// The booklet in one document, when its parts cannot be merged.
void draw_booklet(PdfDocument& doc, const RenderContext& ctx) {
  std::optional<std::vector<DomainLayout>> layouts = layout_all_domains(doc, ctx, nullptr);
  if (!layouts) return;
  const Contents contents = plan_contents(doc, ctx, *layouts);
  doc.bookmark(ctx.text("print_contents"));
  draw_contents(doc, ctx, contents.entries, contents.total);
  for (std::size_t i = 0; i < layouts->size(); ++i) {
    doc.next_page();
    doc.bookmark((*layouts)[i].domain->name);
    draw_pages(doc, ctx, (*layouts)[i], contents.entries[i].page, contents.total);
  }
}

}  // namespace

OutputFile render_sheet_pdf(const RenderContext& ctx, const Domain& d, Diagnostics& diags) {
  const std::string title = ctx.text("print_sheet") + ": " + d.name;
  if (std::optional<std::string> merged = sheet_in_parts(ctx, d, title, diags))
    return {sheet_pdf_path(d), std::move(*merged), {}};
  if (diags.has_errors()) return {sheet_pdf_path(d), {}, {}};
  // Drawn whole when the parts cannot be merged.
  return drawn_pdf(sheet_pdf_path(d), title, 0, diags, [&](PdfDocument& doc) {
    if (std::optional<DomainLayout> layout = layout_domain(doc, ctx, d, nullptr))
      draw_pages(doc, ctx, *layout, 1, static_cast<int>(layout->pages()));
  });
}

OutputFile render_booklet_pdf(const RenderContext& ctx, Diagnostics& diags) {
  const std::string title = ctx.text("print_booklet") + " – " + ctx.site().config.authority;
  if (std::optional<std::string> merged = booklet_in_parts(ctx, title, diags))
    return {std::string(kBookletPdf), std::move(*merged), {}};
  if (diags.has_errors()) return {std::string(kBookletPdf), {}, {}};
  // Drawn whole when the parts cannot be merged.
  return drawn_pdf(std::string(kBookletPdf), title, expected_bytes(ctx.site().procedures.size(), 0), diags,
                   [&](PdfDocument& doc) { draw_booklet(doc, ctx); });
}

}  // namespace ck
