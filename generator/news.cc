// The news part of the model: which posts are published, their order, their
// tags and months.
#include "news.h"

#include <algorithm>
#include <tuple>

#include "slug.h"
#include "unicode.h"

namespace ck {
namespace {

void assign_post_slug(Post& post, Diagnostics& diags) {
  if (!post.slug.empty()) {
    if (!is_valid_slug(post.slug))
      diags.error(post.source.at(post.at.slug),
                  {"slug \"" + post.slug + "\" không hợp lệ", "invalid slug \"" + post.slug + "\""},
                  {"chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ hoi-nghi-cai-cach-hanh-chinh",
                   "use lowercase ASCII letters, digits and hyphens, e.g. hoi-nghi-cai-cach-hanh-chinh"});
    return;
  }
  post.slug = slugify(post.title);
  if (post.slug.empty() && !post.title.empty())
    diags.error(post.source.at(post.at.name),
                {"không tạo được địa chỉ (slug) từ tiêu đề \"" + post.title + "\"",
                 "cannot make a URL slug from the title \"" + post.title + "\""},
                {"thêm trường \"slug:\" bằng chữ không dấu", "add a \"slug:\" field in plain ASCII"});
}

bool is_published(const Post& post, const PublishPolicy& policy, News& news) {
  if (post.draft && !policy.drafts) {
    ++news.drafts_held;
    return false;
  }
  if (policy.now && post.date.utc_seconds() > *policy.now && !policy.future) {
    ++news.future_held;
    long long at = post.date.utc_seconds();
    news.next_publication = std::min(news.next_publication.value_or(at), at);
    return false;
  }
  return true;
}

// Newest first; posts of the same instant by slug, then file, so the order
// never depends on the order files were listed in.
void sort_newest_first(std::vector<Post>& posts) {
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
    return std::tuple(b.date.utc_seconds(), a.slug, a.source.file) <
           std::tuple(a.date.utc_seconds(), b.slug, b.source.file);
  });
}

// Tags are grouped by slug, so "Cải cách hành chính" and "cải cách hành
// chính" are one tag; the first spelling (newest post) names it.
std::vector<Tag> group_tags(const std::vector<Post>& posts) {
  std::map<std::string, Tag> by_slug;
  for (std::size_t i = 0; i < posts.size(); ++i)
    for (const std::string& name : posts[i].tags) {
      std::string slug = slugify(name);
      if (slug.empty()) continue;
      Tag& tag = by_slug.try_emplace(slug, Tag{slug, name, {}}).first->second;
      if (tag.posts.empty() || tag.posts.back() != i) tag.posts.push_back(i);
    }
  std::vector<Tag> tags;
  for (auto& [slug, tag] : by_slug) tags.push_back(std::move(tag));
  return tags;
}

// Months of the posts' Vietnam dates, newest first (posts already are).
std::vector<Month> group_months(const std::vector<Post>& posts) {
  std::vector<Month> months;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    Date local = vietnam_time(posts[i].date.utc_seconds()).date;
    if (months.empty() || months.back().year != local.year || months.back().month != local.month)
      months.push_back({local.year, local.month, {}});
    months.back().posts.push_back(i);
  }
  return months;
}

}  // namespace

std::vector<PageSlice> paginate(std::size_t count, long long per_page) {
  std::size_t size = per_page > 0 ? static_cast<std::size_t>(per_page) : 1;
  std::vector<PageSlice> pages;
  for (std::size_t first = 0; first < count || pages.empty(); first += size)
    pages.push_back({first, std::min(count, first + size)});
  return pages;
}

News build_news(std::vector<Post> posts, long long per_page, const PublishPolicy& policy,
                Diagnostics& diags) {
  News news;
  news.per_page = per_page;
  for (Post& post : posts) {
    assign_post_slug(post, diags);
    if (is_published(post, policy, news)) news.posts.push_back(std::move(post));
  }
  sort_newest_first(news.posts);
  news.tags = group_tags(news.posts);
  news.months = group_months(news.posts);
  return news;
}

}  // namespace ck
