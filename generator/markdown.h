// Markdown to HTML, the one place that talks to cmark-gfm.
#pragma once

#include <string>

#include "diagnostics.h"
#include "model.h"

namespace ck {

struct MarkdownOptions {
  // Raw HTML in the text is shown as text (and warned about) unless allowed.
  bool allow_raw_html = false;
  // Headings are moved down by `heading_shift` levels and never above
  // `min_heading_level`, so a body fits under the page's own headings.
  int heading_shift = 0;
  int min_heading_level = 2;
};

// GFM tables are enabled; unsafe link schemes (javascript:, …) are dropped.
std::string render_markdown(const MarkdownSource& source, const MarkdownOptions& options,
                            Diagnostics& diags);

}  // namespace ck
