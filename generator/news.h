// News in the model: which posts are published (drafts and scheduled posts
// are held back unless asked for), newest first, grouped by tag and month.
#pragma once

#include <cstddef>
#include <vector>

#include "model.h"

namespace ck {

// Assigns slugs, applies `policy`, orders and groups. Counts what it held back.
News build_news(std::vector<Post> posts, long long per_page, const PublishPolicy& policy, Diagnostics& diags);

// One page of a paginated list: items [first, end).
struct PageSlice {
  std::size_t first = 0;
  std::size_t end = 0;
  bool operator==(const PageSlice&) const = default;
};

// Pages of `per_page` items; always at least one page, empty when count is 0,
// so the news list exists before the first post.
std::vector<PageSlice> paginate(std::size_t count, long long per_page);

}  // namespace ck
