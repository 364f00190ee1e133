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

std::string line(long long x1, long long y1, long long x2, long long y2, const char* cls) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
         "\" class=\"" + cls + "\"/>";
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
  return line(x, kHeader - 6, x, height, "target") +
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

std::string svg_open(const Chart& c, int height) {
  return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
         "\" aria-labelledby=\"" + c.id + "-t " + c.id + "-d\" xmlns=\"http://www.w3.org/2000/svg\">\n" +
         "<title id=\"" + c.id + "-t\">" + escape_xml(c.title) + "</title>\n<desc id=\"" + c.id + "-d\">" +
         escape_xml(c.description) + "</desc>\n";
}

std::string bars_svg(const Chart& c) {
  const int height = kHeader + static_cast<int>(c.rows.size()) * kRowHeight + 4;
  std::string svg = svg_open(c, height);
  if (!c.second_name.empty()) svg += legend(c) + "\n";
  for (std::size_t i = 0; i < c.rows.size(); ++i)
    svg += row_marks(c, c.rows[i], kHeader + static_cast<int>(i) * kRowHeight) + "\n";
  return svg + target_line(c, height) + "\n</svg>\n";
}

// --- Trends ---

constexpr int kPlotLeft = 40;
constexpr int kPlotRight = 256;  // leaves room for the last value
constexpr int kPlotTop = 26;
constexpr int kPlotBottom = 166;
constexpr int kTrendHeight = 190;

// The trend's vertical range: from a whole ten below its lowest value (and
// target) to the top of its scale, so that 96 and 99 % do not look alike.
std::pair<long long, long long> trend_range(const Chart& c) {
  long long low = c.target.value_or(c.scale_max);
  for (const ChartRow& r : c.rows)
    if (!r.empty) low = std::min(low, r.value);
  const long long step = c.scale_max / 10;
  low = step > 0 ? std::min(low / step * step, c.scale_max - step) : 0;
  return {std::max(0LL, low), c.scale_max};
}

struct TrendScale {
  long long low, high;
  int slots;
  long long x(int slot) const { return kPlotLeft + (kPlotRight - kPlotLeft) * slot / std::max(1, slots - 1); }
  long long y(long long value) const {
    return kPlotBottom - (kPlotBottom - kPlotTop) * (value - low) / std::max(1LL, high - low);
  }
};

// The axes: the range's ends and the months.
std::string trend_axes(const Chart& c, const TrendScale& s) {
  std::string out;
  for (long long value : {s.low, s.high}) {
    out += line(kPlotLeft, s.y(value), kPlotRight, s.y(value), "grid");
    out += text(kPlotLeft - 6, s.y(value) + 4, num(value * 100 / std::max(1LL, c.scale_max)) + "\u00a0%",
                "end", "muted");
  }
  // Every other month: twelve labels do not fit 216 px at 13 px.
  for (int slot = 0; slot < s.slots && slot < static_cast<int>(c.ticks.size()); slot += 2)
    out += text(s.x(slot), kPlotBottom + 18, c.ticks[slot], "middle", "muted");
  return out;
}

std::string trend_target(const Chart& c, const TrendScale& s) {
  if (!c.target || *c.target < s.low || *c.target > s.high) return "";
  const long long y = s.y(*c.target);
  return line(kPlotLeft, y, kPlotRight, y, "target") +
         text(kPlotLeft, y - 5, c.target_text, "start", "target-text");
}

// The line through the months that have a value (broken where one has
// none), a dot a month, and the latest value beside its dot.
std::string trend_line(const Chart& c, const TrendScale& s) {
  std::string out, points;
  const ChartRow* last = nullptr;
  auto flush = [&] {
    if (points.find(' ') != std::string::npos) out += "<polyline points=\"" + points + "\" class=\"trend\"/>";
    points.clear();
  };
  for (const ChartRow& r : c.rows) {
    if (r.empty) {
      flush();
      continue;
    }
    points += (points.empty() ? "" : " ") + num(s.x(r.slot)) + "," + num(s.y(r.value));
    out += "<circle cx=\"" + num(s.x(r.slot)) + "\" cy=\"" + num(s.y(r.value)) + "\" r=\"4\" class=\"dot\"/>";
    last = &r;
  }
  flush();
  if (last) out += text(s.x(last->slot) + 8, s.y(last->value) + 4, last->value_text, "start", "value");
  return out;
}

std::string trend_svg(const Chart& c) {
  const auto [low, high] = trend_range(c);
  const TrendScale scale{low, high, c.slots};
  return svg_open(c, kTrendHeight) + trend_axes(c, scale) + "\n" + trend_target(c, scale) + "\n" +
         trend_line(c, scale) + "\n</svg>\n";
}

}  // namespace

std::string render_chart(const Chart& c) {
  return "<div class=\"chart-box\">\n" + (c.slots > 0 ? trend_svg(c) : bars_svg(c)) + data_table(c) +
         "</div>\n";
}

}  // namespace ck
