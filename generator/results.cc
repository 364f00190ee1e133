#include "results.h"

#include <algorithm>
#include <map>

#include "vn_number.h"

namespace ck {
namespace {

std::string n(long long v) {
  return vn_count(v);
}

SourcePos place(const MonthResults& m, const std::string& field) {
  auto it = m.at.find(field);
  return it != m.at.end() ? it->second : m.source;
}

// A rate's numerator above its denominator: the rate would pass 100 %.
void check_part(const MonthResults& m, const std::string& field, long long part,
                const std::string& whole_field, long long whole, Diagnostics& diags) {
  if (part <= whole) return;
  diags.error(place(m, field),
              {"\"" + field + "\" (" + n(part) + ") lớn hơn \"" + whole_field + "\" (" + n(whole) +
                   "): tỷ lệ sẽ vượt 100 %",
               "\"" + field + "\" (" + n(part) + ") is greater than \"" + whole_field + "\" (" + n(whole) +
                   "): the rate would pass 100 %"},
              {"kiểm tra lại hai số này với báo cáo gốc", "check both numbers against the original report"});
}

void warn_mismatch(Diagnostics& diags, const SourcePos& pos, const Text& left, long long left_value,
                   const Text& right, long long right_value) {
  diags.warning(
      pos,
      {left.vi + " = " + n(left_value) + " nhưng " + right.vi + " = " + n(right_value),
       left.en + " = " + n(left_value) + " but " + right.en + " = " + n(right_value)},
      {"số liệu không khớp; kiểm tra lại với báo cáo gốc (trang vẫn được tạo)",
       "the figures do not add up; check them against the original report (the site is still built)"});
}

void check_domain_sums(const MonthResults& m, Diagnostics& diags) {
  if (m.domains.empty()) return;
  const Figures& f = m.figures;
  long long received = 0, resolved = 0, online = 0;
  bool any_resolved = false, any_online = false;
  for (const DomainFigures& d : m.domains) {
    received += d.received, resolved += d.resolved, online += d.online;
    any_resolved |= d.has_resolved, any_online |= d.has_online;
    if (d.online > d.received)
      diags.error(
          d.source,
          {"lĩnh vực \"" + d.domain + "\": trực tuyến (" + n(d.online) + ") lớn hơn tiếp nhận (" +
               n(d.received) + "): tỷ lệ sẽ vượt 100 %",
           "domain \"" + d.domain + "\": online (" + n(d.online) + ") is greater than received (" +
               n(d.received) + "): the rate would pass 100 %"},
          {"kiểm tra lại hai số này với báo cáo gốc", "check both numbers against the original report"});
  }
  SourcePos pos = place(m, "domains");
  if (received != f.received)
    warn_mismatch(diags, pos, {"tổng tiếp nhận của các lĩnh vực", "the domains' received"}, received,
                  {"received.total", "received.total"}, f.received);
  if (any_resolved && resolved != f.resolved)
    warn_mismatch(diags, pos, {"tổng đã giải quyết của các lĩnh vực", "the domains' resolved"}, resolved,
                  {"resolved.total", "resolved.total"}, f.resolved);
  if (any_online && online != f.received_online)
    warn_mismatch(diags, pos, {"tổng trực tuyến của các lĩnh vực", "the domains' online"}, online,
                  {"received.online", "received.online"}, f.received_online);
}

int rate_order(const MonthResults& m) {
  return m.year * 100 + m.month;
}

void check_known_domains(const MonthResults& m, const std::vector<Domain>& catalog, Diagnostics& diags) {
  std::map<std::string, SourcePos> seen;
  for (const DomainFigures& d : m.domains) {
    bool known =
        std::any_of(catalog.begin(), catalog.end(), [&](const Domain& c) { return c.slug == d.domain; });
    if (!known) {
      std::string list;
      for (const Domain& c : catalog) list += (list.empty() ? "" : ", ") + c.slug;
      diags.error(d.source,
                  {"lĩnh vực \"" + d.domain + "\" chưa được khai báo", "unknown domain \"" + d.domain + "\""},
                  {"dùng một lĩnh vực trong procedures/domains.yaml: " + list,
                   "use a domain declared in procedures/domains.yaml: " + list});
    }
    auto [it, inserted] = seen.emplace(d.domain, d.source);
    if (!inserted)
      diags.error(
          d.source,
          {"lĩnh vực \"" + d.domain + "\" đã có ở dòng " + std::to_string(it->second.line),
           "domain \"" + d.domain + "\" is already listed on line " + std::to_string(it->second.line)},
          {"gộp hai dòng thành một", "merge the two entries"});
  }
}

}  // namespace

const std::vector<RateInfo>& all_rates() {
  static const std::vector<RateInfo> rates = {
      {Rate::on_time, "on_time", "dung-han", "rate_on_time"},
      {Rate::online, "online", "truc-tuyen", "rate_online"},
      {Rate::digitized, "digitized", "so-hoa", "rate_digitized"},
      {Rate::digitized_results, "digitized_results", "so-hoa-ket-qua", "rate_digitized_results"},
      {Rate::online_payment, "online_payment", "thanh-toan", "rate_online_payment"},
      {Rate::satisfaction, "satisfaction", "hai-long", "rate_satisfaction"},
  };
  return rates;
}

const RateInfo* find_rate_by_slug(const std::string& slug) {
  for (const RateInfo& r : all_rates())
    if (slug == r.slug) return &r;
  return nullptr;
}

RateValue rate_of(Rate rate, const Figures& f) {
  RateValue v;
  switch (rate) {
    case Rate::on_time:
      v = {f.early + f.on_time, f.resolved, {}};
      break;
    case Rate::online:
      v = {f.received_online, f.received, {}};
      break;
    case Rate::digitized:
      v = {f.digitized_on_receipt, f.received, {}};
      break;
    case Rate::digitized_results:
      v = {f.digitized_results, f.resolved, {}};
      break;
    case Rate::online_payment:
      v = {f.paid_online, f.fee_bearing, {}};
      break;
    case Rate::satisfaction:
      v = {f.satisfied, f.answered, {}};
      break;
  }
  if (v.denominator > 0) v.hundredths = round_ratio(v.numerator, v.denominator, 10000);
  return v;
}

Assessment assess(const RateValue& value, std::optional<long long> target) {
  if (!value.hundredths || !target) return {};
  long long margin = *value.hundredths - *target;
  Verdict verdict = margin > 0 ? Verdict::exceeded : margin == 0 ? Verdict::met : Verdict::below;
  return {verdict, margin};
}

Figures year_to_date(const std::vector<const MonthResults*>& months) {
  Figures sum;
  for (const MonthResults* m : months) {
    const Figures& f = m->figures;
    for (auto [total, part] : {std::pair{&sum.received, f.received},
                               {&sum.received_online, f.received_online},
                               {&sum.received_direct, f.received_direct},
                               {&sum.resolved, f.resolved},
                               {&sum.early, f.early},
                               {&sum.on_time, f.on_time},
                               {&sum.late, f.late},
                               {&sum.digitized_on_receipt, f.digitized_on_receipt},
                               {&sum.digitized_results, f.digitized_results},
                               {&sum.paid_online, f.paid_online},
                               {&sum.fee_bearing, f.fee_bearing},
                               {&sum.answered, f.answered},
                               {&sum.satisfied, f.satisfied},
                               {&sum.complaints, f.complaints},
                               {&sum.complaints_resolved, f.complaints_resolved}})
      *total += part;
  }
  if (!months.empty()) {
    sum.carried_over = months.front()->figures.carried_over;
    sum.in_progress = months.back()->figures.in_progress;
    sum.overdue = months.back()->figures.overdue;
    sum.paused = months.back()->figures.paused;
  }
  return sum;
}

std::vector<const MonthResults*> months_of(const ResultsData& data, int year, int up_to_month) {
  std::vector<const MonthResults*> out;
  for (const MonthResults& m : data.months)
    if (m.year == year && m.month <= up_to_month) out.push_back(&m);
  return out;
}

std::optional<long long> target_of(const ResultsData& data, int year, Rate rate) {
  for (const YearTargets& t : data.targets) {
    if (t.year != year) continue;
    for (const RateInfo& r : all_rates()) {
      if (r.rate != rate) continue;
      auto it = t.hundredths.find(r.key);
      if (it != t.hundredths.end()) return it->second;
    }
  }
  return std::nullopt;
}

std::vector<DomainFigures> domains_sum(const std::vector<const MonthResults*>& months,
                                       const std::vector<Domain>& catalog) {
  std::vector<DomainFigures> out;
  for (const Domain& c : catalog) {
    DomainFigures sum;
    sum.domain = c.slug;
    bool any = false;
    for (const MonthResults* m : months)
      for (const DomainFigures& d : m->domains)
        if (d.domain == c.slug) {
          any = true;
          sum.received += d.received, sum.resolved += d.resolved, sum.online += d.online;
          sum.has_resolved |= d.has_resolved, sum.has_online |= d.has_online;
        }
    if (any) out.push_back(sum);
  }
  return out;
}

void check_month(const MonthResults& m, Diagnostics& diags) {
  const Figures& f = m.figures;
  check_part(m, "received.online", f.received_online, "received.total", f.received, diags);
  check_part(m, "resolved.early", f.early + f.on_time, "resolved.total", f.resolved, diags);
  check_part(m, "digitized.on_receipt", f.digitized_on_receipt, "received.total", f.received, diags);
  check_part(m, "digitized.results", f.digitized_results, "resolved.total", f.resolved, diags);
  check_part(m, "online_payment.paid", f.paid_online, "online_payment.fee_bearing", f.fee_bearing, diags);
  check_part(m, "survey.satisfied", f.satisfied, "survey.answered", f.answered, diags);
  check_part(m, "complaints.resolved", f.complaints_resolved, "complaints.received", f.complaints, diags);
  if (f.early + f.on_time <= f.resolved && f.early + f.on_time + f.late != f.resolved)
    warn_mismatch(diags, place(m, "resolved.total"), {"đã giải quyết", "resolved"}, f.resolved,
                  {"trước hạn + đúng hạn + quá hạn", "early + on time + late"}, f.early + f.on_time + f.late);
  if (f.received_online <= f.received && f.received_online + f.received_direct != f.received)
    warn_mismatch(diags, place(m, "received.total"), {"tiếp nhận", "received"}, f.received,
                  {"trực tuyến + trực tiếp", "online + direct"}, f.received_online + f.received_direct);
  check_domain_sums(m, diags);
  long long in = f.carried_over + f.received;
  long long out = f.resolved + f.in_progress + f.overdue + f.paused;
  if (in != out)
    warn_mismatch(diags, place(m, "received.carried_over"),
                  {"kỳ trước chuyển sang + tiếp nhận", "carried over + received"}, in,
                  {"đã giải quyết + đang giải quyết + tạm dừng", "resolved + in progress + paused"}, out);
}

ResultsData build_results(ResultsData data, const std::vector<Domain>& domains, Diagnostics& diags) {
  std::stable_sort(data.months.begin(), data.months.end(), [](const MonthResults& a, const MonthResults& b) {
    return rate_order(a) < rate_order(b);
  });
  for (std::size_t i = 0; i < data.months.size(); ++i) {
    const MonthResults& m = data.months[i];
    if (i > 0 && rate_order(data.months[i - 1]) == rate_order(m)) {
      const SourcePos& first = data.months[i - 1].source;
      diags.error(m.at_month,
                  {"tháng " + month_key(m.year, m.month) + " đã có ở " + first.file,
                   "month " + month_key(m.year, m.month) + " is already in " + first.file},
                  {"mỗi tháng chỉ có một tệp; xóa hoặc gộp một trong hai",
                   "one file per month; remove or merge one"});
    }
    check_known_domains(m, domains, diags);
    check_month(m, diags);
  }
  std::stable_sort(data.targets.begin(), data.targets.end(),
                   [](const YearTargets& a, const YearTargets& b) { return a.year < b.year; });
  for (std::size_t i = 1; i < data.targets.size(); ++i)
    if (data.targets[i].year == data.targets[i - 1].year)
      diags.error(data.targets[i].source,
                  {"chỉ tiêu năm " + std::to_string(data.targets[i].year) + " đã khai báo ở dòng " +
                       std::to_string(data.targets[i - 1].source.line),
                   "targets for " + std::to_string(data.targets[i].year) + " are already given on line " +
                       std::to_string(data.targets[i - 1].source.line)},
                  {"mỗi năm chỉ khai báo một lần", "give each year once"});
  return data;
}

std::string month_key(int year, int month) {
  std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
  return std::to_string(year) + "-" + mm;
}

std::optional<long long> parse_percent(const std::string& text) {
  std::size_t sep = text.find_first_of(".,");
  std::string whole = text.substr(0, sep);
  std::string frac = sep == std::string::npos ? "" : text.substr(sep + 1);
  auto digits = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 3 || frac.size() > 2 || !digits(whole) || !digits(frac))
    return std::nullopt;
  if (sep != std::string::npos && frac.empty()) return std::nullopt;
  while (frac.size() < 2) frac += '0';
  long long value = std::stoll(whole) * 100 + std::stoll(frac);
  if (value > 10000) return std::nullopt;
  return value;
}

std::string scaffold_results(int year, int month) {
  std::string key = month_key(year, month);
  return "---\n"
         "# Kết quả giải quyết thủ tục hành chính tháng " +
         std::to_string(month) + "/" + std::to_string(year) +
         ".\n"
         "# Ghi số nguyên, không dấu chấm phân cách hàng nghìn (viết 2528, không viết 2.528).\n"
         "# Trường bỏ trống được tính là 0. Giải thích từng trường: docs/reference.md.\n"
         "month: " +
         key + "          # phải trùng tên tệp " + key +
         ".md\n"
         "received:\n"
         "  total: 0              # số hồ sơ tiếp nhận mới trong tháng\n"
         "  online: 0             # trong đó: trực tuyến\n"
         "  direct: 0             # trong đó: trực tiếp và qua bưu chính\n"
         "  carried_over: 0       # kỳ trước chuyển sang\n"
         "resolved:\n"
         "  total: 0              # số hồ sơ đã giải quyết\n"
         "  early: 0              # trước hạn\n"
         "  on_time: 0            # đúng hạn\n"
         "  late: 0               # quá hạn\n"
         "in_progress:\n"
         "  within_limit: 0       # đang giải quyết, còn trong hạn\n"
         "  overdue: 0            # đang giải quyết, đã quá hạn\n"
         "paused: 0               # tạm dừng, trả lại, chờ bổ sung\n"
         "digitized:\n"
         "  on_receipt: 0         # số hóa khi tiếp nhận\n"
         "  results: 0            # số hóa kết quả giải quyết\n"
         "online_payment:\n"
         "  paid: 0               # thanh toán trực tuyến\n"
         "  fee_bearing: 0        # hồ sơ của thủ tục có phí, lệ phí\n"
         "survey:\n"
         "  answered: 0           # số phiếu khảo sát thu về\n"
         "  satisfied: 0          # số phiếu hài lòng\n"
         "complaints:\n"
         "  received: 0           # phản ánh, kiến nghị nhận được\n"
         "  resolved: 0           # đã xử lý\n"
         "domains:                # theo lĩnh vực (slug trong procedures/domains.yaml)\n"
         "  - domain: ho-tich\n"
         "    received: 0\n"
         "    resolved: 0\n"
         "    online: 0\n"
         "---\n"
         "Nhận xét của Ban biên tập (không bắt buộc, viết bằng Markdown).\n";
}

}  // namespace ck
