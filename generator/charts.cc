#include "charts.h"

#include "render.h"

namespace ck {
namespace {

constexpr int kWidth = 320;
constexpr int kBarArea = 232;  // leaves room for the value text at 100 %
constexpr int kRowHeight = 40;
constexpr int kBarHeight = 14;
constexpr int kHeader = 28;

std::string num(long long v) {
  return std::to_string(v);
}

long long bar_width(long long value, long long scale_max) {
  if (scale_max <= 0 || value <= 0) return 0;
  return std::max(1LL, value * kBarArea / scale_max);
}

std::string text(long long x, long long y, const std::string& content, const char* anchor = "start",
                 const char* cls = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" +
         (*cls ? std::string(" class=\"") + cls + "\"" : "") + ">" + escape_xml(content) + "</text>";
}

std::string rect(long long x, long long y, long long w, const char* cls) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
         num(kBarHeight) + "\" class=\"" + cls + "\"/>";
}

// The legend of a stacked chart: a filled and an outlined swatch, each named.
std::string legend(const Chart& c) {
  return rect(0, 6, 14, "bar") + text(20, 18, c.first_name) + rect(150, 6, 14, "bar-outline") +
         text(170, 18, c.second_name);
}

std::string target_line(const Chart& c, int height) {
  if (!c.target || c.scale_max <= 0) return "";
  long long x = *c.target * kBarArea / c.scale_max;
  const char* anchor = x > kBarArea / 2 ? "end" : "start";
  return "<line x1=\"" + num(x) + "\" y1=\"" + num(kHeader - 6) + "\" x2=\"" + num(x) + "\" y2=\"" +
         num(height) + "\" class=\"target\"/>" +
         text(x + (x > kBarArea / 2 ? -4 : 4), 16, c.target_text, anchor, "target-text");
}

std::string row_marks(const Chart& c, const ChartRow& r, int y) {
  std::string out = text(0, y + 13, r.label);
  int bar_y = y + 18;
  if (r.empty) return out + text(0, bar_y + 12, r.value_text, "start", "muted");
  long long first = bar_width(r.value, c.scale_max);
  out += rect(0, bar_y, first, "bar");
  long long end = first;
  if (!c.second_name.empty() && r.second > 0) {
    long long second = bar_width(r.value + r.second, c.scale_max) - first;
    if (second > 0) out += rect(first, bar_y, second, "bar-outline");
    end = first + std::max(second, 0LL);
  }
  return out + text(end + 4, bar_y + 12, r.value_text);
}

std::string data_table(const Chart& c) {
  std::string html = "<details class=\"chart-data\"><summary>" + escape_xml(c.table_summary) +
                     "</summary>\n<div class=\"table-wrap\"><table>\n<caption>" + escape_xml(c.title) +
                     "</caption>\n<thead><tr>";
  for (const std::string& col : c.columns) html += "<th scope=\"col\">" + escape_xml(col) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const ChartRow& r : c.rows) {
    html += "<tr><th scope=\"row\">" + escape_xml(r.label) + "</th>";
    for (const std::string& cell : r.cells) html += "<td>" + escape_xml(cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table></div></details>\n";
}

}  // namespace

std::string render_chart(const Chart& c) {
  const int height = kHeader + static_cast<int>(c.rows.size()) * kRowHeight + 4;
  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                    "\" aria-labelledby=\"" + c.id + "-t " + c.id +
                    "-d\" xmlns=\"http://www.w3.org/2000/svg\">\n" + "<title id=\"" + c.id + "-t\">" +
                    escape_xml(c.title) + "</title>\n<desc id=\"" + c.id + "-d\">" +
                    escape_xml(c.description) + "</desc>\n";
  if (!c.second_name.empty()) svg += legend(c) + "\n";
  for (std::size_t i = 0; i < c.rows.size(); ++i)
    svg += row_marks(c, c.rows[i], kHeader + static_cast<int>(i) * kRowHeight) + "\n";
  svg += target_line(c, height) + "\n</svg>\n";
  return "<div class=\"chart-box\">\n" + svg + data_table(c) + "</div>\n";
}

}  // namespace ck
