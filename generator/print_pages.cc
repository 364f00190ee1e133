// The print outputs as HTML pages: the /in-an/ index in the site's layout,
// and posters, sheets and the booklet as standalone pages whose print CSS
// lays them out on A4.
#include "print.h"
#include "urls.h"

namespace ck {
namespace {

// Lists of every procedure carry only what their templates show: a poster's
// data is a dozen strings, and the booklet and the print index each list
// every procedure of the catalog (10,000 items of a dozen strings were 30 MB
// of template data at once).
using ItemData = TemplateData (*)(const RenderContext&, const Procedure&);

// A code in the grid of the booklet and of a domain's sheet (print-grid).
TemplateData grid_item_data(const RenderContext& ctx, const Procedure& p) {
  TemplateData data;
  put(data, "name", p.name);
  put(data, "code", p.code);
  data.set("qr_svg", qr_svg_path(p));
  if (auto url = procedure_qr_url(ctx.site(), p)) data.set("payload", *url);
  return data;
}

// A procedure's line in the print index: its poster and image files.
TemplateData poster_link_data(const RenderContext& ctx, const Procedure& p) {
  TemplateData data;
  put(data, "name", p.name);
  put(data, "code", p.code);
  data.set("poster", poster_path(p));
  if (ctx.site().config.qr.poster_pdfs) data.set("poster_pdf", poster_pdf_path(p));
  data.set("qr_png", qr_png_path(p));
  return data;
}

TemplateData domain_sheet_data(const RenderContext& ctx, const Domain& d, ItemData item) {
  TemplateData data;
  data.set("name", d.name);
  data.set("slug", d.slug);
  data.set("sheet", sheet_path(d));
  data.set("sheet_pdf", sheet_pdf_path(d));
  const std::vector<const Procedure*> coded = coded_procedures(ctx.site(), d);
  TemplateList procedures;
  procedures.reserve(coded.size());
  for (const Procedure* p : coded) procedures.push_back(item(ctx, *p));
  data.set("count", std::to_string(procedures.size()));
  set_moved(data, "procedures", list_data(std::move(procedures)));
  return data;
}

TemplateList sheets_data(const RenderContext& ctx, ItemData item) {
  TemplateList list;
  list.reserve(ctx.site().domains.size());
  for (const Domain& d : ctx.site().domains)
    if (!coded_procedures(ctx.site(), d).empty()) list.push_back(domain_sheet_data(ctx, d, item));
  return list;
}

TemplateData print_page_data(const RenderContext& ctx, const std::string& path, const std::string& title) {
  TemplateData data = ctx.page_data(path, title);
  data.set("print_root", std::string(kPrintPath));
  data.set("booklet_pdf", std::string(kBookletPdf));
  if (!ctx.site().config.survey_url.empty()) {
    data.set("survey", std::string(kSurveyPath));
    data.set("survey_pdf", std::string(kSurveyPdf));
  }
  return data;
}

OutputFile standalone(const RenderContext& ctx, const std::string& path, const std::string& template_name,
                      TemplateData data, const std::string& pdf) {
  if (!pdf.empty()) data.set("pdf", pdf);
  return {path + "index.html", ctx.render(template_name, data), {}};
}

}  // namespace

OutputFile render_print_index(const RenderContext& ctx) {
  const std::string path(kPrintPath);
  TemplateData data = print_page_data(ctx, path, ctx.text("print_title"));
  set_moved(data, "sheets", list_data(sheets_data(ctx, poster_link_data)));
  data.set("poster_pdfs", ctx.site().config.qr.poster_pdfs);
  return {path + "index.html", ctx.render_page("print-index", std::move(data)), {}};
}

OutputFile render_poster_page(const RenderContext& ctx, const Procedure& p) {
  const std::string path = poster_path(p);
  TemplateData data = print_page_data(ctx, path, ctx.text("print_poster") + ": " + p.name);
  set_moved(data, "procedure", print_procedure_data(ctx, p));
  return standalone(ctx, path, "print-poster", std::move(data),
                    ctx.site().config.qr.poster_pdfs ? poster_pdf_path(p) : "");
}

OutputFile render_sheet_page(const RenderContext& ctx, const Domain& d) {
  const std::string path = sheet_path(d);
  TemplateData data = print_page_data(ctx, path, ctx.text("print_sheet") + ": " + d.name);
  set_moved(data, "domain", domain_sheet_data(ctx, d, grid_item_data));
  return standalone(ctx, path, "print-sheet", std::move(data), sheet_pdf_path(d));
}

OutputFile render_booklet_page(const RenderContext& ctx) {
  const std::string path(kBookletPath);
  TemplateData data = print_page_data(ctx, path, ctx.text("print_booklet"));
  set_moved(data, "domains", list_data(sheets_data(ctx, grid_item_data)));
  return standalone(ctx, path, "print-booklet", std::move(data), std::string(kBookletPdf));
}

OutputFile render_survey_page(const RenderContext& ctx) {
  const std::string path(kSurveyPath);
  TemplateData data = print_page_data(ctx, path, ctx.text("survey_title"));
  data.set("survey_url", ctx.site().config.survey_url);
  return standalone(ctx, path, "print-survey", std::move(data), std::string(kSurveyPdf));
}

}  // namespace ck
