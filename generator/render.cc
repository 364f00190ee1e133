#include "render.h"

#include "dates.h"
#include "fingerprint.h"
#include "markdown.h"
#include "print.h"
#include "print_cells.h"
#include "urls.h"

namespace ck {
namespace {

// A phone number as a tel: link dials it: its digits and a leading "+".
std::string tel_of(const std::string& number) {
  std::string tel;
  for (char c : number)
    if ((c >= '0' && c <= '9') || c == '+') tel += c;
  return tel;
}

TemplateData site_data(const SiteConfig& config) {
  TemplateData site;
  put(site, "commune", config.commune);
  put(site, "authority", config.authority);
  put(site, "district", config.district);
  put(site, "province", config.province);
  put(site, "base_url", config.base_url);
  site.set("sample_data", config.sample_data);
  TemplateData contact;
  put(contact, "address", config.contact.address);
  put(contact, "phone", config.contact.phone);
  put(contact, "hotline", config.contact.hotline);
  put(contact, "email", config.contact.email);
  contact.set("hotline_tel", tel_of(config.contact.hotline));
  contact.set("phone_tel", tel_of(config.contact.phone));
  site.set("contact", contact);
  TemplateList hours;
  for (const OpeningHours& row : config.opening_hours) {
    TemplateData item;
    put(item, "days", row.days);
    put(item, "hours", row.hours);
    hours.push_back(std::move(item));
  }
  site.set("opening_hours", hours);
  return site;
}

// The menu's entries, title and address: shown on every page, so part of
// the keys of pages that show little else of the site.
std::vector<std::pair<std::string, std::string>> menu_items(const Site& site) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const Page& page : site.pages)
    if (page.menu) items.emplace_back(page.title, page_path(page));
  return items;
}

TemplateList menu_data(const Site& site) {
  TemplateList menu;
  for (auto& [title, url] : menu_items(site)) {
    TemplateData item;
    item.set("title", std::move(title));
    item.set("url", std::move(url));
    menu.push_back(std::move(item));
  }
  return menu;
}

// An internal link must name a page or file of the site; it is written
// relative to the page, so the site also works opened from disk.
std::optional<std::string> resolve_link(const Site& site, const std::string& url, const std::string& page_path) {
  std::optional<std::string> path = internal_link_path(url);
  if (!path) return url;
  std::size_t cut = path->find_first_of("?#");
  std::string target = path->substr(0, cut);
  std::string rest = cut == std::string::npos ? "" : path->substr(cut);
  if (!site.has_path(target)) {
    if (!site.has_path(target + "/")) return std::nullopt;
    target += "/";
  }
  return root_prefix(page_path) + target + rest;
}

// What a list of procedures shows of one: what a code's cell shows (its
// name, code and what its QR code holds), its address (procedure_link, the
// print pages' items), its domain and keywords (the search index), and its
// file, which with the name and code sets its place (order_procedures).
// Not its fees, papers or time limits: editing those remakes the
// procedure's own pages, not 8 MB of lists.
std::uint64_t list_print_of(const Site& site, const Procedure& p) {
  Fingerprint print;
  print.add(cell_print(site, p)).add(p.source.file).add(procedure_path(p)).add(p.domain);
  for (const std::string& keyword : p.keywords) print.add(keyword);
  return print.add(p.keywords.size()).value();
}

}  // namespace

RenderContext::RenderContext(const Site& site, const Theme& theme, InputKeys keys, const QrBook* qr_book,
                             KeptEntries* print_parts)
    : site_(site), theme_(theme), qr_codes_(site, qr_book), print_parts_(print_parts), keys_(keys) {
  // A procedure's pages show its own file and, around it, only what the
  // shape key covers: the print key (congkhai, site.yaml, the theme,
  // domains.yaml), the menu, whether the site has news and results, and
  // every address a link in the steps may point at. Not the bodies of the
  // posts, months and pages: publishing a post must not make 30,000 pages
  // again to the same bytes. Lists of procedures add what they show of
  // each (list_print_of, procedure_lists_key_), the sitemap and the search
  // index what they show of the news and results (index_key_); every other
  // page follows all the inputs.
  Fingerprint shape, lists;
  shape.add(keys.print);
  shape.add(std::uint64_t{site.news.posts.empty()}).add(std::uint64_t{site.results.months.empty()});
  for (const auto& [title, url] : menu_items(site)) shape.add(title).add(url);
  for (const std::string& path : site.paths) shape.add(path);
  std::vector<std::uint64_t> list_prints;  // by index in Site::procedures
  list_prints.reserve(site.procedures.size());
  for (const Procedure& p : site.procedures) lists.add(list_prints.emplace_back(list_print_of(site, p)));
  shape_key_ = shape.value();
  procedure_lists_key_ = lists.add(shape_key_).value();
  // Not a post's text: editing one must not remake 1.6 MB of index. The
  // posts' and tags' addresses come with the shape key (site.paths).
  Fingerprint index;
  index.add(procedure_lists_key_);
  for (const Post& post : site.news.posts) index.add(post.title).add(format_rfc3339(post.date));
  for (const std::string& path : results_page_paths(site)) index.add(path);
  index_key_ = index.value();
  lists_key_ = lists.add(keys.inputs).value();
  pages_key_ = Fingerprint().add(shape_key_).add(keys.inputs).value();
  domain_keys_.reserve(site.domains.size());
  for (const Domain& d : site.domains) {
    Fingerprint key;
    key.add(shape_key_);
    for (std::size_t i : d.procedures) key.add(list_prints[i]);
    domain_keys_.push_back(key.value());
  }
  procedure_keys_.reserve(site.procedures.size());
  for (const Procedure& p : site.procedures) {
    Fingerprint key;
    key.add(shape_key_).add(p.source_hash);
    for (const std::string& code : p.related)  // the page names them
      if (const Procedure* other = site_.find_procedure(code)) key.add(other->name);
    procedure_keys_.push_back(key.value());
  }
  shared_.set("site", site_data(site.config));
  shared_.set("t", theme.strings());
  shared_.set("menu", menu_data(site));
  shared_.set("lang", site.config.language);
  shared_.set("has_results", !site.results.months.empty());
  shared_.set("has_news", !site.news.posts.empty());
}

std::uint64_t RenderContext::procedure_key(const Procedure& p) const {
  return procedure_keys_[static_cast<std::size_t>(&p - site_.procedures.data())];
}

std::uint64_t RenderContext::domain_key(const Domain& d) const {
  return domain_keys_[static_cast<std::size_t>(&d - site_.domains.data())];
}

TemplateData RenderContext::page_data(const std::string& path, const std::string& title) const {
  TemplateData data;
  data.set("root", root_prefix(path));
  data.set("path", path);
  data.set("title", title);
  data.set("canonical", absolute_url(site_.config, path));
  return data;
}

std::string RenderContext::markdown(const MarkdownSource& source, int heading_shift, int min_level,
                                    Diagnostics& diags, const std::string& page_path) const {
  MarkdownOptions options;
  if (!page_path.empty())
    options.resolve_link = [this, page_path](const std::string& url) { return resolve_link(site_, url, page_path); };
  options.allow_raw_html = site_.config.allow_raw_html;
  options.heading_shift = heading_shift;
  options.min_heading_level = min_level;
  options.fenced_blocks.push_back(results_directive(*this));
  return render_markdown(source, options, diags);
}

TemplateData RenderContext::procedure_link(const Procedure& p) const {
  TemplateData link;
  put(link, "name", p.name);
  put(link, "code", p.code);
  link.set("url", procedure_path(p));
  return link;
}

TemplateData RenderContext::domain_heading(const Domain& d) const {
  TemplateData data;
  put(data, "name", d.name);
  put(data, "slug", d.slug);
  put(data, "description", d.description);
  data.set("url", domain_path(d));
  data.set("count", std::to_string(d.procedures.size()));
  return data;
}

TemplateData RenderContext::domain_summary(const Domain& d) const {
  TemplateData data = domain_heading(d);
  TemplateList procedures;
  procedures.reserve(d.procedures.size());
  for (std::size_t i : d.procedures) procedures.push_back(procedure_link(site_.procedures[i]));
  set_moved(data, "procedures", list_data(std::move(procedures)));
  return data;
}

std::vector<RenderJob> plan_site(const RenderContext& ctx) {
  const Site& site = ctx.site();
  std::vector<RenderJob> jobs;
  // About six files per procedure; growing the vector moves every job.
  jobs.reserve(64 + 8 * site.procedures.size() + 2 * site.domains.size() + site.pages.size() +
               4 * site.news.posts.size() + site.static_files.size() + ctx.theme().assets().size());
  auto add = [&](std::string path, std::function<OutputFile(Diagnostics&)> run, std::uint64_t key = 0) {
    jobs.push_back({std::move(path), std::move(run), key});
  };
  auto add_list = [&](std::string path, std::function<OutputFile(Diagnostics&)> run, std::uint64_t key = 0) {
    jobs.push_back(listing_job(std::move(path), std::move(run), key));
  };
  const std::uint64_t procedure_lists = ctx.procedure_lists_key();
  add(
      "index.html", [&ctx](Diagnostics&) { return render_home(ctx); }, ctx.lists_key());
  add_list(
      "thu-tuc/index.html", [&ctx](Diagnostics&) { return render_catalog(ctx); }, procedure_lists);
  add("404.html", [&ctx](Diagnostics&) { return render_not_found(ctx); });
  add_list(
      "sitemap.xml", [&ctx](Diagnostics&) { return render_sitemap(ctx); }, ctx.index_key());
  add("robots.txt", [&ctx](Diagnostics&) { return render_robots(ctx); });
  for (const Domain& d : site.domains)
    add(
        domain_path(d) + "index.html", [&ctx, &d](Diagnostics&) { return render_domain(ctx, d); },
        ctx.domain_key(d));
  for (const Procedure& p : site.procedures) {
    const std::uint64_t key = ctx.procedure_key(p);
    add(procedure_path(p) + "index.html", [&ctx, &p](Diagnostics& diags) { return render_procedure(ctx, p, diags); },
        key);
    if (!p.code.empty())
      add(short_path(p.code) + "index.html", [&ctx, &p](Diagnostics&) { return render_short_link(ctx, p); }, key);
  }
  // Pages that list every procedure run one at a time; kept apart in the
  // plan, a thread rarely waits for another's.
  add_list(
      "tim-kiem/index.html", [&ctx](Diagnostics&) { return render_search(ctx); }, procedure_lists);
  for (const Page& page : site.pages)
    add(page_path(page) + "index.html", [&ctx, &page](Diagnostics& diags) { return render_static_page(ctx, page, diags); });
  plan_results(ctx, jobs);
  plan_news(ctx, jobs);
  add_list(
      std::string(kSearchIndexPath), [&ctx](Diagnostics&) { return render_search_index(ctx); },
      ctx.index_key());
  for (const StaticFile& file : site.static_files)
    add(file.output_path, [&file](Diagnostics&) { return OutputFile{file.output_path, {}, file.source_path}; });
  for (const AssetFile& asset : ctx.theme().assets())
    add(asset.output_path, [&asset](Diagnostics&) { return OutputFile{asset.output_path, {}, asset.source_path}; });
  plan_print(ctx, jobs);
  for (RenderJob& job : jobs)
    if (!job.key) job.key = ctx.pages_key();
  return jobs;
}

}  // namespace ck
