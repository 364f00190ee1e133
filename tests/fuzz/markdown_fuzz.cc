// Markdown with the options a site gets by default (raw HTML off): whatever
// the text, the HTML made from it holds only the tags cmark-gfm makes for
// Markdown, and no link or image that runs script.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <optional>
#include <string_view>

#include "markdown.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

constexpr std::array<std::string_view, 28> kMarkdownTags = {
    "p",  "a",  "img", "em", "strong", "code",  "pre",   "ul",    "ol", "li",
    "h1", "h2", "h3",  "h4", "h5",     "h6",    "hr",    "br",    "del", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "sup", "section"};

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

void check_tags(std::string_view html) {
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    std::size_t start = at + 1 + (at + 1 < html.size() && html[at + 1] == '/');
    std::size_t end = start;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    std::string name = lowercase(html.substr(start, end - start));
    require(std::find(kMarkdownTags.begin(), kMarkdownTags.end(), name) != kMarkdownTags.end());
  }
}

void check_urls(const std::string& html) {
  std::string lower = lowercase(html);
  for (std::string_view attr : {"href=\"", "src=\""})
    for (std::size_t at = lower.find(attr); at != std::string::npos; at = lower.find(attr, at + 1)) {
      std::string_view url = std::string_view(lower).substr(at + attr.size());
      for (std::string_view scheme : {"javascript:", "vbscript:", "data:text/html"})
        require(!url.starts_with(scheme));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  ck::MarkdownOptions options;  // raw HTML off, as on every site by default
  bool procedure_steps = data[0] & 1;  // steps sit under h2, pages under h1
  options.heading_shift = procedure_steps ? 1 : 0;
  options.min_heading_level = procedure_steps ? 3 : 2;
  // The project's directive machinery (```ketqua blocks) and link checking:
  // a hook that echoes its body as escaped text, and a resolver that
  // accepts some internal links and rejects the rest.
  options.fenced_blocks.push_back({"ketqua", [](const std::string& body, const ck::SourcePos&, ck::Diagnostics&) {
                                     return "<p>" + std::to_string(body.size()) + "</p>\n";
                                   }});
  if (data[0] & 2)
    options.resolve_link = [](const std::string& url) -> std::optional<std::string> {
      if (url.size() % 3 == 0) return std::nullopt;
      return url.starts_with("/") ? "../" + url.substr(1) : url;
    };
  ck::MarkdownSource source{std::string(reinterpret_cast<const char*>(data + 1), size - 1), {"fuzz.md", 5, 1}};
  ck::Diagnostics diags;
  std::string html = ck::render_markdown(source, options, diags);
  require(lowercase(html).find("<script") == std::string::npos);
  check_tags(html);
  check_urls(html);
  return 0;
}
