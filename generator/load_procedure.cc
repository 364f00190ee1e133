// Loading one procedure file: the fields of the national procedure database.
#include <algorithm>

#include "fields.h"
#include "fingerprint.h"
#include "front_matter.h"
#include "load.h"
#include "load_qr.h"
#include "procedure_cache.h"
#include "urls.h"

namespace ck {
namespace {

OnlineService parse_online_service(Fields& fields) {
  std::string value = fields.choice("online_service", {"toan-trinh", "mot-phan", "khong"}, "khong");
  if (value == "toan-trinh") return OnlineService::full;
  if (value == "mot-phan") return OnlineService::partial;
  return OnlineService::none;
}

std::vector<Channel> load_channels(Fields& fields) {
  std::vector<Channel> channels;
  for (Fields& row : fields.map_list("channels", Need::required)) {
    Channel channel;
    std::string kind = row.choice("channel", {"truc-tiep", "truc-tuyen", "buu-chinh"}, "truc-tiep");
    channel.kind = kind == "truc-tuyen" ? ChannelKind::online
                   : kind == "buu-chinh" ? ChannelKind::postal
                                         : ChannelKind::direct;
    channel.time_limit = row.text("time_limit", Need::required);
    channel.fee = row.text("fee", Need::required);
    channel.note = row.text("note");
    row.warn_unknown_keys();
    channels.push_back(std::move(channel));
  }
  if (channels.empty() && fields.has("channels"))
    fields.diags().error(fields.pos_of("channels"),
                         {"cần ít nhất một cách thức thực hiện", "at least one channel is needed"},
                         {"thêm một mục \"- channel: truc-tiep\" với time_limit và fee",
                          "add an item \"- channel: truc-tiep\" with time_limit and fee"});
  return channels;
}

long long count_field(Fields& row, std::string_view key) {
  long long n = row.integer(key).value_or(0);
  if (n >= 0) return n;
  row.diags().error(row.pos_of(key), {"số bản không được âm", "a number of copies cannot be negative"},
                    {"ghi 0 nếu không cần bản nào", "write 0 when none is needed"});
  return 0;
}

// A form is a web address or a file inside the site, written from the site
// root or relative: no "..", no other scheme or host, so the link cannot
// leave the site. Whether the file exists is checked by the model.
bool is_site_file(std::string_view path) {
  if (path.starts_with("/")) path.remove_prefix(1);  // from the site root, e.g. /static/mau.pdf
  if (path.starts_with("/") || path.find_first_of(":\\") != std::string_view::npos) return false;
  for (std::size_t start = 0, end; start <= path.size(); start = end + 1) {
    end = std::min(path.find('/', start), path.size());
    if (path.substr(start, end - start) == "..") return false;
  }
  return true;
}

Paper load_paper(Fields& row) {
  Paper paper;
  paper.name = row.text("name", Need::required);
  paper.originals = count_field(row, "originals");
  paper.copies = count_field(row, "copies");
  paper.form = row.text("form");
  if (!paper.form.empty() && !is_web_url(paper.form) && !is_site_file(paper.form)) {
    row.diags().error(row.pos_of("form"),
                      {"form phải là địa chỉ web hoặc đường dẫn tệp trong trang",
                       "form must be a web address or a file path inside the site"},
                      {"ví dụ https://dichvucong.gov.vn/… hoặc /static/mau-don/to-khai.pdf, không dùng \"..\"",
                       "e.g. https://dichvucong.gov.vn/… or /static/mau-don/to-khai.pdf, without \"..\""});
    paper.form.clear();  // reported once; the model need not look for it
  }
  paper.form_at = row.pos_of("form");
  paper.note = row.text("note");
  row.warn_unknown_keys();
  return paper;
}

// Items are papers, or groups of papers for one case. Consecutive papers
// outside any case form one group with an empty case name.
std::vector<PaperGroup> load_documents(Fields& fields) {
  std::vector<PaperGroup> groups;
  for (Fields& item : fields.map_list("documents")) {
    if (item.has("case")) {
      PaperGroup group{item.text("case", Need::required), {}};
      for (Fields& row : item.map_list("items", Need::required)) group.papers.push_back(load_paper(row));
      item.warn_unknown_keys();
      groups.push_back(std::move(group));
      continue;
    }
    if (groups.empty() || !groups.back().case_name.empty()) groups.push_back({});
    groups.back().papers.push_back(load_paper(item));
  }
  return groups;
}

std::vector<LegalDocument> load_legal_basis(Fields& fields) {
  std::vector<LegalDocument> basis;
  for (Fields& row : fields.map_list("legal_basis")) {
    LegalDocument doc;
    doc.number = row.text("number");
    doc.title = row.text("title", Need::required);
    doc.date = row.date("date");
    doc.issuer = row.text("issuer");
    row.warn_unknown_keys();
    basis.push_back(std::move(doc));
  }
  return basis;
}

void load_agencies(Fields& fields, Agencies& agency) {
  auto map = fields.map("agency");
  if (!map) return;
  agency.performing = map->text("performing");
  agency.authority = map->text("authority");
  agency.coordinating = map->text("coordinating");
  map->warn_unknown_keys();
}

std::uint64_t checklist_hash(const ProcedureDetails& d) {
  Fingerprint key;
  key.add(d.submit_at);
  for (const PaperGroup& group : d.documents) {
    key.add(group.case_name).add(group.papers.size());
    for (const Paper& paper : group.papers)
      key.add(paper.name)
          .add(static_cast<std::uint64_t>(paper.originals))
          .add(static_cast<std::uint64_t>(paper.copies));
  }
  return key.value();
}

void check_online_link(Fields& fields, Procedure& p) {
  if (!p.online_url.empty() && !is_web_url(p.online_url))
    fields.diags().error(fields.pos_of("online_url"),
                         {"online_url phải là địa chỉ web đầy đủ", "online_url must be a full web address"},
                         {"bắt đầu bằng https://, ví dụ https://dichvucong.gov.vn/…",
                          "start with https://, e.g. https://dichvucong.gov.vn/…"});
  if (p.online != OnlineService::none && p.online_url.empty())
    fields.diags().warning(fields.pos_of("online_service"),
                           {"thủ tục có dịch vụ trực tuyến nhưng thiếu online_url",
                            "the procedure is offered online but has no online_url"},
                           {"thêm online_url để trang có nút \"Nộp hồ sơ trực tuyến\"",
                            "add online_url so the page gets a \"Nộp hồ sơ trực tuyến\" link"});
}

}  // namespace

std::optional<Procedure> load_procedure(const SourceFile& file, Diagnostics& diags) {
  auto doc = read_document(file, diags);
  if (!doc) return std::nullopt;
  Fields* fields = &doc->fields;
  Procedure p;
  p.source = {file.path, 1, 1};
  p.source_hash = Fingerprint().add(file.path).add(file.text).value();
  p.code = fields->text("code");
  p.name = fields->text("name", Need::required);
  p.domain = fields->text("domain", Need::required);
  p.slug = fields->text("slug");
  p.level = fields->text("level");
  if (p.level.empty()) p.level = "Cấp xã";
  p.type = fields->text("type");
  ProcedureDetails details;
  details.summary = fields->text("summary");
  details.applicants = fields->text_list("applicants");
  load_agencies(*fields, details.agency);
  details.submit_at = fields->text("submit_at");
  p.online = parse_online_service(*fields);
  p.online_url = fields->text("online_url");
  check_online_link(*fields, p);
  details.channels = load_channels(*fields);
  if (!details.channels.empty()) {
    p.time_limit = details.channels.front().time_limit;
    p.fee = details.channels.front().fee;
  }
  details.documents = load_documents(*fields);
  for (const PaperGroup& group : details.documents)
    for (const Paper& paper : group.papers)
      if (internal_link_path(paper.form)) p.site_forms.push_back({paper.form, paper.form_at.place()});
  p.checklist_hash = checklist_hash(details);
  details.result = fields->text("result");
  details.conditions = fields->text_list("conditions");
  details.legal_basis = load_legal_basis(*fields);
  p.keywords = fields->text_list("keywords");
  p.related = fields->text_list("related");
  p.at = {fields->pos_of("code").place(), fields->pos_of("name").place(), fields->pos_of("domain").place(),
          fields->place_of("slug").place()};
  details.body = std::move(doc->body);
  load_procedure_qr(*fields, p);
  fields->warn_unknown_keys();
  p.details = encode_details(std::move(details));
  return p;
}

}  // namespace ck
