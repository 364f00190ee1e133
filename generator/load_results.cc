// Loads content/results/YYYY-MM.md (one month's figures and commentary) and
// content/targets.yaml (the targets of each year).
#include <algorithm>

#include "fields.h"
#include "front_matter.h"
#include "load.h"
#include "results.h"

namespace ck {
namespace {

// Reads one count into `out`, remembering where it was written; a count
// below zero is an error.
void read_count(Fields& fields, const std::string& prefix, const std::string& key, long long& out,
                MonthResults& m, Need need = Need::optional) {
  std::string name = prefix.empty() ? key : prefix + "." + key;
  auto value = fields.integer(key, need);
  if (!value) return;
  m.at[name] = fields.pos_of(key);
  if (*value < 0) {
    fields.diags().error(fields.pos_of(key),
                         {"\"" + name + "\" là số âm (" + std::to_string(*value) + ")",
                          "\"" + name + "\" is negative (" + std::to_string(*value) + ")"},
                         {"số hồ sơ, số phiếu phải từ 0 trở lên", "counts are 0 or more"});
    return;
  }
  out = *value;
}

struct CountField {
  const char* key;
  long long Figures::*member;
  Need need = Need::optional;
};

void read_group(Fields& root, const std::string& group, const std::vector<CountField>& counts,
                MonthResults& m, Need need = Need::optional) {
  auto fields = root.map(group, need);
  if (!fields) return;
  m.at[group] = root.pos_of(group);
  for (const CountField& c : counts) read_count(*fields, group, c.key, m.figures.*(c.member), m, c.need);
  fields->warn_unknown_keys();
}

void read_domains(Fields& root, MonthResults& m) {
  if (root.has("domains")) m.at["domains"] = root.pos_of("domains");
  for (Fields& item : root.map_list("domains")) {
    DomainFigures d;
    d.source = item.pos_of("domain");
    d.domain = item.text("domain", Need::required);
    MonthResults scratch;  // positions of per-domain counts are not needed later
    read_count(item, "", "received", d.received, scratch, Need::required);
    d.has_resolved = item.has("resolved");
    d.has_online = item.has("online");
    read_count(item, "", "resolved", d.resolved, scratch);
    read_count(item, "", "online", d.online, scratch);
    item.warn_unknown_keys();
    m.domains.push_back(std::move(d));
  }
}

std::string base_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "2023-05" -> {2023, 5}; anything else -> {0, 0}.
std::pair<int, int> parse_month(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return {0, 0};
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (text[i] < '0' || text[i] > '9') return {0, 0};
  int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2));
  if (month < 1 || month > 12 || year < 1900) return {0, 0};
  return {year, month};
}

void check_month_field(const Fields& fields, const std::string& path, const std::string& written,
                       MonthResults& m, Diagnostics& diags) {
  std::string name = base_name(path);
  std::string from_name = name.ends_with(".md") ? name.substr(0, name.size() - 3) : name;
  auto [file_year, file_month] = parse_month(from_name);
  if (file_year == 0) {
    diags.error({path, 1, 1},
                {"tên tệp kết quả phải có dạng NĂM-THÁNG.md, không phải \"" + name + "\"",
                 "a results file must be named YEAR-MONTH.md, not \"" + name + "\""},
                {"ví dụ: content/results/2023-05.md", "e.g. content/results/2023-05.md"});
    return;
  }
  if (written.empty()) return;  // reported as missing
  auto [year, month] = parse_month(written);
  if (year == 0) {
    diags.error(fields.pos_of("month"),
                {"tháng \"" + written + "\" không hợp lệ", "invalid month \"" + written + "\""},
                {"viết NĂM-THÁNG, ví dụ " + from_name, "write YEAR-MONTH, e.g. " + from_name});
    return;
  }
  if (year != file_year || month != file_month) {
    diags.error(fields.pos_of("month"),
                {"tháng " + written + " không khớp với tên tệp " + name,
                 "month " + written + " does not match the file name " + name},
                {"sửa \"month:\" thành " + from_name + " hoặc đổi tên tệp thành " + written + ".md",
                 "set \"month:\" to " + from_name + " or rename the file to " + written + ".md"});
    return;
  }
  m.year = year, m.month = month;
}

}  // namespace

std::optional<MonthResults> load_month_results(const SourceFile& file, Diagnostics& diags) {
  auto fm = split_front_matter(file, diags);
  if (!fm) return std::nullopt;
  auto fields = Fields::parse(fm->yaml, {file.path, fm->yaml_first_line, 1}, diags);
  if (!fields) return std::nullopt;
  MonthResults m;
  m.source = {file.path, 1, 1};
  // A month written as 2023-05 is a text to YAML; quoted or not, read it as text.
  std::string written = fields->text("month", Need::required);
  m.at_month = fields->pos_of("month");
  check_month_field(*fields, file.path, written, m, diags);
  using F = Figures;
  read_group(*fields, "received",
             {{"total", &F::received, Need::required},
              {"online", &F::received_online},
              {"direct", &F::received_direct},
              {"carried_over", &F::carried_over}},
             m, Need::required);
  read_group(*fields, "resolved",
             {{"total", &F::resolved, Need::required},
              {"early", &F::early},
              {"on_time", &F::on_time},
              {"late", &F::late}},
             m, Need::required);
  read_group(*fields, "in_progress", {{"within_limit", &F::in_progress}, {"overdue", &F::overdue}}, m);
  read_count(*fields, "", "paused", m.figures.paused, m);
  read_group(*fields, "digitized",
             {{"on_receipt", &F::digitized_on_receipt}, {"results", &F::digitized_results}}, m);
  read_group(*fields, "online_payment", {{"paid", &F::paid_online}, {"fee_bearing", &F::fee_bearing}}, m);
  read_group(*fields, "survey", {{"answered", &F::answered}, {"satisfied", &F::satisfied}}, m);
  read_group(*fields, "complaints", {{"received", &F::complaints}, {"resolved", &F::complaints_resolved}}, m);
  read_domains(*fields, m);
  m.commentary = {fm->body, {file.path, fm->body_first_line, 1}};
  fields->warn_unknown_keys();
  if (m.year == 0) return std::nullopt;
  return m;
}

std::vector<YearTargets> load_targets(const SourceFile& file, Diagnostics& diags) {
  auto root = Fields::parse(file.text, {file.path, 1, 1}, diags);
  if (!root) return {};
  std::vector<YearTargets> out;
  for (Fields& item : root->map_list("years", Need::required)) {
    YearTargets t;
    t.source = item.pos_of("year");
    t.year = static_cast<int>(item.integer("year", Need::required).value_or(0));
    for (const RateInfo& rate : all_rates()) {
      std::string raw = item.text(rate.key);
      if (raw.empty()) continue;
      if (auto value = parse_percent(raw))
        t.hundredths[rate.key] = *value;
      else
        diags.error(item.pos_of(rate.key),
                    {"chỉ tiêu \"" + std::string(rate.key) +
                         "\" phải là một tỷ lệ phần trăm từ 0 đến 100, không phải \"" + raw + "\"",
                     "target \"" + std::string(rate.key) + "\" must be a percentage from 0 to 100, not \"" +
                         raw + "\""},
                    {"viết số phần trăm, không kèm dấu %, tối đa hai chữ số thập phân, ví dụ 97 hoặc 97.5",
                     "write the percentage without %, at most two decimals, e.g. 97 or 97.5"});
    }
    item.warn_unknown_keys();
    if (t.year > 0) out.push_back(std::move(t));
  }
  root->warn_unknown_keys();
  return out;
}

ResultsData load_results(const std::string& content_dir, const Disk& disk, Diagnostics& diags) {
  ResultsData data;
  std::string dir = content_dir + "/results";
  if (disk.is_directory(dir))
    for (const std::string& path : disk.list(dir, ".md"))
      if (auto file = read_source(disk, path, diags))
        if (auto month = load_month_results(*file, diags)) data.months.push_back(std::move(*month));
  std::string targets = content_dir + "/targets.yaml";
  std::vector<std::string> yaml = disk.list(content_dir, ".yaml");
  if (std::find(yaml.begin(), yaml.end(), targets) != yaml.end())
    if (auto file = read_source(disk, targets, diags)) data.targets = load_targets(*file, diags);
  return data;
}

}  // namespace ck
