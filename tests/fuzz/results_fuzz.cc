// A month's results file of arbitrary bytes: loading, the cross-file checks
// and every rate must never crash, and every published rate stays within
// 0–100 % whenever the checks found no error.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load.h"
#include "results.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

std::vector<ck::Domain> catalog() {
  ck::Domain ho_tich;
  ho_tich.slug = "ho-tich";
  ho_tich.name = "Hộ tịch";
  ck::Domain chung_thuc;
  chung_thuc.slug = "chung-thuc";
  chung_thuc.name = "Chứng thực";
  return {ho_tich, chung_thuc};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ck::SourceFile file{"content/results/2023-05.md", std::string(reinterpret_cast<const char*>(data), size)};
  ck::Diagnostics diags;
  if (!ck::prepare_source_text(file, diags)) return 0;
  ck::ResultsData results;
  if (auto month = ck::load_month_results(file, diags)) results.months.push_back(std::move(*month));
  results = ck::build_results(std::move(results), catalog(), diags);
  for (const ck::MonthResults& month : results.months)
    for (const ck::RateInfo& info : ck::all_rates()) {
      ck::RateValue value = ck::rate_of(info.rate, month.figures);
      if (value.hundredths && !diags.has_errors()) require(*value.hundredths >= 0 && *value.hundredths <= 10000);
      ck::assess(value, 9700);
    }
  ck::year_to_date(ck::months_of(results, 2023));
  return 0;
}
