#include "model.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "disk.h"
#include "fingerprint.h"
#include "news.h"
#include "results.h"
#include "slug.h"
#include "unicode.h"
#include "urls.h"

namespace ck {
namespace {

std::string where(const SourcePos& pos) {
  return pos.file + (pos.line > 0 ? ":" + std::to_string(pos.line) : "");
}

// Remembers which source claimed each output URL, to report both on a clash.
class UrlClaims {
 public:
  UrlClaims(Diagnostics& diags, std::size_t expected) : diags_(diags) { owners_.reserve(expected); }
  // The owner is at `place` in the file of `source`, which must outlive the
  // claims.
  void claim(std::string path, const SourcePos& source, Place place) {
    auto [it, inserted] = owners_.emplace(std::move(path), Owner{&source, place});
    if (inserted) return;
    const std::string other = where(it->second.source->at(it->second.place));
    diags_.error(source.at(place),
                 {"địa chỉ /" + it->first + " trùng với trang của " + other,
                  "URL /" + it->first + " is also used by " + other},
                 {"đặt \"slug:\" khác cho một trong hai tệp", "give one of the two files another \"slug:\""});
  }

 private:
  struct Owner {
    const SourcePos* source;
    Place place;
  };
  Diagnostics& diags_;
  std::unordered_map<std::string, Owner> owners_;
};

// Slugs and codes name output directories; file systems allow 255 bytes.
constexpr std::size_t kMaxNameInUrl = 200;

const Text kShorterSlug{"thêm trường \"slug:\" ngắn hơn, ví dụ dang-ky-khai-sinh",
                        "add a shorter \"slug:\" field, e.g. dang-ky-khai-sinh"};

// `name` is at `place` in the file of `source`; the error's position is
// made only for a name too long, since every rebuild checks every procedure.
// Does not quote the name: it may be megabytes long.
bool check_length(const std::string& name, const SourcePos& source, Place place, Diagnostics& diags,
                  const Text& hint = kShorterSlug) {
  if (name.size() <= kMaxNameInUrl) return true;
  std::string size = std::to_string(name.size()), limit = std::to_string(kMaxNameInUrl);
  diags.error(source.at(place),
              {"địa chỉ quá dài (" + size + " ký tự, tối đa " + limit + ")",
               "the URL is too long (" + size + " characters, at most " + limit + ")"},
              hint);
  return false;
}

void check_domains(std::vector<Domain>& domains, Diagnostics& diags) {
  std::map<std::string, SourcePos> seen;
  for (const Domain& d : domains) {
    if (!d.slug.empty() && check_length(d.slug, d.source, d.source.place(), diags) && !is_valid_slug(d.slug))
      diags.error(d.source, {"slug lĩnh vực \"" + d.slug + "\" không hợp lệ", "invalid domain slug \"" + d.slug + "\""},
                  {"chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ ho-tich",
                   "use lowercase ASCII letters, digits and hyphens, e.g. ho-tich"});
    auto [it, inserted] = seen.emplace(d.slug, d.source);
    if (!inserted)
      diags.error(d.source, {"lĩnh vực \"" + d.slug + "\" đã khai báo ở " + where(it->second),
                             "domain \"" + d.slug + "\" is already declared at " + where(it->second)},
                  {"xóa một trong hai mục", "remove one of the two entries"});
  }
  std::stable_sort(domains.begin(), domains.end(),
                   [](const Domain& a, const Domain& b) { return std::tie(a.order, a.slug) < std::tie(b.order, b.slug); });
}

void assign_slug(std::string& slug, const std::string& title, const SourcePos& source, const FieldPlaces& at,
                 Diagnostics& diags) {
  if (!slug.empty()) {
    if (check_length(slug, source, at.slug, diags) && !is_valid_slug(slug))
      diags.error(source.at(at.slug), {"slug \"" + slug + "\" không hợp lệ", "invalid slug \"" + slug + "\""},
                  {"chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ dang-ky-khai-sinh",
                   "use lowercase ASCII letters, digits and hyphens, e.g. dang-ky-khai-sinh"});
    return;
  }
  slug = slugify(title);
  if (slug.empty() && !title.empty())
    diags.error(source.at(at.name),
                {"không tạo được địa chỉ (slug) từ tên \"" + title + "\"",
                 "cannot make a URL slug from the title \"" + title + "\""},
                {"thêm trường \"slug:\" bằng chữ không dấu", "add a \"slug:\" field in plain ASCII"});
  check_length(slug, source, at.name, diags);
}

void check_domain_known(const Procedure& p, const std::vector<Domain>& domains, Diagnostics& diags) {
  if (p.domain.empty()) return;
  auto known = std::find_if(domains.begin(), domains.end(), [&](const Domain& d) { return d.slug == p.domain; });
  if (known != domains.end()) return;
  std::string list;
  for (const Domain& d : domains) list += (list.empty() ? "" : ", ") + d.slug;
  diags.error(p.source.at(p.at.domain),
              {"lĩnh vực \"" + p.domain + "\" chưa được khai báo", "unknown domain \"" + p.domain + "\""},
              {"dùng một lĩnh vực trong procedures/domains.yaml: " + list,
               "use a domain declared in procedures/domains.yaml: " + list});
}

void check_codes(std::vector<Procedure>& procedures, Diagnostics& diags) {
  std::unordered_map<std::string_view, const Procedure*> seen;
  seen.reserve(procedures.size());
  for (const Procedure& p : procedures) {
    if (p.code.empty()) {
      diags.warning(p.source, {"thủ tục \"" + p.name + "\" chưa có mã, nên không có địa chỉ ngắn /tthc/ và mã QR",
                               "procedure \"" + p.name + "\" has no code, so it gets no /tthc/ short URL and no QR code"},
                    {"thêm trường \"code:\" theo Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001193",
                     "add a \"code:\" field from the national database, e.g. 1.001193"});
      continue;
    }
    if (!check_length(p.code, p.source, p.at.code, diags,
                      {"kiểm tra mã theo Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001193",
                       "check the code in the national database, e.g. 1.001193"}))
      continue;
    if (!is_valid_code(p.code)) {
      diags.error(p.source.at(p.at.code),
                  {"mã thủ tục \"" + p.code + "\" không hợp lệ", "invalid procedure code \"" + p.code + "\""},
                  {"mã gồm chữ số, chữ cái và dấu chấm, ví dụ 1.001193 hoặc 1.001193.000.00.00.H35",
                   "a code is digits, letters and dots, e.g. 1.001193 or 1.001193.000.00.00.H35"});
      continue;
    }
    auto [it, inserted] = seen.emplace(p.code, &p);
    if (inserted) continue;
    const std::string other = where(it->second->source.at(it->second->at.code));
    diags.error(p.source.at(p.at.code),
                {"mã thủ tục \"" + p.code + "\" trùng với " + other,
                 "procedure code \"" + p.code + "\" is also used by " + other},
                {"mỗi thủ tục có một mã riêng; kiểm tra lại mã của hai tệp",
                 "each procedure has its own code; check both files"});
  }
}

void check_related(const Site& site, Diagnostics& diags) {
  for (const Procedure& p : site.procedures)
    for (const std::string& code : p.related)
      if (!site.find_procedure(code))
        diags.warning(p.source, {"thủ tục liên quan \"" + code + "\" không có trong danh mục",
                                 "related procedure \"" + code + "\" is not in the catalog"},
                      {"kiểm tra mã, hoặc bỏ mã này khỏi \"related\"", "check the code, or remove it from \"related\""});
}

void check_pages(std::vector<Page>& pages, Diagnostics& diags) {
  for (Page& page : pages) {
    assign_slug(page.slug, page.title, page.source, page.at, diags);
    if (is_reserved_section(page.slug))
      diags.error(page.source.at(page.at.slug_or_name()),
                  {"địa chỉ /" + page.slug + "/ dành cho trang do hệ thống tạo",
                   "the URL /" + page.slug + "/ is reserved for generated pages"},
                  {"đặt \"slug:\" khác cho trang này", "give this page another \"slug:\""});
  }
  std::stable_sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) {
    return std::tuple(a.menu.value_or(1LL << 40), sort_key(a.title), a.source.file) <
           std::tuple(b.menu.value_or(1LL << 40), sort_key(b.title), b.source.file);
  });
}

void claim_urls(const Site& site, Diagnostics& diags) {
  UrlClaims claims(
      diags, site.domains.size() + 2 * site.procedures.size() + site.pages.size() + site.news.posts.size());
  // Duplicate domains and codes are reported by their own checks; claim
  // their URLs once so the clash is not reported twice.
  for (const Domain& d : site.domains)
    if (site.find_domain(d.slug) == &d) claims.claim(domain_path(d), d.source, d.source.place());
  for (const Procedure& p : site.procedures) {
    claims.claim(procedure_path(p), p.source, p.at.slug_or_name());
    if (is_valid_code(p.code) && site.find_procedure(p.code) == &p)
      claims.claim(short_path(p.code), p.source, p.at.code);
  }
  for (const Page& page : site.pages) claims.claim(page_path(page), page.source, page.at.slug_or_name());
  for (const Post& post : site.news.posts) claims.claim(post_path(post), post.source, post.at.slug_or_name());
}

// A cover is a file the editor put under content/static/.
void check_covers(std::vector<Post>& posts, const Site& site, Diagnostics& diags) {
  for (Post& post : posts) {
    if (post.cover.empty()) continue;
    std::optional<std::string> path = internal_link_path(post.cover);
    if (path && site.has_path(*path)) {
      post.cover = *path;
      continue;
    }
    diags.error(post.cover_at, {"không tìm thấy ảnh bìa \"" + post.cover + "\"", "cover image \"" + post.cover + "\" not found"},
                {"đặt ảnh vào content/static/ và ghi đường dẫn từ gốc trang, ví dụ /static/tin-tuc/anh.jpg",
                 "put the picture under content/static/ and write its path from the site root, e.g. /static/tin-tuc/anh.jpg"});
  }
}

// A form to download is a web address or a file under content/static/.
void check_forms(const std::vector<Procedure>& procedures, const Site& site, Diagnostics& diags) {
  for (const Procedure& p : procedures)
    for (const FormLink& link : p.site_forms) {
      std::optional<std::string> path = internal_link_path(link.form);
      if (!path || site.has_path(*path)) continue;
      diags.error(
          p.source.at(link.at),
          {"không tìm thấy mẫu đơn \"" + link.form + "\"", "form \"" + link.form + "\" not found"},
          {"đặt tệp vào content/static/ và ghi /static/<tên tệp>, hoặc ghi địa chỉ web đầy đủ https://…",
           "put the file under content/static/ and write /static/<file name>, or a full https://… address"});
    }
}

// Every address the site will have, so links written by editors can be
// checked against it.
std::set<std::string> collect_paths(const Site& site) {
  std::set<std::string> paths = {"", std::string(kCatalogPath), std::string(kSearchPath), "sitemap.xml"};
  for (const Domain& d : site.domains) paths.insert(domain_path(d));
  for (const Procedure& p : site.procedures) {
    paths.insert(procedure_path(p));
    if (!p.code.empty()) paths.insert(short_path(p.code));
  }
  for (const Page& page : site.pages) paths.insert(page_path(page));
  if (!site.news.posts.empty()) {
    paths.insert(std::string(kFeedPath));
    std::size_t pages = paginate(site.news.posts.size(), site.news.per_page).size();
    for (std::size_t n = 1; n <= pages; ++n) paths.insert(news_page_path(static_cast<long long>(n)));
  }
  for (const Post& post : site.news.posts) paths.insert(post_path(post));
  for (const Tag& tag : site.news.tags) paths.insert(tag_path(tag));
  for (const Month& month : site.news.months) paths.insert(month_path(month));
  for (const StaticFile& file : site.static_files) paths.insert(file.output_path);
  return paths;
}

// Moves items into their new order in place, following each cycle of the
// permutation, instead of into a second vector of fresh memory.
template <typename T>
void permute(std::vector<T>& items, const std::vector<std::size_t>& order) {
  std::vector<char> placed(items.size(), 0);
  for (std::size_t start = 0; start < items.size(); ++start) {
    if (placed[start] || order[start] == start) continue;
    T held = std::move(items[start]);
    std::size_t k = start;
    while (order[k] != start) {
      items[k] = std::move(items[order[k]]);
      placed[k] = 1;
      k = order[k];
    }
    items[k] = std::move(held);
    placed[k] = 1;
  }
}

void order_procedures(Site& site) {
  std::map<std::string, std::size_t> domain_rank;
  for (std::size_t i = 0; i < site.domains.size(); ++i) domain_rank[site.domains[i].slug] = i;
  auto rank = [&](const Procedure& p) {
    auto it = domain_rank.find(p.domain);
    return it == domain_rank.end() ? site.domains.size() : it->second;  // unknown: already an error
  };
  // Keys are computed once: folding diacritics inside the comparator would
  // run it n log n times.
  using Key = std::tuple<std::size_t, std::string, std::string_view, std::string_view>;
  std::vector<std::pair<Key, std::size_t>> keys;
  keys.reserve(site.procedures.size());
  for (std::size_t i = 0; i < site.procedures.size(); ++i) {
    const Procedure& p = site.procedures[i];
    keys.push_back({Key(rank(p), sort_key(p.name), p.code, p.source.file), i});
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> order;  // position k takes the procedure at order[k]
  order.reserve(keys.size());
  for (const auto& [key, i] : keys) order.push_back(i);
  permute(site.procedures, order);
  for (std::size_t i = 0; i < site.procedures.size(); ++i) {
    const Procedure& p = site.procedures[i];
    if (!p.code.empty()) site.procedure_by_code.emplace(p.code, i);
    if (rank(p) < site.domains.size()) site.domains[rank(p)].procedures.push_back(i);
  }
}

}  // namespace

StoredDetails::StoredDetails(std::string bytes) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  bytes_ = *owned;
  owner_ = std::move(owned);
}

StoredDetails::StoredDetails(std::shared_ptr<const OpenFile> file, std::uint64_t offset, std::uint64_t size,
                             std::uint64_t print)
    : file_(std::move(file)), offset_(offset), size_(size), print_(print) {}

std::optional<std::string_view> StoredDetails::bytes(std::string* buffer) const {
  if (!file_) return bytes_;
  if (!file_->read_at(offset_, size_, buffer) || Fingerprint().add(*buffer).value() != print_)
    return std::nullopt;
  return *buffer;
}

bool StoredDetails::operator==(const StoredDetails& other) const {
  std::string mine, theirs;
  return bytes(&mine) == other.bytes(&theirs);
}

std::string sort_key(const std::string& text) { return fold_diacritics(text) + '\x01' + text; }

const Domain* Site::find_domain(const std::string& slug) const {
  for (const Domain& d : domains)
    if (d.slug == slug) return &d;
  return nullptr;
}

const Procedure* Site::find_procedure(const std::string& code) const {
  auto it = procedure_by_code.find(code);
  return it == procedure_by_code.end() ? nullptr : &procedures[it->second];
}

Site build_model(Sources sources, Diagnostics& diags) { return build_model(std::move(sources), {}, diags); }

Site build_model(Sources sources, const PublishPolicy& publish, Diagnostics& diags) {
  Site site;
  site.config = std::move(sources.config);
  check_domains(sources.domains, diags);
  site.domains = std::move(sources.domains);
  for (Procedure& p : sources.procedures) {
    assign_slug(p.slug, p.name, p.source, p.at, diags);
    check_domain_known(p, site.domains, diags);
  }
  check_codes(sources.procedures, diags);
  check_pages(sources.pages, diags);
  site.procedures = std::move(sources.procedures);
  site.pages = std::move(sources.pages);
  order_procedures(site);
  site.news = build_news(std::move(sources.posts), site.config.news_per_page, publish, diags);
  site.static_files = std::move(sources.static_files);
  claim_urls(site, diags);
  check_related(site, diags);
  site.results = build_results(std::move(sources.results), site.domains, diags);
  site.paths = collect_paths(site);
  check_covers(site.news.posts, site, diags);
  check_forms(site.procedures, site, diags);
  return site;
}

}  // namespace ck
