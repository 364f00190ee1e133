// What the one-stop desk prints. Each procedure with a code gets its QR code
// as files beside its page (qr.svg, qr.png); /in-an/ holds a poster per
// procedure, a sheet of codes per domain, a booklet of all domains and a
// satisfaction-survey poster, each as an HTML page with print CSS (A4) and as
// a PDF file. Every file is its own render job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render.h"

namespace ck {

inline constexpr std::string_view kPrintPath = "in-an/";
inline constexpr std::string_view kBookletPath = "in-an/tat-ca/";
inline constexpr std::string_view kBookletPdf = "in-an/tat-ca.pdf";
inline constexpr std::string_view kSurveyPath = "in-an/khao-sat/";
inline constexpr std::string_view kSurveyPdf = "in-an/khao-sat.pdf";

std::string qr_svg_path(const Procedure& p);     // thu-tuc/<slug>/qr.svg
std::string qr_png_path(const Procedure& p);     // thu-tuc/<slug>/qr.png
std::string poster_path(const Procedure& p);     // in-an/thu-tuc/<slug>/
std::string poster_pdf_path(const Procedure& p); // in-an/thu-tuc/<slug>.pdf
std::string sheet_path(const Domain& d);         // in-an/linh-vuc/<slug>/
std::string sheet_pdf_path(const Domain& d);     // in-an/linh-vuc/<slug>.pdf

void plan_print(const RenderContext& ctx, std::vector<RenderJob>& jobs);

// What a sheet of codes draws for a domain: its name and, for each code,
// the procedure's name and code and what the code encodes.
std::uint64_t sheet_print(const Site& site, const Domain& d);
// The header of the file that keeps the booklet's parts (KeptEntries).
std::string print_parts_header(std::uint64_t tool_key);

// The procedures of a domain that have a QR code, in catalog order.
std::vector<const Procedure*> coded_procedures(const Site& site, const Domain& d);

// The procedure page's QR block: image, short URL, downloads, poster.
TemplateData procedure_qr_data(const RenderContext& ctx, const Procedure& p);
// Name, code, domain, short URL, what the code opens, time limit and fee.
TemplateData print_procedure_data(const RenderContext& ctx, const Procedure& p);

// HTML pages (print_pages.cc).
OutputFile render_print_index(const RenderContext& ctx);
OutputFile render_poster_page(const RenderContext& ctx, const Procedure& p);
OutputFile render_sheet_page(const RenderContext& ctx, const Domain& d);
OutputFile render_booklet_page(const RenderContext& ctx);
OutputFile render_survey_page(const RenderContext& ctx);

// PDF files (print_pdf.cc); an error in `diags` when PDFs cannot be drawn.
OutputFile render_poster_pdf(const RenderContext& ctx, const Procedure& p, Diagnostics& diags);
OutputFile render_sheet_pdf(const RenderContext& ctx, const Domain& d, Diagnostics& diags);
OutputFile render_booklet_pdf(const RenderContext& ctx, Diagnostics& diags);
OutputFile render_survey_pdf(const RenderContext& ctx, Diagnostics& diags);

}  // namespace ck
