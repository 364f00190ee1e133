// The figures of the monthly results: rates, year-to-date sums, verdicts
// against the year's targets, and the checks that tell editors when a
// report's numbers contradict each other. Pure functions over the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace ck {

enum class Rate { on_time, online, digitized, digitized_results, online_payment, satisfaction };

struct RateInfo {
  Rate rate;
  const char* key;       // in targets.yaml, the CSV and the JSON
  const char* slug;      // in the Markdown directive (bieu-do: dung-han)
  const char* text_key;  // interface string with the rate's name
};
const std::vector<RateInfo>& all_rates();
const RateInfo* find_rate_by_slug(const std::string& slug);

struct RateValue {
  long long numerator = 0;
  long long denominator = 0;
  // Rounded hundredths of a percent; empty when the denominator is 0
  // ("không phát sinh").
  std::optional<long long> hundredths;
};
RateValue rate_of(Rate rate, const Figures& f);

enum class Verdict { none, below, met, exceeded };  // —, Chưa đạt, Đạt, Vượt
struct Assessment {
  Verdict verdict = Verdict::none;
  long long margin = 0;  // rounded rate − target, in hundredths of a point
};
// Compares the published (rounded) rate with the target, so the verdict and
// margin agree with the numbers a reader sees.
Assessment assess(const RateValue& value, std::optional<long long> target);

// Sums of the counts of several months. Carried over is the first month's,
// in progress, overdue and paused the last month's: they are stocks, not flows.
Figures year_to_date(const std::vector<const MonthResults*>& months);
// The months of `year` up to and including `month`, in order.
std::vector<const MonthResults*> months_of(const ResultsData& data, int year, int up_to_month = 12);
std::optional<long long> target_of(const ResultsData& data, int year, Rate rate);

// Per-domain sums over several months, in catalog order; domains with no
// dossier left out.
std::vector<DomainFigures> domains_sum(const std::vector<const MonthResults*>& months,
                                       const std::vector<Domain>& catalog);

// One month's own checks: rates above 100 % are errors, sub-totals that do
// not add up are warnings (the site still builds).
void check_month(const MonthResults& m, Diagnostics& diags);
// Cross-file checks and ordering: unknown domains, duplicate months and
// target years; then check_month for each month.
ResultsData build_results(ResultsData data, const std::vector<Domain>& domains, Diagnostics& diags);

// "2023-05"
std::string month_key(int year, int month);
// Parses "97", "97.5" or "97,25" (a percent with at most two decimals) into
// hundredths; empty when it is not such a number.
std::optional<long long> parse_percent(const std::string& text);

// The text of a new, commented results file for a month, for editors to fill.
std::string scaffold_results(int year, int month);

}  // namespace ck
