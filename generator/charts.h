// Charts as inline SVG, each followed by its data table: horizontal bars,
// one row per bar with its label above and its value written beside it;
// or a trend, a line over the months of a year against a dashed target
// line, its latest value written beside its last point. No JavaScript;
// nothing is told by colour alone; drawn 320 px wide at every screen width,
// so their text keeps its size. Chart and table come from the same rows, so
// they cannot disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ck {

struct ChartRow {
  std::string label;
  bool empty = false;              // no value ("không phát sinh"): no bar, just the text
  long long value = 0;             // in the chart's unit (hundredths of a percent, or a count)
  long long second = 0;            // stacked charts: the second part, drawn after the first
  std::string value_text;          // written beside the bar
  std::vector<std::string> cells;  // the table row, after the label
  int slot = 0;                    // trends: the row's place on the x axis, from 0
};

struct Chart {
  std::string id;  // unique within the page
  std::string title;
  std::string description;
  long long scale_max = 0;  // the value of a full-width bar
  std::optional<long long> target;
  std::string target_text;  // written by the target line
  // Stacked charts name both parts for the legend; simple charts leave
  // second_name empty.
  std::string first_name;
  std::string second_name;
  std::string table_summary;         // the <details> summary
  std::vector<std::string> columns;  // table header, the first for the labels
  std::vector<ChartRow> rows;
  // A trend's places on the x axis (12 months) and their labels; 0 for bars.
  int slots = 0;
  std::vector<std::string> ticks;
};

// <svg role="img"> with <title>/<desc>, then <details> with the table.
std::string render_chart(const Chart& chart);

}  // namespace ck
