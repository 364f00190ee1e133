// Home, catalog, domain, search, static pages and the 404 page.
#include "render.h"
#include "urls.h"

namespace ck {
namespace {

// Every domain with its procedures, or only its heading.
TemplateList domains_data(const RenderContext& ctx, bool with_procedures = true) {
  TemplateList list;
  list.reserve(ctx.site().domains.size());
  for (const Domain& d : ctx.site().domains)
    list.push_back(with_procedures ? ctx.domain_summary(d) : ctx.domain_heading(d));
  return list;
}

OutputFile page(const RenderContext& ctx, const std::string& path, const std::string& template_name,
                TemplateData data) {
  return {path + "index.html", ctx.render_page(template_name, std::move(data)), {}};
}

// The path part of the base URL ("/" or "/xa-quang-khai/"): the 404 page is
// served at any depth, so it links from the site root instead of relatively.
std::string base_path(const SiteConfig& config) {
  std::size_t scheme = config.base_url.find("://");
  std::size_t slash = config.base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : config.base_url.substr(slash) + "/";
}

}  // namespace

OutputFile render_home(const RenderContext& ctx) {
  TemplateData data = ctx.page_data("", ctx.site().config.authority);
  data.set("is_home", true);
  // Their names and counts: a home page of 10,000 procedures' links would
  // be made and thrown away.
  set_moved(data, "domains", list_data(domains_data(ctx, false)));
  data.set("procedure_count", std::to_string(ctx.site().procedures.size()));
  put_list(data, "results_tiles", results_tiles(ctx));
  put_list(data, "latest_posts", latest_posts(ctx, 3));
  return {"index.html", ctx.render_page("home", std::move(data)), {}};
}

OutputFile render_catalog(const RenderContext& ctx) {
  const std::string path(kCatalogPath);
  TemplateData data = ctx.page_data(path, ctx.text("catalog_title"));
  set_moved(data, "domains", list_data(domains_data(ctx)));
  data.set("procedure_count", std::to_string(ctx.site().procedures.size()));
  return page(ctx, path, "catalog", std::move(data));
}

OutputFile render_domain(const RenderContext& ctx, const Domain& d) {
  const std::string path = domain_path(d);
  TemplateData data = ctx.page_data(path, d.name);
  put(data, "description", d.description);
  set_moved(data, "domain", ctx.domain_summary(d));
  return page(ctx, path, "domain", std::move(data));
}

// Without JavaScript the search page lists every procedure A–Z by domain.
OutputFile render_search(const RenderContext& ctx) {
  const std::string path(kSearchPath);
  TemplateData data = ctx.page_data(path, ctx.text("search_title"));
  set_moved(data, "domains", list_data(domains_data(ctx)));
  return page(ctx, path, "search", std::move(data));
}

OutputFile render_static_page(const RenderContext& ctx, const Page& p, Diagnostics& diags) {
  const std::string path = page_path(p);
  TemplateData data = ctx.page_data(path, p.title);
  put(data, "description", p.description);
  data.set("body", ctx.markdown(p.body, 0, 2, diags, path));
  return page(ctx, path, "page", std::move(data));
}

OutputFile render_not_found(const RenderContext& ctx) {
  TemplateData data = ctx.page_data("", ctx.text("not_found_title"));
  data.set("root", base_path(ctx.site().config));
  data.set("canonical", false);  // the 404 page has no address of its own
  return {"404.html", ctx.render_page("404", std::move(data)), {}};
}

}  // namespace ck
