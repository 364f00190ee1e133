// Sheets of 3.5 cm codes, four to a row, as A4 PDF files: one per domain,
// and the booklet (contents, then the domains one after another: a domain
// starts where the last one ended, on a new page only when its heading and
// first row do not fit). Layouts are measured first and drawn second, so no
// code is ever split across pages and page numbers are known when a page is
// drawn.
//
// A rebuild after one procedure is renamed redraws the rows that show it,
// not 800 pages: a domain's rows are drawn in parts of at most kPartRows
// rows, each row on a page of its own, kept beside the output under a key
// of what they draw (print_parts), and drawn where the layout puts them on
// a frame's pages (see pdf_merge.h). The frame draws the rest: for a
// domain's sheet, its header and footer on each page; for the booklet, the
// contents, then the domains' headings and the footers, which the contents
// and the bookmarks point at. So the booklet and a domain's sheet draw the
// same parts, each drawn once by whichever job asks first, however each
// breaks its pages. The measured height of each code's cell is kept too
// (print_cells.h), so a layout is measured again only for the cells that
// changed.
#include <algorithm>
#include <cmath>

#include "fingerprint.h"
#include "pdf_merge.h"
#include "print.h"
#include "print_cells.h"
#include "print_layout.h"
#include "qr_codes.h"

namespace ck {
namespace {

constexpr double kRowGap = 5;
constexpr double kDomainGap = 6;  // above a domain's heading, below the last one's codes
constexpr double kBottom = kFooterTop - 6;
constexpr std::size_t kPartRows = 96;

// A code with its name and code takes about 750 bytes, and each of a part's
// rows a form of its own; each part holds its own fonts.
std::size_t expected_bytes(std::size_t cells, std::size_t parts) {
  return 900 * cells + 40'000 * (parts + 1);
}

struct Cell {
  const Procedure* procedure;
  double height;
};

// Cells [begin, end) of a domain, side by side.
struct Row {
  std::size_t begin;
  std::size_t end;
  double height;
};

struct DomainCells {
  const Domain* domain;
  std::vector<Cell> cells;
  std::vector<Row> rows;
};

// A domain's heading at `y`; `continued` on a page its codes go on to.
struct Heading {
  std::size_t domain;
  bool continued;
  double y;
};

struct RowPlace {
  std::size_t domain;
  std::size_t row;
  double y;
};

struct Page {
  std::vector<Heading> headings;
  std::vector<RowPlace> rows;  // in the order of the domains and their rows
};

// Codes laid out on pages: a domain's sheet holds one domain, the booklet
// every domain with codes.
struct Layout {
  std::vector<DomainCells> domains;
  std::vector<Page> pages;
};

enum class Kind { sheet, booklet };

// A sheet is one domain's, with the authority and what the codes are for;
// the booklet says those once, on its contents.
std::vector<Block> heading_blocks(const RenderContext& ctx, const Domain& d, bool continued, Kind kind) {
  std::string title = continued ? d.name + " (" + ctx.text("print_continued") + ")" : d.name;
  if (kind == Kind::booklet) return {{std::move(title), style(16, true), 4}};
  return {{ctx.site().config.authority, style(10, true), 1},
          {std::move(title), style(16, true), 1},
          {ctx.text("print_sheet_intro"), style(9.5), 5}};
}

// A domain's cells, measured, in rows; nullopt when a code cannot be made.
std::optional<DomainCells> domain_cells(PdfDocument& doc, const RenderContext& ctx, const Domain& d,
                                        KeptEntries* kept) {
  const std::vector<const Procedure*> procedures = coded_procedures(ctx.site(), d);
  std::optional<std::vector<double>> heights = cell_heights(doc, ctx, d, procedures, kept);
  if (!heights) return std::nullopt;
  DomainCells domain{&d, {}, {}};
  for (std::size_t i = 0; i < procedures.size(); ++i) domain.cells.push_back({procedures[i], (*heights)[i]});
  for (std::size_t first = 0; first < domain.cells.size(); first += kColumns) {
    Row row{first, std::min(first + kColumns, domain.cells.size()), 0};
    for (std::size_t i = row.begin; i < row.end; ++i)
      row.height = std::max(row.height, domain.cells[i].height);
    domain.rows.push_back(row);
  }
  return domain;
}

// Puts the domains' headings and rows on pages, row by row: a row that does
// not fit starts a new page under the domain's heading "(continued)".
void paginate(PdfDocument& doc, const RenderContext& ctx, Kind kind, Layout& layout) {
  double y = kBottom;
  for (std::size_t i = 0; i < layout.domains.size(); ++i) {
    const DomainCells& domain = layout.domains[i];
    const double heading = blocks_height(doc, heading_blocks(ctx, *domain.domain, false, kind));
    const double continued = blocks_height(doc, heading_blocks(ctx, *domain.domain, true, kind));
    double top = layout.pages.empty() ? kBottom : y + kDomainGap;
    if (top + heading + domain.rows.front().height > kBottom) {
      layout.pages.emplace_back();
      top = kMargin;
    }
    layout.pages.back().headings.push_back({i, false, top});
    y = top + heading;
    for (std::size_t row = 0; row < domain.rows.size(); ++row) {
      if (y + domain.rows[row].height > kBottom) {
        layout.pages.emplace_back();
        layout.pages.back().headings.push_back({i, true, kMargin});
        y = kMargin + continued;
      }
      layout.pages.back().rows.push_back({i, row, y});
      y += domain.rows[row].height + (row + 1 < domain.rows.size() ? kRowGap : 0);
    }
  }
}

// The domains, each with codes, laid out; nullopt when a code cannot be made.
std::optional<Layout> lay_out(PdfDocument& doc, const RenderContext& ctx, Kind kind,
                              const std::vector<const Domain*>& domains, KeptEntries* kept) {
  Layout layout;
  for (const Domain* d : domains) {
    std::optional<DomainCells> cells = domain_cells(doc, ctx, *d, kept);
    if (!cells) return std::nullopt;
    if (!cells->rows.empty()) layout.domains.push_back(std::move(*cells));
  }
  paginate(doc, ctx, kind, layout);
  return layout;
}

// --- Drawing ---

void draw_cell(PdfDocument& doc, const RenderContext& ctx, const Cell& cell, double x, double y) {
  const QrMatrix* qr = ctx.qr().procedure(*cell.procedure);
  if (!qr) return;
  const double size = size_for_symbol(*qr, kCellSymbol);
  doc.qr(*qr, x + (kCellWidth - size) / 2, y, size);
  y += size;
  y += doc.text(cell_name(doc, *cell.procedure), cell_name_style(), x + 1.5, y, kCellWidth - 3);
  doc.text(code_line(ctx, *cell.procedure), cell_code_style(), x + 1.5, y, kCellWidth - 3);
}

void draw_row(PdfDocument& doc, const RenderContext& ctx, const DomainCells& domain, const Row& row,
              double y) {
  for (std::size_t i = row.begin; i < row.end; ++i)
    draw_cell(doc, ctx, domain.cells[i], kMargin + static_cast<double>(i - row.begin) * kCellWidth, y);
}

// The domain the page's footer names: the one its first code belongs to.
const Domain& page_domain(const Layout& layout, const Page& page) {
  return *layout.domains[page.rows.empty() ? page.headings.front().domain : page.rows.front().domain].domain;
}

// What a page draws besides its codes: the headings (each a bookmark in the
// booklet) and the footer, numbered `number` of `total`.
void draw_page_frame(PdfDocument& doc, const RenderContext& ctx, Kind kind, const Layout& layout,
                     const Page& page, int number, int total) {
  for (const Heading& heading : page.headings) {
    const Domain& d = *layout.domains[heading.domain].domain;
    if (kind == Kind::booklet && !heading.continued) doc.bookmark(d.name);
    draw_blocks(doc, heading_blocks(ctx, d, heading.continued, kind), heading.y);
  }
  footer(doc, ctx.site().config.authority + " – " + page_domain(layout, page).name,
         page_label(ctx, number, total));
}

// Every page of `layout`, whole, numbered from `number` of `total`; the
// first is the document's current page.
void draw_pages(PdfDocument& doc, const RenderContext& ctx, Kind kind, const Layout& layout, int number,
                int total) {
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    if (i > 0) doc.next_page();
    const Page& page = layout.pages[i];
    draw_page_frame(doc, ctx, kind, layout, page, number + static_cast<int>(i), total);
    for (const RowPlace& place : page.rows)
      draw_row(doc, ctx, layout.domains[place.domain], layout.domains[place.domain].rows[place.row], place.y);
  }
}

// What the frame draws of the layout's pages: their headings and footers.
void add_frame_layout(Fingerprint& key, const Layout& layout) {
  key.add(static_cast<std::uint64_t>(layout.pages.size()));
  for (const Page& page : layout.pages) {
    key.add(page_domain(layout, page).name);
    for (const Heading& heading : page.headings)
      key.add(layout.domains[heading.domain].domain->name)
          .add(heading.continued)
          .add(static_cast<std::uint64_t>(std::llround(heading.y * 1000)));
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

// What a part draws: the cells of its rows. Not where they go, which the
// frame's layout decides: the booklet and a domain's sheet draw the same
// parts.
Fingerprint part_key(const RenderContext& ctx, const DomainCells& domain, std::size_t first,
                     std::size_t last) {
  Fingerprint key;
  key.add(ctx.input_keys().print).add("row-part").add(static_cast<std::uint64_t>(kColumns));
  for (std::size_t i = domain.rows[first].begin; i < domain.rows[last - 1].end; ++i)
    key.add(cell_print(ctx.site(), *domain.cells[i].procedure));
  return key.add(static_cast<std::uint64_t>(last - first));
}

// Where each row of the layout goes on the frame's pages, the first of
// which is the frame's page `first_page`: each row is drawn at the top of
// its part's page.
std::vector<PdfMerge::Place> row_places(const Layout& layout, std::size_t first_page) {
  std::vector<PdfMerge::Place> places;
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    for (const RowPlace& row : layout.pages[i].rows) places.push_back({first_page + i, row.y * kPointsPerMm});
  return places;
}

std::size_t part_count(const Layout& layout) {
  std::size_t parts = 0;
  for (const DomainCells& domain : layout.domains) parts += (domain.rows.size() + kPartRows - 1) / kPartRows;
  return parts;
}

// Adds the rows of the layout's domains to `merge`, drawing only the parts
// that were not kept.
bool merge_rows(PdfMerge& merge, const RenderContext& ctx, const Layout& layout, Diagnostics& diags) {
  for (const DomainCells& domain : layout.domains)
    for (std::size_t first = 0; first < domain.rows.size(); first += kPartRows) {
      const std::size_t last = std::min(first + kPartRows, domain.rows.size());
      // Asked for by the booklet and by the domain's sheet.
      KeptEntries::Shared part = kept_or_drawn(ctx.print_parts(), part_key(ctx, domain, first, last), 2, [&] {
        std::unique_ptr<PdfDocument> doc = make_pdf_document(domain.domain->name, 0, diags);
        if (!doc) return std::string();
        for (std::size_t row = first; row < last; ++row) {
          if (row > first) doc->next_page();
          draw_row(*doc, ctx, domain, domain.rows[row], 0);
        }
        return doc->finish();
      });
      if (part.bytes.empty() || !merge.add(part.bytes)) return false;
    }
  return true;
}

// The frame's bytes with the layout's rows drawn onto its pages from
// `first_page` on.
std::optional<std::string> merged(std::string_view frame, std::size_t first_page, const RenderContext& ctx,
                                  const Layout& layout, Diagnostics& diags) {
  std::size_t cells = 0;
  for (const DomainCells& domain : layout.domains) cells += domain.cells.size();
  std::optional<PdfMerge> merge =
      PdfMerge::start(frame, row_places(layout, first_page), expected_bytes(cells, part_count(layout)));
  if (!merge || !merge_rows(*merge, ctx, layout, diags)) return std::nullopt;
  return merge->finish();
}

// --- A domain's sheet ---

std::optional<std::string> sheet_in_parts(const RenderContext& ctx, const Domain& d, const std::string& title,
                                          Diagnostics& diags) {
  std::unique_ptr<PdfDocument> measure = make_pdf_document(title, 0, diags);
  std::optional<Layout> layout =
      measure ? lay_out(*measure, ctx, Kind::sheet, {&d}, ctx.print_parts()) : std::nullopt;
  if (!layout || layout->pages.empty()) return std::nullopt;
  const int total = static_cast<int>(layout->pages.size());
  Fingerprint frame_key;
  frame_key.add(ctx.input_keys().print).add("sheet-frame").add(title).add(d.name);
  add_frame_layout(frame_key, *layout);
  KeptEntries::Shared frame = kept_or_drawn(ctx.print_parts(), frame_key, 1, [&] {
    std::unique_ptr<PdfDocument> doc = make_pdf_document(title, 0, diags);
    if (!doc) return std::string();
    for (int page = 0; page < total; ++page) {
      if (page > 0) doc->next_page();
      draw_page_frame(*doc, ctx, Kind::sheet, *layout, layout->pages[page], page + 1, total);
    }
    return doc->finish();
  });
  return merged(frame.bytes, 0, ctx, *layout, diags);
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

std::vector<const Domain*> all_domains(const Site& site) {
  std::vector<const Domain*> domains;
  for (const Domain& d : site.domains) domains.push_back(&d);
  return domains;
}

// The contents, whose entries point at the page of each domain's heading.
struct Contents {
  int pages = 0;
  int total = 0;  // of the booklet
  std::vector<ContentsEntry> entries;
};

Contents plan_contents(PdfDocument& doc, const RenderContext& ctx, const Layout& layout) {
  Contents contents;
  contents.pages = contents_pages(doc, ctx, layout.domains.size());
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    for (const Heading& heading : layout.pages[i].headings)
      if (!heading.continued)
        contents.entries.push_back(
            {layout.domains[heading.domain].domain->name, contents.pages + 1 + static_cast<int>(i)});
  contents.total = contents.pages + static_cast<int>(layout.pages.size());
  return contents;
}

// The contents, then the domains' pages without their codes.
std::string draw_frame(const RenderContext& ctx, const std::string& title, const Layout& layout,
                       const Contents& contents, Diagnostics& diags) {
  std::unique_ptr<PdfDocument> doc = make_pdf_document(title, 0, diags);
  if (!doc) return {};
  doc->bookmark(ctx.text("print_contents"));
  draw_contents(*doc, ctx, contents.entries, contents.total);
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    doc->next_page();
    draw_page_frame(*doc, ctx, Kind::booklet, layout, layout.pages[i],
                    contents.pages + 1 + static_cast<int>(i), contents.total);
  }
  return doc->finish();
}

std::optional<std::string> booklet_in_parts(const RenderContext& ctx, const std::string& title,
                                            Diagnostics& diags) {
  std::unique_ptr<PdfDocument> measure = make_pdf_document(title, 0, diags);
  std::optional<Layout> layout =
      measure ? lay_out(*measure, ctx, Kind::booklet, all_domains(ctx.site()), ctx.print_parts())
              : std::nullopt;
  if (!layout) return std::nullopt;
  const Contents contents = plan_contents(*measure, ctx, *layout);
  Fingerprint frame_key;
  frame_key.add(ctx.input_keys().print).add("booklet-frame").add(title);
  frame_key.add(static_cast<std::uint64_t>(contents.total));
  for (const ContentsEntry& entry : contents.entries)
    frame_key.add(entry.title).add(static_cast<std::uint64_t>(entry.page));
  add_frame_layout(frame_key, *layout);
  KeptEntries::Shared frame = kept_or_drawn(ctx.print_parts(), frame_key, 1,
                                            [&] { return draw_frame(ctx, title, *layout, contents, diags); });
  return merged(frame.bytes, static_cast<std::size_t>(contents.pages), ctx, *layout, diags);
}

// The booklet in one document, when its parts cannot be merged.
void draw_booklet(PdfDocument& doc, const RenderContext& ctx) {
  std::optional<Layout> layout = lay_out(doc, ctx, Kind::booklet, all_domains(ctx.site()), nullptr);
  if (!layout) return;
  const Contents contents = plan_contents(doc, ctx, *layout);
  doc.bookmark(ctx.text("print_contents"));
  draw_contents(doc, ctx, contents.entries, contents.total);
  if (layout->pages.empty()) return;
  doc.next_page();
  draw_pages(doc, ctx, Kind::booklet, *layout, contents.pages + 1, contents.total);
}

}  // namespace

OutputFile render_sheet_pdf(const RenderContext& ctx, const Domain& d, Diagnostics& diags) {
  const std::string title = ctx.text("print_sheet") + ": " + d.name;
  if (std::optional<std::string> merged = sheet_in_parts(ctx, d, title, diags))
    return {sheet_pdf_path(d), std::move(*merged), {}};
  if (diags.has_errors()) return {sheet_pdf_path(d), {}, {}};
  // Drawn whole when the parts cannot be merged.
  return drawn_pdf(sheet_pdf_path(d), title, 0, diags, [&](PdfDocument& doc) {
    if (std::optional<Layout> layout = lay_out(doc, ctx, Kind::sheet, {&d}, nullptr))
      draw_pages(doc, ctx, Kind::sheet, *layout, 1, static_cast<int>(layout->pages.size()));
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
