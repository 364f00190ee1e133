// Open data: /du-lieu/ket-qua.csv (one row per month), /du-lieu/ket-qua.json
// and a Frictionless Table Schema of the CSV. The columns are listed once,
// here, so the CSV and its schema cannot drift apart.
#include <functional>

#include "render.h"
#include "results.h"
#include "urls.h"
#include "vn_number.h"

namespace ck {
namespace {

struct Column {
  std::string name;
  std::string type;  // Table Schema type: yearmonth, integer, number
  std::string title;
  std::string description;
  std::function<std::string(const MonthResults&)> value;  // "" = missing
};

std::string count(long long v) {
  return std::to_string(v);
}

std::string rate_text(const RateValue& v) {
  return v.hundredths ? dot_hundredths(*v.hundredths) : "";
}

void add_count(std::vector<Column>& cols, const std::string& name, const std::string& title,
               long long Figures::*member) {
  cols.push_back(
      {name, "integer", title, "", [member](const MonthResults& m) { return count(m.figures.*member); }});
}

std::vector<Column> columns(const RenderContext& ctx) {
  std::vector<Column> cols;
  cols.push_back({"month", "yearmonth", "Tháng", "Tháng báo cáo, dạng NĂM-THÁNG",
                  [](const MonthResults& m) { return month_key(m.year, m.month); }});
  const std::pair<const char*, long long Figures::*> counts[] = {
      {"received_total", &Figures::received},
      {"received_online", &Figures::received_online},
      {"received_direct", &Figures::received_direct},
      {"carried_over", &Figures::carried_over},
      {"resolved_total", &Figures::resolved},
      {"resolved_early", &Figures::early},
      {"resolved_on_time", &Figures::on_time},
      {"resolved_late", &Figures::late},
      {"in_progress_within_limit", &Figures::in_progress},
      {"in_progress_overdue", &Figures::overdue},
      {"paused", &Figures::paused},
      {"digitized_on_receipt", &Figures::digitized_on_receipt},
      {"digitized_results", &Figures::digitized_results},
      {"online_payment_paid", &Figures::paid_online},
      {"online_payment_fee_bearing", &Figures::fee_bearing},
      {"survey_answered", &Figures::answered},
      {"survey_satisfied", &Figures::satisfied},
      {"complaints_received", &Figures::complaints},
      {"complaints_resolved", &Figures::complaints_resolved}};
  for (const auto& [name, member] : counts)
    add_count(cols, name, ctx.text(std::string("csv_") + name), member);
  for (const RateInfo& info : all_rates()) {
    Rate rate = info.rate;
    cols.push_back({std::string("rate_") + info.key, "number", ctx.text(info.text_key),
                    ctx.text("csv_rate_description"),
                    [rate](const MonthResults& m) { return rate_text(rate_of(rate, m.figures)); }});
  }
  for (const Domain& d : ctx.site().domains) {
    bool used = false;
    for (const MonthResults& m : ctx.site().results.months)
      for (const DomainFigures& f : m.domains) used |= f.domain == d.slug;
    if (!used) continue;
    std::string slug = d.slug;
    auto pick = [slug](const MonthResults& m, int which) -> std::string {
      for (const DomainFigures& f : m.domains)
        if (f.domain == slug) {
          if (which == 0) return count(f.received);
          if (which == 1) return f.has_resolved ? count(f.resolved) : "";
          return f.has_online ? count(f.online) : "";
        }
      return "";
    };
    const char* parts[] = {"received", "resolved", "online"};
    for (int which = 0; which < 3; ++which)
      cols.push_back({"domain_" + slug + "_" + parts[which], "integer",
                      d.name + ": " + ctx.text(std::string("csv_domain_") + parts[which]), "",
                      [pick, which](const MonthResults& m) { return pick(m, which); }});
  }
  return cols;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\')
      out += '\\', out += static_cast<char>(c);
    else if (c == '\n')
      out += "\\n";
    else if (c < 0x20) {
      const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else
      out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string json_value(const Column& col, const std::string& value) {
  if (value.empty()) return "null";
  return col.type == "yearmonth" ? json_string(value) : value;
}

// One period's figures and rates as JSON members; `year` picks the targets.
std::string rates_json(const RenderContext& ctx, const Figures& f, int year) {
  std::string out = "{";
  bool first = true;
  for (const RateInfo& info : all_rates()) {
    RateValue v = rate_of(info.rate, f);
    auto target = target_of(ctx.site().results, year, info.rate);
    Assessment a = assess(v, target);
    static const char* verdicts[] = {"null", "\"chua-dat\"", "\"dat\"", "\"vuot\""};
    out += std::string(first ? "" : ", ") + "\"" + info.key + "\": {\"numerator\": " + count(v.numerator) +
           ", \"denominator\": " + count(v.denominator) +
           ", \"percent\": " + (v.hundredths ? dot_hundredths(*v.hundredths) : "null") +
           ", \"target\": " + (target ? dot_hundredths(*target) : "null") +
           ", \"verdict\": " + verdicts[static_cast<int>(a.verdict)] +
           ", \"margin_points\": " + (a.verdict == Verdict::none ? "null" : dot_hundredths(a.margin)) + "}";
    first = false;
  }
  return out + "}";
}

std::string figures_json(const std::vector<Column>& cols, const MonthResults& m) {
  std::string out = "{";
  for (std::size_t i = 1;
       i < cols.size() && cols[i].type == "integer" && !cols[i].name.starts_with("domain_"); ++i)
    out += std::string(i > 1 ? ", " : "") + json_string(cols[i].name) + ": " +
           json_value(cols[i], cols[i].value(m));
  return out + "}";
}

std::string domains_json(const RenderContext& ctx, const std::vector<DomainFigures>& domains) {
  std::string out = "[";
  for (std::size_t i = 0; i < domains.size(); ++i) {
    const DomainFigures& d = domains[i];
    const Domain* info = ctx.site().find_domain(d.domain);
    out += std::string(i ? ", " : "") + "{\"domain\": " + json_string(d.domain) +
           ", \"name\": " + json_string(info ? info->name : d.domain) +
           ", \"received\": " + count(d.received) +
           ", \"resolved\": " + (d.has_resolved ? count(d.resolved) : "null") +
           ", \"online\": " + (d.has_online ? count(d.online) : "null") + "}";
  }
  return out + "]";
}

OutputFile render_csv(const RenderContext& ctx) {
  std::vector<Column> cols = columns(ctx);
  std::string csv = "\xEF\xBB\xBF";  // BOM: Excel then reads the file as UTF-8
  for (std::size_t i = 0; i < cols.size(); ++i) csv += (i ? "," : "") + csv_field(cols[i].name);
  csv += "\r\n";
  for (const MonthResults& m : ctx.site().results.months) {
    for (std::size_t i = 0; i < cols.size(); ++i) csv += (i ? "," : "") + csv_field(cols[i].value(m));
    csv += "\r\n";
  }
  return {"du-lieu/ket-qua.csv", std::move(csv), {}};
}

OutputFile render_json(const RenderContext& ctx) {
  const Site& site = ctx.site();
  std::vector<Column> cols = columns(ctx);
  std::string json = "{\n  \"commune\": " + json_string(site.config.authority) +
                     ",\n  \"source\": " + json_string(absolute_url(site.config, "ket-qua/")) +
                     ",\n  \"sample_data\": " + (site.config.sample_data ? "true" : "false") +
                     ",\n  \"rounding\": " + json_string(ctx.text("rounding_rule")) + ",\n  \"months\": [\n";
  for (std::size_t i = 0; i < site.results.months.size(); ++i) {
    const MonthResults& m = site.results.months[i];
    json += std::string(i ? ",\n" : "") + "    {\"month\": " + json_string(month_key(m.year, m.month)) +
            ",\n     \"figures\": " + figures_json(cols, m) +
            ",\n     \"rates\": " + rates_json(ctx, m.figures, m.year) +
            ",\n     \"domains\": " + domains_json(ctx, m.domains) + "}";
  }
  json += "\n  ],\n  \"years\": [\n";
  bool first = true;
  for (std::size_t i = 0; i < site.results.months.size(); ++i) {
    int year = site.results.months[i].year;
    if (i > 0 && site.results.months[i - 1].year == year) continue;
    auto months = months_of(site.results, year);
    Figures ytd = year_to_date(months);
    MonthResults sum;
    sum.figures = ytd;
    json += std::string(first ? "" : ",\n") + "    {\"year\": " + count(year) + ", \"months\": [";
    for (std::size_t k = 0; k < months.size(); ++k)
      json += (k ? ", " : "") + json_string(month_key(months[k]->year, months[k]->month));
    json += "],\n     \"figures\": " + figures_json(cols, sum) +
            ",\n     \"rates\": " + rates_json(ctx, ytd, year) +
            ",\n     \"domains\": " + domains_json(ctx, domains_sum(months, site.domains)) + "}";
    first = false;
  }
  return {"du-lieu/ket-qua.json", json + "\n  ]\n}\n", {}};
}

OutputFile render_schema(const RenderContext& ctx) {
  std::vector<Column> cols = columns(ctx);
  std::string json = "{\n  \"$comment\": " + json_string(ctx.text("schema_comment")) + ",\n  \"fields\": [\n";
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Column& c = cols[i];
    json += std::string(i ? ",\n" : "") + "    {\"name\": " + json_string(c.name) +
            ", \"type\": " + json_string(c.type) + ", \"title\": " + json_string(c.title);
    if (!c.description.empty()) json += ", \"description\": " + json_string(c.description);
    if (c.type == "integer") json += ", \"constraints\": {\"minimum\": 0}";
    if (c.type == "number") json += ", \"constraints\": {\"minimum\": 0, \"maximum\": 100}";
    if (i == 0) json += ", \"constraints\": {\"required\": true, \"unique\": true}";
    json += "}";
  }
  json += "\n  ],\n  \"primaryKey\": [\"month\"],\n  \"missingValues\": [\"\"]\n}\n";
  return {"du-lieu/ket-qua.schema.json", std::move(json), {}};
}

}  // namespace

void plan_open_data(const RenderContext& ctx, std::vector<RenderJob>& jobs) {
  jobs.push_back({"du-lieu/ket-qua.csv", [&ctx](Diagnostics&) { return render_csv(ctx); }});
  jobs.push_back({"du-lieu/ket-qua.json", [&ctx](Diagnostics&) { return render_json(ctx); }});
  jobs.push_back({"du-lieu/ket-qua.schema.json", [&ctx](Diagnostics&) { return render_schema(ctx); }});
}

}  // namespace ck
