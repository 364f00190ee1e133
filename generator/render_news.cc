// The news pages: the paginated list, one page per post with the previous
// and next posts, a page per tag and per month.
#include "news.h"
#include "render.h"
#include "slug.h"
#include "urls.h"

namespace ck {
namespace {

std::string vietnamese_day(const Post& post) {
  return format_vietnamese(vietnam_time(post.date.utc_seconds()).date);
}

std::string month_name(const Month& month) {
  return std::to_string(month.month) + "/" + std::to_string(month.year);
}

TemplateList tag_links(const Site& site, const Post& post) {
  TemplateList list;
  for (const std::string& name : post.tags)
    for (const Tag& tag : site.news.tags)
      if (tag.slug == slugify(name)) {
        TemplateData item;
        item.set("name", tag.name);
        item.set("url", tag_path(tag));
        list.push_back(std::move(item));
      }
  return list;
}

TemplateData post_link(const Post& post) {
  TemplateData item;
  item.set("title", post.title);
  item.set("url", post_path(post));
  item.set("date", vietnamese_day(post));
  item.set("datetime", format_rfc3339(post.date));
  put(item, "summary", post.summary);
  return item;
}

TemplateList post_list(const Site& site, const std::vector<std::size_t>& indices, std::size_t first,
                       std::size_t end) {
  TemplateList list;
  for (std::size_t i = first; i < end && i < indices.size(); ++i)
    list.push_back(post_link(site.news.posts[indices[i]]));
  return list;
}

std::vector<std::size_t> all_posts(const Site& site) {
  std::vector<std::size_t> indices(site.news.posts.size());
  for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
  return indices;
}

// Tags and months, shown beside the first page of the list.
void put_archive(const Site& site, TemplateData& data) {
  TemplateList tags, months;
  for (const Tag& tag : site.news.tags) {
    TemplateData item;
    item.set("name", tag.name);
    item.set("url", tag_path(tag));
    item.set("count", std::to_string(tag.posts.size()));
    tags.push_back(std::move(item));
  }
  for (const Month& month : site.news.months) {
    TemplateData item;
    item.set("name", month_name(month));
    item.set("url", month_path(month));
    item.set("count", std::to_string(month.posts.size()));
    months.push_back(std::move(item));
  }
  put_list(data, "tags", tags);
  put_list(data, "months", months);
}

TemplateData pagination(long long page, long long pages) {
  TemplateData nav;
  nav.set("page", std::to_string(page));
  nav.set("pages", std::to_string(pages));
  if (page > 1) nav.set("newer_url", news_page_path(page - 1));
  if (page < pages) nav.set("older_url", news_page_path(page + 1));
  nav.set("show", pages > 1);
  return nav;
}

OutputFile list_page(const RenderContext& ctx, const std::string& path, const std::string& title,
                     TemplateData data) {
  data.set("heading", title);
  return {path + "index.html", ctx.render_page("news", std::move(data)), {}};
}

}  // namespace

OutputFile render_news_page(const RenderContext& ctx, const PageSlice& slice, long long page,
                            long long pages) {
  const Site& site = ctx.site();
  const std::string path = news_page_path(page);
  std::string title = ctx.text("news_title");
  if (page > 1) title += " – " + ctx.text("news_page") + " " + std::to_string(page);
  TemplateData data = ctx.page_data(path, title);
  put_list(data, "posts", post_list(site, all_posts(site), slice.first, slice.end));
  data.set("pagination", pagination(page, pages));
  data.set("is_news_index", true);
  if (page == 1) put_archive(site, data);
  return list_page(ctx, path, title, std::move(data));
}

OutputFile render_tag(const RenderContext& ctx, const Tag& tag) {
  const std::string path = tag_path(tag);
  const std::string title = ctx.text("news_tag_title") + ": " + tag.name;
  TemplateData data = ctx.page_data(path, title);
  put_list(data, "posts", post_list(ctx.site(), tag.posts, 0, tag.posts.size()));
  return list_page(ctx, path, title, std::move(data));
}

OutputFile render_month(const RenderContext& ctx, const Month& month) {
  const std::string path = month_path(month);
  const std::string title = ctx.text("news_month_title") + " " + month_name(month);
  TemplateData data = ctx.page_data(path, title);
  put_list(data, "posts", post_list(ctx.site(), month.posts, 0, month.posts.size()));
  return list_page(ctx, path, title, std::move(data));
}

OutputFile render_post(const RenderContext& ctx, std::size_t index, Diagnostics& diags) {
  const Site& site = ctx.site();
  const Post& post = site.news.posts[index];
  const std::string path = post_path(post);
  TemplateData data = ctx.page_data(path, post.title);
  put(data, "description", post.summary);
  TemplateData item = post_link(post);
  put(item, "author", post.author);
  if (!post.cover.empty()) {
    item.set("cover", post.cover);
    item.set("cover_alt", post.cover_alt);
  }
  put_list(item, "tags", tag_links(site, post));
  item.set("body", ctx.markdown(post.body, 0, 2, diags, path));
  if (index + 1 < site.news.posts.size()) item.set("older", post_link(site.news.posts[index + 1]));
  if (index > 0) item.set("newer", post_link(site.news.posts[index - 1]));
  data.set("post", item);
  return {path + "index.html", ctx.render_page("post", std::move(data)), {}};
}

TemplateList latest_posts(const RenderContext& ctx, std::size_t count) {
  const Site& site = ctx.site();
  return post_list(site, all_posts(site), 0, count);
}

void plan_news(const RenderContext& ctx, std::vector<RenderJob>& jobs) {
  const Site& site = ctx.site();
  if (site.news.posts.empty()) return;
  auto add = [&](std::string path, std::function<OutputFile(Diagnostics&)> run) {
    jobs.push_back({std::move(path), std::move(run)});
  };
  std::vector<PageSlice> slices = paginate(site.news.posts.size(), site.news.per_page);
  const auto pages = static_cast<long long>(slices.size());
  for (long long n = 1; n <= pages; ++n)
    add(news_page_path(n) + "index.html", [&ctx, slice = slices[n - 1], n, pages](Diagnostics&) {
      return render_news_page(ctx, slice, n, pages);
    });
  for (std::size_t i = 0; i < site.news.posts.size(); ++i)
    add(post_path(site.news.posts[i]) + "index.html",
        [&ctx, i](Diagnostics& diags) { return render_post(ctx, i, diags); });
  for (const Tag& tag : site.news.tags)
    add(tag_path(tag) + "index.html", [&ctx, &tag](Diagnostics&) { return render_tag(ctx, tag); });
  for (const Month& month : site.news.months)
    add(month_path(month) + "index.html", [&ctx, &month](Diagnostics&) { return render_month(ctx, month); });
  add(std::string(kFeedPath), [&ctx](Diagnostics&) { return render_feed(ctx); });
}

}  // namespace ck
