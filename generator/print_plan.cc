// Paths, jobs and shared template data of the print outputs.
#include "fingerprint.h"
#include "print.h"
#include "print_cells.h"
#include "qr_codes.h"
#include "qr_image.h"
#include "urls.h"

namespace ck {
namespace {

std::string qr_title(const RenderContext& ctx, const std::string& url) { return ctx.text("qr_alt") + " " + url; }

OutputFile procedure_qr_file(const RenderContext& ctx, const Procedure& p, bool png) {
  auto url = procedure_qr_url(ctx.site(), p);
  const QrMatrix* matrix = ctx.qr().procedure(p);
  if (!url || !matrix) return {png ? qr_png_path(p) : qr_svg_path(p), {}, {}};
  return {png ? qr_png_path(p) : qr_svg_path(p),
          png ? qr_png(*matrix) : qr_svg(*matrix, qr_title(ctx, *url)),
          {}};
}

OutputFile survey_qr_file(const RenderContext& ctx, bool png) {
  std::string path = std::string(kSurveyPath) + (png ? "qr.png" : "qr.svg");
  const QrMatrix* matrix = ctx.qr().survey();
  if (!matrix) return {path, {}, {}};
  return {path, png ? qr_png(*matrix) : qr_svg(*matrix, qr_title(ctx, ctx.site().config.survey_url)), {}};
}

// A code's image depends on its payload and level alone, so a change of
// theme or page text does not redraw 10,000 PNG files.
std::uint64_t qr_file_key(const RenderContext& ctx, const std::string& payload, bool png) {
  Fingerprint key;
  key.add(ctx.input_keys().tool).add(png ? "png" : "svg").add(payload);
  key.add(qr_level_name(ctx.site().config.qr.level));
  if (!png) key.add(qr_title(ctx, payload));
  return key.value();
}

void plan_procedure_prints(const RenderContext& ctx, const Procedure& p, const std::string& payload,
                           std::vector<RenderJob>& jobs) {
  const std::uint64_t key = ctx.procedure_key(p);
  jobs.push_back({qr_svg_path(p), [&ctx, &p](Diagnostics&) { return procedure_qr_file(ctx, p, false); },
                  qr_file_key(ctx, payload, false)});
  jobs.push_back({qr_png_path(p), [&ctx, &p](Diagnostics&) { return procedure_qr_file(ctx, p, true); },
                  qr_file_key(ctx, payload, true)});
  jobs.push_back(
      {poster_path(p) + "index.html", [&ctx, &p](Diagnostics&) { return render_poster_page(ctx, p); }, key});
  // The poster draws what a code's cell does (name, code, the code's
  // address), the domain, the time limit and fee, the papers everyone
  // brings and where to submit, and what the print key covers: not the
  // steps, nor the pages around it.
  const std::uint64_t poster = Fingerprint()
                                   .add(ctx.input_keys().print)
                                   .add("poster")
                                   .add(cell_print(ctx.site(), p))
                                   .add(p.domain)
                                   .add(p.time_limit)
                                   .add(p.fee)
                                   .add(p.checklist_hash)
                                   .value();
  if (ctx.site().config.qr.poster_pdfs)
    jobs.push_back({poster_pdf_path(p),
                    [&ctx, &p](Diagnostics& diags) { return render_poster_pdf(ctx, p, diags); }, poster});
}

}  // namespace

std::uint64_t sheet_print(const Site& site, const Domain& d) {
  Fingerprint key;
  key.add(d.name);
  for (const Procedure* p : coded_procedures(site, d))
    key.add(p->name).add(p->code).add(*procedure_qr_url(site, *p));
  return key.value();
}

std::string print_parts_header(std::uint64_t tool_key) {
  return "congkhai-print 1 " + std::to_string(tool_key) + "\n";
}

std::string qr_svg_path(const Procedure& p) { return procedure_path(p) + "qr.svg"; }
std::string qr_png_path(const Procedure& p) { return procedure_path(p) + "qr.png"; }
std::string poster_path(const Procedure& p) { return std::string(kPrintPath) + "thu-tuc/" + p.slug + "/"; }
std::string poster_pdf_path(const Procedure& p) { return std::string(kPrintPath) + "thu-tuc/" + p.slug + ".pdf"; }
std::string sheet_path(const Domain& d) { return std::string(kPrintPath) + "linh-vuc/" + d.slug + "/"; }
std::string sheet_pdf_path(const Domain& d) { return std::string(kPrintPath) + "linh-vuc/" + d.slug + ".pdf"; }

std::vector<const Procedure*> coded_procedures(const Site& site, const Domain& d) {
  std::vector<const Procedure*> out;
  for (std::size_t i : d.procedures)
    if (has_qr_code(site.procedures[i])) out.push_back(&site.procedures[i]);
  return out;
}

void plan_print(const RenderContext& ctx, std::vector<RenderJob>& jobs) {
  const Site& site = ctx.site();
  // The PDFs are the slowest files to make: they are keyed by exactly what
  // they draw, so editing a procedure's steps does not redraw the booklet.
  // The booklet comes first, so that its long job does not end the build on
  // one thread.
  std::vector<std::uint64_t> sheets;
  for (const Domain& d : site.domains) sheets.push_back(sheet_print(site, d));
  Fingerprint booklet;
  booklet.add(ctx.input_keys().print).add("booklet");
  for (std::uint64_t sheet : sheets) booklet.add(sheet);
  // A small rebuild starts the booklet, its longest job, first, and the
  // sheets last: by then the booklet has drawn the parts they share.
  jobs.push_back({std::string(kBookletPdf),
                  [&ctx](Diagnostics& diags) { return render_booklet_pdf(ctx, diags); }, booklet.value(),
                  true, false, RenderJob::Turn::first});
  // The sheets share their parts with the booklet, which draws the domains
  // in order: taken from the last domain back, they draw the parts of the
  // domains the booklet reaches last on another thread, instead of waiting
  // for each part the booklet is drawing.
  for (std::size_t i = site.domains.size(); i-- > 0;) {
    const Domain& d = site.domains[i];
    if (coded_procedures(site, d).empty()) continue;
    const std::uint64_t sheet = Fingerprint().add(ctx.input_keys().print).add("sheet").add(sheets[i]).value();
    jobs.push_back({sheet_path(d) + "index.html",
                    [&ctx, &d](Diagnostics&) { return render_sheet_page(ctx, d); }, ctx.domain_key(d)});
    jobs.push_back({sheet_pdf_path(d),
                    [&ctx, &d](Diagnostics& diags) { return render_sheet_pdf(ctx, d, diags); }, sheet, false,
                    false, RenderJob::Turn::last});
  }
  for (const Procedure& p : site.procedures)
    if (auto url = procedure_qr_url(site, p)) plan_procedure_prints(ctx, p, *url, jobs);
  // Last, long after the booklet's PDF, which holds every code while it is
  // drawn: each lists every procedure (see RenderJob::lists_every_procedure).
  jobs.push_back(listing_job(
      std::string(kPrintPath) + "index.html", [&ctx](Diagnostics&) { return render_print_index(ctx); },
      ctx.procedure_lists_key()));
  jobs.push_back(listing_job(
      std::string(kBookletPath) + "index.html", [&ctx](Diagnostics&) { return render_booklet_page(ctx); },
      ctx.procedure_lists_key()));
  if (!site.config.survey_url.empty()) {
    jobs.push_back({std::string(kSurveyPath) + "qr.svg", [&ctx](Diagnostics&) { return survey_qr_file(ctx, false); }});
    jobs.push_back({std::string(kSurveyPath) + "qr.png", [&ctx](Diagnostics&) { return survey_qr_file(ctx, true); }});
    jobs.push_back({std::string(kSurveyPath) + "index.html", [&ctx](Diagnostics&) { return render_survey_page(ctx); }});
    jobs.push_back(
        {std::string(kSurveyPdf), [&ctx](Diagnostics& diags) { return render_survey_pdf(ctx, diags); }});
  }
}

TemplateData print_procedure_data(const RenderContext& ctx, const Procedure& p) {
  const Site& site = ctx.site();
  TemplateData data = ctx.procedure_link(p);
  if (const Domain* d = site.find_domain(p.domain)) data.set("domain", d->name);
  data.set("short_url", absolute_url(site.config, short_path(p.code)));
  if (auto url = procedure_qr_url(site, p)) {
    data.set("payload", *url);
    data.set("opens_elsewhere", *url != absolute_url(site.config, short_path(p.code)));
  }
  data.set("qr_svg", qr_svg_path(p));
  data.set("qr_png", qr_png_path(p));
  data.set("poster", poster_path(p));
  if (site.config.qr.poster_pdfs) data.set("poster_pdf", poster_pdf_path(p));
  put(data, "time_limit", p.time_limit);
  put(data, "fee", p.fee);
  return data;
}

TemplateData procedure_qr_data(const RenderContext& ctx, const Procedure& p) {
  if (!has_qr_code(p)) return TemplateData(false);
  return print_procedure_data(ctx, p);
}

}  // namespace ck
