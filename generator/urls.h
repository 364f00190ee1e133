// Where each kind of page lives in the output. Paths are relative to the site
// root and end in "/" for pages (written as <path>index.html).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model.h"

namespace ck {

std::string procedure_path(const Procedure& procedure);  // thu-tuc/<slug>/
std::string domain_path(const Domain& domain);           // linh-vuc/<slug>/
std::string short_path(const std::string& code);         // tthc/<code>/
std::string page_path(const Page& page);                 // <slug>/
inline constexpr std::string_view kCatalogPath = "thu-tuc/";
inline constexpr std::string_view kSearchPath = "tim-kiem/";
inline constexpr std::string_view kSearchIndexPath = "tim-kiem/chi-muc.js";
inline constexpr std::string_view kAssetsPath = "assets/";

// News: the paginated list, one page per post, per tag and per month, and
// the Atom feed. Page 1 of the list is tin-tuc/, page n is tin-tuc/trang/<n>/.
inline constexpr std::string_view kNewsPath = "tin-tuc/";
inline constexpr std::string_view kFeedPath = "tin-tuc/feed.xml";
std::string post_path(const Post& post);                // tin-tuc/<slug>/
std::string news_page_path(long long page);             // tin-tuc/ or tin-tuc/trang/<n>/
std::string tag_path(const Tag& tag);                   // tin-tuc/the/<slug>/
std::string month_path(const Month& month);             // tin-tuc/<yyyy>/<mm>/
// Files editors put under content/static/ keep their relative path here.
inline constexpr std::string_view kStaticPath = "static/";

// A link an editor wrote in Markdown or a front-matter field, as a path
// from the site root ("/static/a.pdf" and "static/a.pdf" -> "static/a.pdf"),
// or nullopt when it leaves the site (a scheme, "//host") or is only "#anchor".
std::optional<std::string> internal_link_path(std::string_view link);

// First path segments the generator owns; a static page may not take them.
bool is_reserved_section(std::string_view slug);

// A procedure code usable in a URL: digits, letters, dots and hyphens.
bool is_valid_code(std::string_view code);

// "../../" for a page at "a/b/": the way back to the site root, so that the
// site works from any base path and when opened from disk.
std::string root_prefix(std::string_view page_path);

// Absolute URL of a site path, from the configured base URL.
std::string absolute_url(const SiteConfig& config, std::string_view path);

}  // namespace ck
