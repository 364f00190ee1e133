// The Atom feed of the news, tin-tuc/feed.xml (RFC 4287), with absolute URLs.
// "updated" is the newest post's date, never the time of the build, so the
// feed's bytes depend on the sources alone.
#include "render.h"
#include "urls.h"

namespace ck {
namespace {

constexpr std::size_t kFeedEntries = 20;

std::string element(const std::string& name, const std::string& text) {
  return "<" + name + ">" + escape_xml(text) + "</" + name + ">";
}

std::string entry(const SiteConfig& config, const Post& post) {
  const std::string url = absolute_url(config, post_path(post));
  const std::string when = format_rfc3339(post.date);
  std::string xml = "  <entry>\n    " + element("title", post.title) + "\n";
  xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(url) + "\"/>\n";
  xml += "    " + element("id", url) + "\n    " + element("published", when) + "\n    " +
         element("updated", when) + "\n";
  xml +=
      "    <author>" + element("name", post.author.empty() ? config.authority : post.author) + "</author>\n";
  for (const std::string& tag : post.tags) xml += "    <category term=\"" + escape_xml(tag) + "\"/>\n";
  if (!post.summary.empty()) xml += "    " + element("summary", post.summary) + "\n";
  return xml + "  </entry>\n";
}

}  // namespace

OutputFile render_feed(const RenderContext& ctx) {
  const Site& site = ctx.site();
  const SiteConfig& config = site.config;
  const std::string self = absolute_url(config, kFeedPath);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
      escape_xml(config.language) + "\">\n";
  xml += "  " + element("title", ctx.text("news_title") + " – " + config.authority) + "\n";
  xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape_xml(self) + "\"/>\n";
  xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         escape_xml(absolute_url(config, kNewsPath)) + "\"/>\n";
  xml += "  " + element("id", self) + "\n";
  if (!site.news.posts.empty())
    xml += "  " + element("updated", format_rfc3339(site.news.posts.front().date)) + "\n";
  xml += "  <author>" + element("name", config.authority) + "</author>\n";
  for (std::size_t i = 0; i < site.news.posts.size() && i < kFeedEntries; ++i)
    xml += entry(config, site.news.posts[i]);
  xml += "</feed>\n";
  return {std::string(kFeedPath), std::move(xml), {}};
}

}  // namespace ck
