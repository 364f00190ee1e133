#include "urls.h"

#include <algorithm>
#include <array>

namespace ck {

std::string procedure_path(const Procedure& procedure) { return "thu-tuc/" + procedure.slug + "/"; }
std::string domain_path(const Domain& domain) { return "linh-vuc/" + domain.slug + "/"; }
std::string short_path(const std::string& code) { return "tthc/" + code + "/"; }
std::string page_path(const Page& page) { return page.slug + "/"; }

std::string post_path(const Post& post) { return std::string(kNewsPath) + post.slug + "/"; }
std::string tag_path(const Tag& tag) { return std::string(kNewsPath) + "the/" + tag.slug + "/"; }

std::string news_page_path(long long page) {
  return page <= 1 ? std::string(kNewsPath) : std::string(kNewsPath) + "trang/" + std::to_string(page) + "/";
}

std::string month_path(const Month& month) {
  return std::string(kNewsPath) + std::to_string(month.year) + "/" + (month.month < 10 ? "0" : "") +
         std::to_string(month.month) + "/";
}

std::optional<std::string> internal_link_path(std::string_view link) {
  if (link.empty() || link.front() == '#' || link.starts_with("//")) return std::nullopt;
  std::size_t colon = link.find(':');
  if (colon != std::string_view::npos && colon < link.find_first_of("/?#")) return std::nullopt;  // a scheme
  while (link.starts_with("/")) link.remove_prefix(1);
  return std::string(link);
}

bool is_reserved_section(std::string_view slug) {
  static constexpr std::array<std::string_view, 11> kReserved = {
      "thu-tuc", "linh-vuc", "tthc",    "tim-kiem", "tin-tuc", "ket-qua",
      "in-an",   "du-lieu",  "assets",  "static",   "404"};
  return std::find(kReserved.begin(), kReserved.end(), slug) != kReserved.end();
}

bool is_valid_code(std::string_view code) {
  if (code.empty() || code.front() == '.' || code.back() == '.') return false;
  if (code.find("..") != std::string_view::npos) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == '-';
  });
}

std::string root_prefix(std::string_view page_path) {
  std::string prefix;
  for (char c : page_path)
    if (c == '/') prefix += "../";
  return prefix.empty() ? "./" : prefix;
}

std::string absolute_url(const SiteConfig& config, std::string_view path) {
  return config.base_url + "/" + std::string(path);
}

}  // namespace ck
