// The search index, tim-kiem/chi-muc.js: built at build time and loaded with
// a plain <script src>, so search works offline and from file:// (where
// fetch() of a local file is blocked). Each text is stored as shown and
// folded for search (see search_fold), so the page's script only folds the
// query.
#include <algorithm>

#include "render.h"
#include "unicode.h"
#include "urls.h"

namespace ck {
namespace {

// fold_diacritics, then y -> i: people write "ki" for "ký" and "ly" for
// "lý". Not for addresses, whose y stays.
std::string search_fold(std::string_view text) {
  std::string folded = fold_diacritics(text);
  std::replace(folded.begin(), folded.end(), 'y', 'i');
  return folded;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += {'\\', c};
    else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else
      out += c;
  }
  return out + "\"";
}

std::string json_array(const std::vector<std::string>& texts) {
  std::string out = "[";
  for (const std::string& text : texts) out += (out.size() > 1 ? "," : "") + json_string(text);
  return out + "]";
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " ") + part;
  return out;
}

// The keywords folded, each apart ("|" between them), so that the page can
// rank a query that is a whole keyword ("so do") above one found in a name.
std::string folded_keywords(const std::vector<std::string>& keywords) {
  std::string out;
  for (const std::string& keyword : keywords) {
    std::string folded = search_fold(keyword);
    std::replace(folded.begin(), folded.end(), '|', ' ');
    out += (out.empty() ? "" : "|") + folded;
  }
  return out;
}

// [name, url, code, domain, folded name, folded code + domain + keywords, folded keywords]
std::string procedure_entry(const Site& site, const Procedure& p) {
  const Domain* domain = site.find_domain(p.domain);
  const std::string domain_name = domain ? domain->name : "";
  return json_array({p.name, procedure_path(p), p.code, domain_name, search_fold(p.name),
                     search_fold(join({p.code, domain_name, join(p.keywords)})),
                     folded_keywords(p.keywords)});
}

// [title, url, Vietnamese date, folded title]
std::string post_entry(const Post& post) {
  return json_array({post.title, post_path(post),
                     format_vietnamese(vietnam_time(post.date.utc_seconds()).date), search_fold(post.title)});
}

}  // namespace

OutputFile render_search_index(const RenderContext& ctx) {
  const Site& site = ctx.site();
  std::string js =
      "// Chỉ mục tìm kiếm, do congkhai tạo khi dựng trang.\nwindow.CK_SEARCH_INDEX = {\"procedures\": [\n";
  for (std::size_t i = 0; i < site.procedures.size(); ++i)
    js += procedure_entry(site, site.procedures[i]) + (i + 1 < site.procedures.size() ? ",\n" : "\n");
  js += "], \"posts\": [\n";
  for (std::size_t i = 0; i < site.news.posts.size(); ++i)
    js += post_entry(site.news.posts[i]) + (i + 1 < site.news.posts.size() ? ",\n" : "\n");
  js += "]};\n";
  return {std::string(kSearchIndexPath), std::move(js), {}};
}

}  // namespace ck
