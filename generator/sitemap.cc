// sitemap.xml and robots.txt: absolute URLs from the configured base URL.
#include "print.h"
#include "news.h"
#include "render.h"
#include "urls.h"

namespace ck {
namespace {

void add_url(std::string& xml, const SiteConfig& config, const std::string& path) {
  xml += "  <url><loc>" + escape_xml(absolute_url(config, path)) + "</loc></url>\n";
}

}  // namespace

OutputFile render_sitemap(const RenderContext& ctx) {
  const Site& site = ctx.site();
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  add_url(xml, site.config, "");
  add_url(xml, site.config, std::string(kCatalogPath));
  add_url(xml, site.config, std::string(kSearchPath));
  for (const Domain& d : site.domains) add_url(xml, site.config, domain_path(d));
  for (const Procedure& p : site.procedures) add_url(xml, site.config, procedure_path(p));
  for (const Page& page : site.pages) add_url(xml, site.config, page_path(page));
  add_url(xml, site.config, std::string(kPrintPath));
  for (const std::string& path : results_page_paths(site)) add_url(xml, site.config, path);
  std::size_t news_pages = site.news.posts.empty() ? 0 : paginate(site.news.posts.size(), site.news.per_page).size();
  for (std::size_t n = 1; n <= news_pages; ++n) add_url(xml, site.config, news_page_path(static_cast<long long>(n)));
  for (const Tag& tag : site.news.tags) add_url(xml, site.config, tag_path(tag));
  for (const Month& month : site.news.months) add_url(xml, site.config, month_path(month));
  for (const Post& post : site.news.posts)
    xml += "  <url><loc>" + escape_xml(absolute_url(site.config, post_path(post))) + "</loc><lastmod>" +
           format_rfc3339(post.date) + "</lastmod></url>\n";
  xml += "</urlset>\n";
  return {"sitemap.xml", std::move(xml), {}};
}

OutputFile render_robots(const RenderContext& ctx) {
  return {"robots.txt",
          "User-agent: *\nAllow: /\nSitemap: " + absolute_url(ctx.site().config, "sitemap.xml") + "\n", {}};
}

}  // namespace ck
