// The results pages (/ket-qua/, /ket-qua/<year>/, /ket-qua/<year>-<month>/),
// the KPI tiles of the home page and the ```ketqua directive.
#include "charts.h"
#include "fields.h"
#include "markdown.h"
#include "render.h"
#include "results.h"
#include "urls.h"
#include "vn_number.h"

namespace ck {
namespace {

const ResultsData& results(const RenderContext& ctx) {
  return ctx.site().results;
}

std::string month_label(const RenderContext& ctx, int year, int month) {
  return ctx.text("month_word") + " " + std::to_string(month) + "/" + std::to_string(year);
}

std::string percent(const RenderContext& ctx, const RateValue& v) {
  return v.hundredths ? vn_hundredths(*v.hundredths) + "\u00a0%" : ctx.text("not_arising");
}

std::string signed_points(const RenderContext& ctx, long long margin) {
  return (margin > 0 ? "+" : "") + vn_hundredths(margin) + "\u00a0" + ctx.text("points");
}

std::string verdict_text(const RenderContext& ctx, Verdict v) {
  switch (v) {
    case Verdict::exceeded:
      return ctx.text("verdict_exceeded");
    case Verdict::met:
      return ctx.text("verdict_met");
    case Verdict::below:
      return ctx.text("verdict_below");
    case Verdict::none:
      break;
  }
  return ctx.text("verdict_none");
}

// One rate as the tables and tiles show it.
TemplateData rate_data(const RenderContext& ctx, const RateInfo& info, const Figures& f, int year) {
  RateValue v = rate_of(info.rate, f);
  std::optional<long long> target = target_of(results(ctx), year, info.rate);
  Assessment a = assess(v, target);
  TemplateData row;
  row.set("name", ctx.text(info.text_key));
  row.set("key", std::string(info.key));
  row.set("value", percent(ctx, v));
  row.set("counts", vn_count(v.numerator) + "/" + vn_count(v.denominator));
  row.set("target", target ? vn_hundredths(*target) + "\u00a0%" : ctx.text("no_target"));
  row.set("verdict", verdict_text(ctx, a.verdict));
  row.set("verdict_class", std::string(a.verdict == Verdict::below  ? "below"
                                       : a.verdict == Verdict::none ? "none"
                                                                    : "ok"));
  if (a.verdict != Verdict::none) row.set("margin", signed_points(ctx, a.margin));
  return row;
}

std::string kpi_table(const RenderContext& ctx, const Figures& f, int year, const std::string& caption) {
  TemplateData data;
  data.set("caption", caption);
  TemplateList rows;
  for (const RateInfo& info : all_rates()) rows.push_back(rate_data(ctx, info, f, year));
  data.set("rates", rows);
  return ctx.render("results-kpi", data);
}

std::string heading(int level, const std::string& id, const std::string& text) {
  std::string h = "h" + std::to_string(level);
  return "<" + h + (id.empty() ? "" : " id=\"" + id + "\"") + ">" + escape_xml(text) + "</" + h + ">\n";
}

// Counts of one period as a two-column table.
std::string figures_table(const RenderContext& ctx, const Figures& f, const std::string& caption) {
  const std::pair<const char*, long long> rows[] = {{"fig_carried_over", f.carried_over},
                                                    {"fig_received", f.received},
                                                    {"fig_received_online", f.received_online},
                                                    {"fig_received_direct", f.received_direct},
                                                    {"fig_resolved", f.resolved},
                                                    {"fig_early", f.early},
                                                    {"fig_on_time", f.on_time},
                                                    {"fig_late", f.late},
                                                    {"fig_in_progress", f.in_progress},
                                                    {"fig_overdue", f.overdue},
                                                    {"fig_paused", f.paused},
                                                    {"fig_digitized_on_receipt", f.digitized_on_receipt},
                                                    {"fig_digitized_results", f.digitized_results},
                                                    {"fig_paid_online", f.paid_online},
                                                    {"fig_fee_bearing", f.fee_bearing},
                                                    {"fig_answered", f.answered},
                                                    {"fig_satisfied", f.satisfied},
                                                    {"fig_complaints", f.complaints},
                                                    {"fig_complaints_resolved", f.complaints_resolved}};
  std::string html = "<table class=\"figures\">\n<caption>" + escape_xml(caption) + "</caption>\n<tbody>\n";
  for (const auto& [key, value] : rows)
    html += "<tr><th scope=\"row\">" + escape_xml(ctx.text(key)) + "</th><td class=\"num\">" +
            vn_count(value) + "</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

Chart rate_chart(const RenderContext& ctx, const RateInfo& info, int year, const std::string& id) {
  Chart c;
  c.id = id;
  c.title = ctx.text(info.text_key) + " – " + ctx.text("year_word") + " " + std::to_string(year);
  c.scale_max = 10000;
  c.target = target_of(results(ctx), year, info.rate);
  if (c.target) c.target_text = ctx.text("target_short") + " " + vn_hundredths(*c.target) + "\u00a0%";
  c.description = ctx.text("chart_rate_desc") + (c.target ? " " + c.target_text + "." : "");
  c.table_summary = ctx.text("chart_table");
  c.columns = {ctx.text("month_word"), ctx.text("kpi_counts"), ctx.text("kpi_value")};
  c.slots = 12;
  for (int month = 1; month <= 12; ++month) c.ticks.push_back(ctx.text("month_tick") + std::to_string(month));
  for (const MonthResults* m : months_of(results(ctx), year)) {
    RateValue v = rate_of(info.rate, m->figures);
    ChartRow row;
    row.slot = m->month - 1;
    row.label = month_label(ctx, m->year, m->month);
    row.empty = !v.hundredths;
    row.value = v.hundredths.value_or(0);
    row.value_text = percent(ctx, v);
    row.cells = {vn_count(v.numerator) + "/" + vn_count(v.denominator), row.value_text};
    c.rows.push_back(std::move(row));
  }
  return c;
}

Chart channel_chart(const RenderContext& ctx, int year, const std::string& id) {
  Chart c;
  c.id = id;
  c.title = ctx.text("chart_channels") + " – " + ctx.text("year_word") + " " + std::to_string(year);
  c.description = ctx.text("chart_channels_desc");
  c.first_name = ctx.text("fig_received_online");
  c.second_name = ctx.text("fig_received_direct");
  c.table_summary = ctx.text("chart_table");
  c.columns = {ctx.text("month_word"), c.first_name, c.second_name, ctx.text("fig_received")};
  for (const MonthResults* m : months_of(results(ctx), year)) {
    const Figures& f = m->figures;
    c.scale_max = std::max(c.scale_max, f.received_online + f.received_direct);
    ChartRow row;
    row.label = month_label(ctx, m->year, m->month);
    row.value = f.received_online;
    row.second = f.received_direct;
    row.value_text = vn_count(f.received_online) + " + " + vn_count(f.received_direct);
    row.cells = {vn_count(f.received_online), vn_count(f.received_direct), vn_count(f.received)};
    c.rows.push_back(std::move(row));
  }
  return c;
}

Chart domain_chart(const RenderContext& ctx, const std::vector<const MonthResults*>& months,
                   const std::string& id, const std::string& period) {
  Chart c;
  c.id = id;
  c.title = ctx.text("chart_domains") + " – " + period;
  c.description = ctx.text("chart_domains_desc");
  c.table_summary = ctx.text("chart_table");
  c.columns = {ctx.text("domain"), ctx.text("fig_received")};
  for (const DomainFigures& d : domains_sum(months, ctx.site().domains)) {
    const Domain* domain = ctx.site().find_domain(d.domain);
    c.scale_max = std::max(c.scale_max, d.received);
    ChartRow row;
    row.label = domain ? domain->name : d.domain;
    row.value = d.received;
    row.value_text = vn_count(d.received);
    row.cells = {row.value_text};
    c.rows.push_back(std::move(row));
  }
  return c;
}

std::string month_path(int year, int month) {
  return "ket-qua/" + month_key(year, month) + "/";
}
std::string year_path(int year) {
  return "ket-qua/" + std::to_string(year) + "/";
}

std::vector<int> years(const ResultsData& data) {
  std::vector<int> out;
  for (const MonthResults& m : data.months)
    if (out.empty() || out.back() != m.year) out.push_back(m.year);
  return out;
}

std::string link(const std::string& root, const std::string& path, const std::string& text) {
  return "<a href=\"" + escape_xml(root + path) + "\">" + escape_xml(text) + "</a>";
}

std::string ytd_caption(const RenderContext& ctx, const std::vector<const MonthResults*>& months) {
  if (months.empty()) return "";
  return ctx.text("ytd") + " (" + ctx.text("month_word") + " " + std::to_string(months.front()->month) + "–" +
         std::to_string(months.back()->month) + "/" + std::to_string(months.back()->year) + ", " +
         std::to_string(months.size()) + " " + ctx.text("months_unit") + ")";
}

std::string month_list(const RenderContext& ctx, int year, const std::string& root) {
  std::string html = "<table class=\"months\">\n<caption>" + escape_xml(ctx.text("months_table")) + " " +
                     std::to_string(year) + "</caption>\n<thead><tr><th scope=\"col\">" +
                     escape_xml(ctx.text("month_word")) + "</th><th scope=\"col\">" +
                     escape_xml(ctx.text("fig_received")) + "</th><th scope=\"col\">" +
                     escape_xml(ctx.text("fig_resolved")) + "</th><th scope=\"col\">" +
                     escape_xml(ctx.text("rate_on_time_short")) + "</th></tr></thead>\n<tbody>\n";
  for (const MonthResults* m : months_of(results(ctx), year))
    html += "<tr><th scope=\"row\">" +
            link(root, month_path(m->year, m->month), month_label(ctx, m->year, m->month)) +
            "</th><td class=\"num\">" + vn_count(m->figures.received) + "</td><td class=\"num\">" +
            vn_count(m->figures.resolved) + "</td><td class=\"num\">" +
            escape_xml(percent(ctx, rate_of(Rate::on_time, m->figures))) + "</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

std::string open_data_links(const RenderContext& ctx, const std::string& root) {
  return heading(2, "du-lieu-mo", ctx.text("open_data")) + "<p>" + escape_xml(ctx.text("open_data_intro")) +
         "</p>\n<ul>\n<li>" + link(root, "du-lieu/ket-qua.csv", ctx.text("open_data_csv")) + "</li>\n<li>" +
         link(root, "du-lieu/ket-qua.json", ctx.text("open_data_json")) + "</li>\n<li>" +
         link(root, "du-lieu/ket-qua.schema.json", ctx.text("open_data_schema")) + "</li>\n</ul>\n";
}

OutputFile results_page(const RenderContext& ctx, const std::string& path, const std::string& title,
                        std::string body, TemplateList crumbs = {}) {
  TemplateData data = ctx.page_data(path, title);
  data.set("body", std::move(body));
  data.set("crumbs", crumbs);
  data.set("is_section", path == "ket-qua/");
  return {path + "index.html", ctx.render_page("results", std::move(data)), {}};
}

TemplateList section_crumb() {
  TemplateData crumb;
  crumb.set("url", std::string("ket-qua/"));
  return {crumb};
}

// One trend a rate, side by side where the screen is wide enough.
std::string rate_charts(const RenderContext& ctx, int year) {
  std::string html = "<div class=\"chart-grid\">\n";
  for (const RateInfo& info : all_rates()) {
    Chart c = rate_chart(ctx, info, year, std::string("bd-") + info.slug);
    html += "<section class=\"chart-cell\">\n" + heading(3, "", ctx.text(info.text_key)) + render_chart(c) +
            "</section>\n";
  }
  return html + "</div>\n";
}

OutputFile render_results_year(const RenderContext& ctx, int year) {
  const std::string path = year_path(year), root = root_prefix(path);
  auto months = months_of(results(ctx), year);
  std::string year_text = ctx.text("year_word") + " " + std::to_string(year);
  std::string body = kpi_table(ctx, year_to_date(months), year, ytd_caption(ctx, months));
  body += month_list(ctx, year, root);
  body += heading(2, "bieu-do", ctx.text("charts_heading")) + "<p>" + escape_xml(ctx.text("charts_intro")) +
          "</p>\n";
  body += rate_charts(ctx, year);
  body += heading(3, "", ctx.text("chart_channels")) + render_chart(channel_chart(ctx, year, "bd-kenh"));
  body += heading(3, "", ctx.text("chart_domains")) +
          render_chart(domain_chart(ctx, months, "bd-linh-vuc", year_text));
  body += heading(2, "so-lieu", ctx.text("figures_heading")) +
          figures_table(ctx, year_to_date(months), ytd_caption(ctx, months));
  body += open_data_links(ctx, root);
  return results_page(ctx, path, ctx.text("results_title") + " – " + year_text, body, section_crumb());
}

std::string neighbours(const RenderContext& ctx, const MonthResults& m, const std::string& root) {
  const auto& all = results(ctx).months;
  std::string html = "<ul class=\"pager\">\n";
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (&all[i] != &m) continue;
    if (i > 0)
      html += "<li>" + escape_xml(ctx.text("previous")) + ": " +
              link(root, month_path(all[i - 1].year, all[i - 1].month),
                   month_label(ctx, all[i - 1].year, all[i - 1].month)) +
              "</li>\n";
    if (i + 1 < all.size())
      html += "<li>" + escape_xml(ctx.text("next")) + ": " +
              link(root, month_path(all[i + 1].year, all[i + 1].month),
                   month_label(ctx, all[i + 1].year, all[i + 1].month)) +
              "</li>\n";
  }
  return html + "<li>" + link(root, year_path(m.year), ctx.text("year_word") + " " + std::to_string(m.year)) +
         "</li>\n</ul>\n";
}

OutputFile render_results_month(const RenderContext& ctx, const MonthResults& m, Diagnostics& diags) {
  const std::string path = month_path(m.year, m.month), root = root_prefix(path);
  std::string label = month_label(ctx, m.year, m.month);
  auto ytd = months_of(results(ctx), m.year, m.month);
  std::string body = kpi_table(ctx, m.figures, m.year, label);
  body += kpi_table(ctx, year_to_date(ytd), m.year, ytd_caption(ctx, ytd));
  std::string commentary = ctx.markdown(m.commentary, 1, 3, diags);
  if (!commentary.empty())
    body +=
        heading(2, "nhan-xet", ctx.text("commentary")) + "<div class=\"prose\">\n" + commentary + "</div>\n";
  body += heading(2, "so-lieu", ctx.text("figures_heading")) + figures_table(ctx, m.figures, label);
  // The domain split of the month, then of the year so far.
  if (!domains_sum(ytd, ctx.site().domains).empty()) {
    body += heading(2, "linh-vuc", ctx.text("chart_domains"));
    if (!m.domains.empty())
      body += heading(3, "", label) + render_chart(domain_chart(ctx, {&m}, "bd-linh-vuc", label));
    body += heading(3, "", ytd_caption(ctx, ytd)) +
            render_chart(domain_chart(ctx, ytd, "bd-linh-vuc-luy-ke", ytd_caption(ctx, ytd)));
  }
  body += neighbours(ctx, m, root);
  TemplateList crumbs = section_crumb();
  TemplateData year_crumb;
  year_crumb.set("url", year_path(m.year));
  year_crumb.set("label", ctx.text("year_word") + " " + std::to_string(m.year));
  crumbs.push_back(year_crumb);
  return results_page(ctx, path, ctx.text("results_title") + " – " + label, body, crumbs);
}

OutputFile render_results_index(const RenderContext& ctx) {
  const std::string path = "ket-qua/", root = root_prefix(path);
  const MonthResults& last = results(ctx).months.back();
  auto ytd = months_of(results(ctx), last.year, last.month);
  std::string label = month_label(ctx, last.year, last.month);
  std::string body = "<p class=\"lead\">" + escape_xml(ctx.text("results_intro")) + "</p>\n";
  // What a citizen asks first: this month's rates, then each rate's months against its target.
  TemplateData tiles;
  tiles.set("results_tiles", results_tiles(ctx));
  body += ctx.render("results-tiles", tiles);
  body +=
      heading(2, "bieu-do",
              ctx.text("charts_heading") + " – " + ctx.text("year_word") + " " + std::to_string(last.year));
  body += rate_charts(ctx, last.year);
  body += heading(2, "thang-moi-nhat", ctx.text("latest_month") + ": " + label);
  body += kpi_table(ctx, last.figures, last.year, label);
  body += "<p>" + link(root, month_path(last.year, last.month), ctx.text("month_details") + " " + label) +
          "</p>\n";
  body += heading(2, "luy-ke", ctx.text("ytd") + " " + std::to_string(last.year));
  body += kpi_table(ctx, year_to_date(ytd), last.year, ytd_caption(ctx, ytd));
  body += heading(2, "cac-nam", ctx.text("all_periods"));
  for (int year : years(results(ctx)))
    body += heading(3, "", ctx.text("year_word") + " " + std::to_string(year)) + "<p>" +
            link(root, year_path(year), ctx.text("year_details") + " " + std::to_string(year)) + "</p>\n" +
            month_list(ctx, year, root);
  body += open_data_links(ctx, root);
  return results_page(ctx, path, ctx.text("results_title"), body);
}

// ```ketqua
// thang: 2023-05
// bieu-do: dung-han      (optional; without it, the month's KPI table)
// ```
std::string render_directive(const RenderContext& ctx, const std::string& body, const SourcePos& at,
                             Diagnostics& diags) {
  auto fields = Fields::parse(body, at, diags);
  if (!fields) return "";
  std::string month = fields->text("thang", Need::required);
  std::string chart = fields->text("bieu-do");
  fields->warn_unknown_keys();
  const MonthResults* found = nullptr;
  for (const MonthResults& m : results(ctx).months)
    if (month_key(m.year, m.month) == month) found = &m;
  if (!found) {
    if (!month.empty())
      diags.error(fields->pos_of("thang"),
                  {"chưa có số liệu tháng \"" + month + "\"", "no results for month \"" + month + "\""},
                  {"thêm tệp content/results/" + month + ".md, hoặc sửa tháng theo dạng NĂM-THÁNG",
                   "add content/results/" + month + ".md, or write the month as YEAR-MONTH"});
    return "";
  }
  std::string id = "nhung-" + month + "-" + (chart.empty() ? "bang" : chart);
  std::string label = month_label(ctx, found->year, found->month);
  if (chart.empty()) return kpi_table(ctx, found->figures, found->year, label);
  if (chart == "kenh") return render_chart(channel_chart(ctx, found->year, id));
  if (chart == "linh-vuc") return render_chart(domain_chart(ctx, {found}, id, label));
  if (const RateInfo* info = find_rate_by_slug(chart))
    return render_chart(rate_chart(ctx, *info, found->year, id));
  std::string list = "kenh, linh-vuc";
  for (const RateInfo& r : all_rates()) list += std::string(", ") + r.slug;
  diags.error(fields->pos_of("bieu-do"),
              {"không có biểu đồ \"" + chart + "\"", "there is no chart \"" + chart + "\""},
              {"chọn một trong: " + list + "; hoặc bỏ dòng bieu-do để chèn bảng chỉ số",
               "use one of: " + list + "; or leave out bieu-do for the KPI table"});
  return "";
}

}  // namespace

FencedBlockHook results_directive(const RenderContext& ctx) {
  return {"ketqua", [&ctx](const std::string& body, const SourcePos& at, Diagnostics& diags) {
            return render_directive(ctx, body, at, diags);
          }};
}

TemplateList results_tiles(const RenderContext& ctx) {
  TemplateList tiles;
  if (results(ctx).months.empty()) return tiles;
  const MonthResults& last = results(ctx).months.back();
  for (const RateInfo& info : all_rates()) {
    TemplateData tile = rate_data(ctx, info, last.figures, last.year);
    tile.set("period", month_label(ctx, last.year, last.month));
    tiles.push_back(std::move(tile));
  }
  return tiles;
}

std::vector<std::string> results_page_paths(const Site& site) {
  std::vector<std::string> paths;
  if (site.results.months.empty()) return paths;
  paths.push_back("ket-qua/");
  for (int year : years(site.results)) paths.push_back(year_path(year));
  for (const MonthResults& m : site.results.months) paths.push_back(month_path(m.year, m.month));
  return paths;
}

void plan_results(const RenderContext& ctx, std::vector<RenderJob>& jobs) {
  const ResultsData& data = results(ctx);
  if (data.months.empty()) return;
  jobs.push_back({"ket-qua/index.html", [&ctx](Diagnostics&) { return render_results_index(ctx); }});
  for (int year : years(data))
    jobs.push_back({year_path(year) + "index.html",
                    [&ctx, year](Diagnostics&) { return render_results_year(ctx, year); }});
  for (const MonthResults& m : data.months)
    jobs.push_back({month_path(m.year, m.month) + "index.html",
                    [&ctx, &m](Diagnostics& diags) { return render_results_month(ctx, m, diags); }});
  plan_open_data(ctx, jobs);
}

}  // namespace ck
