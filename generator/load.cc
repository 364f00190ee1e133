#include "load.h"

#include "fields.h"
#include "fingerprint.h"
#include "front_matter.h"
#include "load_qr.h"
#include "parallel.h"
#include "procedure_cache.h"
#include "slug.h"

namespace ck {
namespace {

Text read_failure(const std::string& reason) {
  if (reason == "is a directory") return {"đây là một thư mục, không phải tệp", reason};
  if (reason == "is a link to nothing") return {"liên kết trỏ tới tệp không tồn tại", reason};
  if (reason == "does not exist") return {"không tìm thấy tệp", reason};
  return {"không đọc được tệp", reason};
}

std::optional<Fields> parse_yaml_file(const SourceFile& file, Diagnostics& diags) {
  return Fields::parse(file.text, {file.path, 1, 1}, diags);
}

void load_contact(Fields& site, SiteConfig& config) {
  auto contact = site.map("contact", Need::required);
  if (!contact) return;
  config.contact.address = contact->text("address", Need::required);
  config.contact.phone = contact->text("phone");
  config.contact.hotline = contact->text("hotline", Need::required);
  config.contact.email = contact->text("email");
  contact->warn_unknown_keys();
}

void load_opening_hours(Fields& site, SiteConfig& config) {
  for (Fields& row : site.map_list("opening_hours", Need::required)) {
    config.opening_hours.push_back({row.text("days", Need::required), row.text("hours", Need::required)});
    row.warn_unknown_keys();
  }
}

// What loading a file gave the last time: its messages again, its procedure.
std::optional<Procedure> replay(ProcedureCache::Entry& entry, Diagnostics& diags) {
  for (Diagnostic& d : entry.messages)
    d.severity == Severity::error ? diags.error(d.pos, d.message, d.hint) : diags.warning(d.pos, d.message, d.hint);
  return std::move(entry.procedure);
}

// One procedure file, from the cache when its bytes have not changed since:
// without reading it when the input stamps already fingerprinted it.
std::optional<Procedure> load_procedure_file(const Disk& disk, const std::string& path, ProcedureCache* cache,
                                             Diagnostics& diags) {
  const std::optional<std::uint64_t> expected = cache ? cache->expected_content(path) : std::nullopt;
  if (expected)
    if (std::optional<ProcedureCache::Entry> entry = cache->take(path, *expected)) return replay(*entry, diags);
  std::string reason;
  std::optional<std::string> text = disk.read_file(path, &reason);
  const bool was_read = text.has_value();
  const std::uint64_t content = was_read ? Fingerprint().add(*text).value() : 0;
  if (cache && was_read && content != expected)
    if (std::optional<ProcedureCache::Entry> entry = cache->take(path, content)) return replay(*entry, diags);
  Diagnostics messages;
  std::optional<Procedure> procedure;
  if (auto file = prepare_source(path, std::move(text), reason, messages)) procedure = load_procedure(*file, messages);
  if (cache && was_read) {
    StoredDetails shared = cache->put(path, content, procedure, messages.sorted());
    if (procedure) procedure->details = std::move(shared);  // one copy of the details, not two
  }
  diags.absorb(std::move(messages));
  return procedure;
}

// Procedures are independent files: load them on every core, keeping
// results and messages in file order so any thread count gives the same.
std::vector<Procedure> load_procedures(const Disk& disk, const std::vector<std::string>& paths, int threads,
                                       ProcedureCache* cache, Diagnostics& diags) {
  // Loaded into their places and then closed up: a catalog of 10,000 is
  // 7 MB of procedures, and fresh memory is slow to touch.
  std::vector<Procedure> procedures(paths.size());
  std::vector<char> loaded(paths.size(), 0);
  std::vector<Diagnostics> per_file(paths.size());
  parallel_for(paths.size(), threads > 0 ? threads : default_threads(), [&](std::size_t i) {
    if (std::optional<Procedure> p = load_procedure_file(disk, paths[i], cache, per_file[i])) {
      procedures[i] = std::move(*p);
      loaded[i] = 1;
    }
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    diags.absorb(std::move(per_file[i]));
    if (!loaded[i]) continue;
    if (kept != i) procedures[kept] = std::move(procedures[i]);
    ++kept;
  }
  procedures.resize(kept);
  return procedures;
}

}  // namespace

bool is_web_url(const std::string& text) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (!text.starts_with(scheme)) continue;
    std::string_view rest = std::string_view(text).substr(scheme.size());
    return !rest.empty() && rest.front() != '/' && rest.find_first_of(" \t\n<>\"") == std::string_view::npos;
  }
  return false;
}

std::optional<SourceFile> read_source(const Disk& disk, const std::string& path, Diagnostics& diags) {
  std::string reason;
  std::optional<std::string> text = disk.read_file(path, &reason);
  return prepare_source(path, std::move(text), reason, diags);
}

std::optional<SourceFile> prepare_source(const std::string& path, std::optional<std::string> text,
                                         const std::string& reason, Diagnostics& diags) {
  if (!text) {
    diags.error({path, 0, 0}, read_failure(reason),
                {"kiểm tra tên và vị trí tệp", "check the file's name and place"});
    return std::nullopt;
  }
  SourceFile file{path, std::move(*text)};
  if (!prepare_source_text(file, diags)) return std::nullopt;
  return file;
}

std::optional<SiteConfig> load_site_config(const SourceFile& file, Diagnostics& diags) {
  auto site = parse_yaml_file(file, diags);
  if (!site) return std::nullopt;
  SiteConfig config;
  config.source = {file.path, 1, 1};
  config.commune = site->text("commune", Need::required);
  config.authority = site->text("authority", Need::required);
  config.district = site->text("district", Need::required);
  config.province = site->text("province", Need::required);
  config.base_url = site->text("base_url", Need::required);
  if (!config.base_url.empty() && !is_web_url(config.base_url))
    diags.error(site->pos_of("base_url"),
                {"base_url phải là địa chỉ web đầy đủ", "base_url must be a full web address"},
                {"ví dụ: https://quangkhai.tuky.haiduong.gov.vn", "e.g. https://quangkhai.example.vn"});
  while (config.base_url.ends_with("/")) config.base_url.pop_back();
  config.language = site->choice("language", {"vi", "en"}, "vi");
  config.theme = site->text("theme");
  if (config.theme.empty()) config.theme = "default";
  // The theme is a folder name under --themes: "../x" would publish another folder.
  if (!is_valid_slug(config.theme))
    diags.error(site->pos_of("theme"),
                {"tên giao diện \"" + config.theme + "\" không hợp lệ", "invalid theme name \"" + config.theme + "\""},
                {"ghi tên một thư mục trong themes/, ví dụ default", "name a folder in themes/, e.g. default"});
  config.allow_raw_html = site->boolean("allow_raw_html").value_or(false);
  config.sample_data = site->boolean("sample_data").value_or(false);
  load_contact(*site, config);
  load_opening_hours(*site, config);
  load_qr_settings(*site, config);
  config.news_per_page = site->integer("news_per_page").value_or(10);
  if (config.news_per_page < 1)
    diags.error(site->pos_of("news_per_page"), {"news_per_page phải lớn hơn 0", "news_per_page must be at least 1"},
                {"ví dụ: news_per_page: 10", "e.g. news_per_page: 10"});
  site->warn_unknown_keys();
  return config;
}

std::vector<Domain> load_domains(const SourceFile& file, Diagnostics& diags) {
  auto root = parse_yaml_file(file, diags);
  if (!root) return {};
  std::vector<Domain> domains;
  for (Fields& item : root->map_list("domains", Need::required)) {
    Domain domain;
    domain.source = item.pos();
    domain.slug = item.text("slug", Need::required);
    domain.name = item.text("name", Need::required);
    domain.order = item.integer("order", Need::required).value_or(0);
    domain.description = item.text("description");
    item.warn_unknown_keys();
    domains.push_back(std::move(domain));
  }
  root->warn_unknown_keys();
  return domains;
}

std::optional<Page> load_page(const SourceFile& file, Diagnostics& diags) {
  auto doc = read_document(file, diags);
  if (!doc) return std::nullopt;
  Fields* fields = &doc->fields;
  Page page;
  page.source = {file.path, 1, 1};
  page.title = fields->text("title", Need::required);
  page.slug = fields->text("slug");
  page.description = fields->text("description");
  page.menu = fields->integer("menu");
  page.at = {{}, fields->pos_of("title").place(), {}, fields->place_of("slug").place()};
  page.body = std::move(doc->body);
  fields->warn_unknown_keys();
  return page;
}

namespace {

bool check_source_dir(const std::string& dir, const Disk& disk, Diagnostics& diags) {
  if (disk.is_directory(dir)) return true;
  diags.error({dir, 0, 0}, {"không tìm thấy thư mục nguồn", "source directory not found"},
              {"chạy congkhai trong thư mục của trang, hoặc chỉ rõ bằng --procedures / --content",
               "run congkhai in the site's folder, or name it with --procedures / --content"});
  return false;
}

Catalog read_catalog(const std::string& dir, const Disk& disk, Diagnostics& diags, int threads,
                     ProcedureCache* cache) {
  Catalog catalog;
  if (auto file = read_source(disk, dir + "/domains.yaml", diags)) catalog.domains = load_domains(*file, diags);
  catalog.procedures = load_procedures(disk, disk.list(dir, ".md"), threads, cache, diags);
  if (cache) cache->forget_unused();
  return catalog;
}

Sources read_commune(const std::string& dir, Catalog catalog, const Disk& disk, Diagnostics& diags) {
  Sources sources;
  if (auto file = read_source(disk, dir + "/site.yaml", diags))
    if (auto config = load_site_config(*file, diags)) sources.config = std::move(*config);
  sources.domains = std::move(catalog.domains);
  sources.procedures = std::move(catalog.procedures);
  std::string pages_dir = dir + "/pages";
  if (disk.is_directory(pages_dir))
    for (const std::string& path : disk.list(pages_dir, ".md"))
      if (auto file = read_source(disk, path, diags))
        if (auto page = load_page(*file, diags)) sources.pages.push_back(std::move(*page));
  sources.results = load_results(dir, disk, diags);
  std::string news_dir = dir + "/news";
  if (disk.is_directory(news_dir))
    for (const std::string& path : disk.list(news_dir, ".md"))
      if (auto file = read_source(disk, path, diags))
        if (auto post = load_post(*file, diags)) sources.posts.push_back(std::move(*post));
  sources.static_files = list_static_files(dir + "/static", disk);
  return sources;
}

}  // namespace

Catalog load_catalog(const std::string& dir, const Disk& disk, Diagnostics& diags, int threads,
                     ProcedureCache* cache) {
  if (!check_source_dir(dir, disk, diags)) return {};
  return read_catalog(dir, disk, diags, threads, cache);
}

Sources load_commune(const std::string& dir, Catalog catalog, const Disk& disk, Diagnostics& diags) {
  if (!check_source_dir(dir, disk, diags)) return {};
  return read_commune(dir, std::move(catalog), disk, diags);
}

Sources load_sources(const SourcePaths& paths, const Disk& disk, Diagnostics& diags, int threads,
                     ProcedureCache* cache) {
  bool found = check_source_dir(paths.procedures, disk, diags);
  found = check_source_dir(paths.content, disk, diags) && found;
  if (!found) return {};
  return read_commune(paths.content, read_catalog(paths.procedures, disk, diags, threads, cache), disk, diags);
}

}  // namespace ck
