#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

namespace ck {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CharDeleter {
  void operator()(char* s) const { std::free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

int cmark_options(const MarkdownOptions& options) {
  int flags = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  if (options.allow_raw_html) flags |= CMARK_OPT_UNSAFE;
  return flags;
}

std::vector<cmark_node*> collect(cmark_node* root, bool (*wanted)(cmark_node*)) {
  std::vector<cmark_node*> nodes;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && wanted(cmark_iter_get_node(iter.get())))
      nodes.push_back(cmark_iter_get_node(iter.get()));
  return nodes;
}

bool is_raw_html(cmark_node* n) {
  auto type = cmark_node_get_type(n);
  return type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE;
}

bool is_heading(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_HEADING; }

// Replaces a raw HTML node with the same characters as plain text, which the
// renderer escapes: the editor sees what they typed instead of losing it.
void show_as_text(cmark_node* html) {
  std::string literal = cmark_node_get_literal(html) ? cmark_node_get_literal(html) : "";
  bool block = cmark_node_get_type(html) == CMARK_NODE_HTML_BLOCK;
  while (block && !literal.empty() && literal.back() == '\n') literal.pop_back();
  cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(text, literal.c_str());
  cmark_node* replacement = text;
  if (block) {
    replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(replacement, text);
  }
  cmark_node_replace(html, replacement);
  cmark_node_free(html);
}

// One warning per text, at the first tag, so a pasted block does not flood
// the editor with messages.
void escape_raw_html(cmark_node* doc, const SourcePos& origin, Diagnostics& diags) {
  std::vector<cmark_node*> tags = collect(doc, is_raw_html);
  if (tags.empty()) return;
  SourcePos pos{origin.file, origin.line + cmark_node_get_start_line(tags.front()) - 1,
                cmark_node_get_start_column(tags.front())};
  std::string count = std::to_string(tags.size());
  diags.warning(pos, {"mã HTML trong nội dung (" + count + " chỗ) được hiển thị như chữ thường",
                      "raw HTML in the text (" + count + " places) is shown as plain text"},
                {"dùng cú pháp Markdown, hoặc đặt allow_raw_html: true trong content/site.yaml nếu thật sự cần",
                 "use Markdown, or set allow_raw_html: true in content/site.yaml if you really need it"});
  for (cmark_node* html : tags) show_as_text(html);
}

void shift_headings(cmark_node* doc, const MarkdownOptions& options) {
  for (cmark_node* heading : collect(doc, is_heading)) {
    int level = cmark_node_get_heading_level(heading) + options.heading_shift;
    cmark_node_set_heading_level(heading, std::clamp(level, options.min_heading_level, 6));
  }
}

bool is_code_block(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK; }

// Marks that cannot come from an editor's text (a control character), each
// standing for one directive's HTML until the document is rendered.
std::string embed_marker(std::size_t i) { return "\x1f" "ck-embed-" + std::to_string(i) + "\x1f"; }

std::vector<std::string> replace_directives(cmark_node* doc, const MarkdownSource& source,
                                            const MarkdownOptions& options, Diagnostics& diags) {
  std::vector<std::string> html;
  if (options.fenced_blocks.empty()) return html;
  for (cmark_node* block : collect(doc, is_code_block)) {
    const char* info = cmark_node_get_fence_info(block);
    auto hook = std::find_if(options.fenced_blocks.begin(), options.fenced_blocks.end(),
                             [&](const FencedBlockHook& h) { return info && h.info == info; });
    if (hook == options.fenced_blocks.end()) continue;
    SourcePos at{source.origin.file, source.origin.line + cmark_node_get_start_line(block), 1};
    const char* body = cmark_node_get_literal(block);
    html.push_back(hook->render(body ? body : "", at, diags));
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, embed_marker(html.size() - 1).c_str());
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(paragraph, text);
    cmark_node_replace(block, paragraph);
    cmark_node_free(block);
  }
  return html;
}

void put_directives(std::string& out, const std::vector<std::string>& html) {
  for (std::size_t i = 0; i < html.size(); ++i) {
    std::string marker = embed_marker(i);
    for (const std::string& wrapped : {"<p>" + marker + "</p>\n", marker}) {
      std::size_t at = out.find(wrapped);
      if (at != std::string::npos) {
        out.replace(at, wrapped.size(), html[i]);
        break;
      }
    }
  }
}

bool is_link_or_image(cmark_node* n) {
  auto type = cmark_node_get_type(n);
  return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
}

// Inline nodes do not always carry a line; the nearest block that does is
// close enough for an editor to find the link.
int line_of(cmark_node* n) {
  for (; n; n = cmark_node_parent(n))
    if (cmark_node_get_start_line(n) > 0) return cmark_node_get_start_line(n);
  return 1;
}

void report_missing_target(cmark_node* n, const std::string& url, const SourcePos& origin, Diagnostics& diags) {
  SourcePos pos{origin.file, origin.line + line_of(n) - 1, 0};
  if (cmark_node_get_type(n) == CMARK_NODE_IMAGE)
    diags.error(pos, {"không tìm thấy tệp \"" + url + "\"", "file \"" + url + "\" not found"},
                {"đặt tệp vào content/static/ và ghi đường dẫn từ gốc trang, ví dụ /static/tin-tuc/anh.jpg",
                 "put the file under content/static/ and write its path from the site root, e.g. /static/tin-tuc/anh.jpg"});
  else
    diags.error(pos, {"liên kết \"" + url + "\" không dẫn tới trang hay tệp nào của trang web",
                      "link \"" + url + "\" points at no page or file of the site"},
                {"kiểm tra địa chỉ (ví dụ /thu-tuc/dang-ky-khai-sinh/), hoặc đặt tệp vào content/static/ "
                 "và ghi /static/<tên tệp>",
                 "check the address (e.g. /thu-tuc/dang-ky-khai-sinh/), or put the file under content/static/ "
                 "and write /static/<file name>"});
}

void resolve_links(cmark_node* doc, const MarkdownOptions& options, const SourcePos& origin, Diagnostics& diags) {
  for (cmark_node* n : collect(doc, is_link_or_image)) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    if (std::optional<std::string> resolved = options.resolve_link(url))
      cmark_node_set_url(n, resolved->c_str());
    else
      report_missing_target(n, url, origin, diags);
  }
}

}  // namespace

std::string render_markdown(const MarkdownSource& source, const MarkdownOptions& options,
                            Diagnostics& diags) {
  register_extensions_once();
  const int flags = cmark_options(options);
  ParserPtr parser(cmark_parser_new(flags));
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), source.text.data(), source.text.size());
  NodePtr doc(cmark_parser_finish(parser.get()));
  if (!options.allow_raw_html) escape_raw_html(doc.get(), source.origin, diags);
  shift_headings(doc.get(), options);
  std::vector<std::string> directives = replace_directives(doc.get(), source, options, diags);
  if (options.resolve_link) resolve_links(doc.get(), options, source.origin, diags);
  std::unique_ptr<char, CharDeleter> html(
      cmark_render_html(doc.get(), flags, cmark_parser_get_syntax_extensions(parser.get())));
  std::string out = html ? std::string(html.get()) : std::string();
  put_directives(out, directives);
  return out;
}

}  // namespace ck
