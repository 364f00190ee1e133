// Loading one news post (content/news/*.md) and the files editors publish
// as they are (content/static/).
#include "fields.h"
#include "front_matter.h"
#include "load.h"

namespace ck {
namespace {

void read_post_date(Fields& fields, Post& post) {
  post.date_at = fields.pos_of("date");
  std::string raw = fields.text("date", Need::required);
  if (raw.empty()) return;
  if (auto when = parse_iso_datetime(raw)) {
    post.date = *when;
    return;
  }
  fields.diags().error(post.date_at,
                       {"ngày đăng không hợp lệ \"" + raw + "\"", "invalid post date \"" + raw + "\""},
                       {"viết 2023-05-25, hoặc kèm giờ 2023-05-25T08:30 (giờ Việt Nam)",
                        "write 2023-05-25, or with a time 2023-05-25T08:30 (Vietnam time)"});
}

void read_cover(Fields& fields, Post& post) {
  post.cover = fields.text("cover");
  post.cover_at = fields.pos_of("cover");
  post.cover_alt = fields.text("cover_alt");
  if (!post.cover.empty() && post.cover_alt.empty())
    fields.diags().error(post.cover_at,
                         {"ảnh bìa cần lời mô tả (cover_alt)", "a cover image needs alt text (cover_alt)"},
                         {"thêm cover_alt: mô tả ngắn nội dung ảnh cho người không nhìn thấy ảnh",
                          "add cover_alt: a short description of the picture for people who cannot see it"});
}

}  // namespace

std::optional<Post> load_post(const SourceFile& file, Diagnostics& diags) {
  auto doc = read_document(file, diags);
  if (!doc) return std::nullopt;
  Fields* fields = &doc->fields;
  Post post;
  post.source = {file.path, 1, 1};
  post.title = fields->text("title", Need::required);
  post.slug = fields->text("slug");
  read_post_date(*fields, post);
  post.summary = fields->text("summary");
  post.tags = fields->text_list("tags");
  post.draft = fields->boolean("draft").value_or(false);
  read_cover(*fields, post);
  post.author = fields->text("author");
  post.at = {{}, fields->pos_of("title").place(), {}, fields->place_of("slug").place()};
  post.body = std::move(doc->body);
  fields->warn_unknown_keys();
  return post;
}

std::vector<StaticFile> list_static_files(const std::string& dir, const Disk& disk) {
  std::vector<StaticFile> files;
  if (!disk.is_directory(dir)) return files;
  for (const std::string& path : disk.list(dir, ""))
    files.push_back({"static/" + path.substr(dir.size() + 1), path});
  return files;
}

}  // namespace ck
