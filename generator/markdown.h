// Markdown to HTML, the one place that talks to cmark-gfm.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace ck {

// A fenced code block whose info string is `info` is replaced by the HTML
// that `render` makes of its text: the way editors embed generated content
// (```ketqua). `at` is the place of the block's first line of text.
struct FencedBlockHook {
  std::string info;
  std::function<std::string(const std::string& body, const SourcePos& at, Diagnostics& diags)> render;
};

struct MarkdownOptions {
  // Raw HTML in the text is shown as text (and warned about) unless allowed.
  bool allow_raw_html = false;
  // Headings are moved down by `heading_shift` levels and never above
  // `min_heading_level`, so a body fits under the page's own headings.
  int heading_shift = 0;
  int min_heading_level = 2;
  std::vector<FencedBlockHook> fenced_blocks;
  // When set, called with the URL of every link and image: returns the URL to
  // write (internal ones made relative to the page), or nullopt when it
  // points at no page or file of the site, which is reported at its line.
  std::function<std::optional<std::string>(const std::string& url)> resolve_link;
};

// GFM tables are enabled; unsafe link schemes (javascript:, …) are dropped.
std::string render_markdown(const MarkdownSource& source, const MarkdownOptions& options,
                            Diagnostics& diags);

}  // namespace ck
