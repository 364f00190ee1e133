#include "news.h"

#include <gtest/gtest.h>

#include "load.h"
#include "render.h"
#include "test_site.h"
#include "urls.h"

namespace ck {
namespace {

std::string post(const std::string& title, const std::string& date, const std::string& extra = "") {
  return "---\ntitle: " + title + "\ndate: " + date + "\n" + extra + "---\nNội dung.\n";
}

Site load(const MemoryDisk& disk, const PublishPolicy& policy, Diagnostics& diags) {
  return build_model(load_sources({}, disk, diags), policy, diags);
}

long long at(const char* text) {
  return parse_iso_datetime(text).value().utc_seconds();
}

std::vector<std::string> titles(const Site& site) {
  std::vector<std::string> out;
  for (const Post& p : site.news.posts) out.push_back(p.title);
  return out;
}

MemoryDisk news_site() {
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/a.md"] = post("Cũ", "2023-05-01");
  disk.files["content/news/b.md"] = post("Mới", "2023-05-25T08:00");
  disk.files["content/news/c.md"] = post("Nháp", "2023-05-02", "draft: true\n");
  disk.files["content/news/d.md"] = post("Hẹn giờ", "2023-05-26");  // Vietnam midnight
  return disk;
}

TEST(News, DraftsAndFuturePostsAreHeldBackAndCounted) {
  Diagnostics diags;
  Site site = load(news_site(), {at("2023-05-25T12:00"), false, false}, diags);
  EXPECT_EQ(format_all(diags, Lang::en), "");
  EXPECT_EQ(titles(site), (std::vector<std::string>{"Mới", "Cũ"}));
  EXPECT_EQ(site.news.drafts_held, 1u);
  EXPECT_EQ(site.news.future_held, 1u);
}

TEST(News, ScheduledPostAppearsAtVietnamMidnightNotUtcMidnight) {
  Diagnostics diags;
  // 23:59:59 on the 25th in Vietnam: not yet.
  EXPECT_EQ(load(news_site(), {at("2023-05-25T16:59:59Z"), false, false}, diags).news.future_held, 1u);
  // 00:00 on the 26th in Vietnam (17:00 UTC on the 25th): published.
  EXPECT_EQ(load(news_site(), {at("2023-05-25T17:00:00Z"), false, false}, diags).news.future_held, 0u);
}

TEST(News, FlagsPublishDraftsAndFuturePosts) {
  Diagnostics diags;
  Site site = load(news_site(), {at("2023-05-25T12:00"), true, true}, diags);
  EXPECT_EQ(titles(site), (std::vector<std::string>{"Hẹn giờ", "Mới", "Nháp", "Cũ"}));
  EXPECT_EQ(site.news.drafts_held + site.news.future_held, 0u);
}

TEST(News, SameInstantIsOrderedBySlugWhateverTheFileOrder) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/1.md"] = post("Bê", "2023-05-01");
  disk.files["content/news/2.md"] = post("A", "2023-05-01T00:00+07:00");
  Diagnostics diags;
  EXPECT_EQ(titles(load(disk, {}, diags)), (std::vector<std::string>{"A", "Bê"}));
}

TEST(News, TagsGroupBySlugAndMonthsUseVietnamDates) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/1.md"] =
      post("Một", "2023-05-31T17:30:00Z", "tags: [Hội nghị]\n");  // 1/6 in Vietnam
  disk.files["content/news/2.md"] = post("Hai", "2023-05-31", "tags: [hội nghị, Tuyên truyền]\n");
  Diagnostics diags;
  Site site = load(disk, {}, diags);
  ASSERT_EQ(site.news.tags.size(), 2u);
  EXPECT_EQ(site.news.tags[0].slug, "hoi-nghi");
  EXPECT_EQ(site.news.tags[0].posts, (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(site.news.months.size(), 2u);
  EXPECT_EQ(month_path(site.news.months[0]), "tin-tuc/2023/06/");
  EXPECT_EQ(month_path(site.news.months[1]), "tin-tuc/2023/05/");
}

TEST(News, BadDateAndCoverWithoutAltAreErrorsAtTheirLines) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/x.md"] = post("Tin", "25/5/2023", "cover: /static/anh.png\n");
  disk.files["content/static/anh.png"] = "png";
  Diagnostics diags;
  load(disk, {}, diags);
  EXPECT_EQ(format_all(diags, Lang::en),
            "content/news/x.md:3:7: error: invalid post date \"25/5/2023\"\n"
            "  hint: write 2023-05-25, or with a time 2023-05-25T08:30 (Vietnam time)\n"
            "content/news/x.md:4:8: error: a cover image needs alt text (cover_alt)\n"
            "  hint: add cover_alt: a short description of the picture for people who cannot see it\n");
}

TEST(News, MissingCoverFileIsAnError) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/x.md"] =
      post("Tin", "2023-05-25", "cover: /static/khong-co.png\ncover_alt: Ảnh\n");
  Diagnostics diags;
  load(disk, {}, diags);
  EXPECT_EQ(diags.error_count(), 1);
  EXPECT_NE(format_all(diags, Lang::en).find("content/news/x.md:4:8: error: cover image"), std::string::npos);
}

TEST(Attachments, FormFilesMustExistAndAreWrittenFromTheSiteRoot) {
  MemoryDisk disk = testing::small_site();
  disk.files["content/static/mau/to-khai.docx"] = "docx";
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich",
      "documents:\n  - name: Tờ khai\n    form: /static/mau/to-khai.docx\n  - name: Giấy tờ khác\n    form: "
      "/static/mau/khong-co.docx\n");
  Diagnostics diags;
  Site site = load(disk, {}, diags);
  std::optional<ProcedureDetails> details = procedure_details(site, site.procedures[0], diags);
  ASSERT_TRUE(details);
  EXPECT_EQ(details->documents[0].papers[0].form, "static/mau/to-khai.docx");
  EXPECT_EQ(format_all(diags, Lang::en),
            "procedures/ho-tich/khai-sinh.md:13:11: error: form \"/static/mau/khong-co.docx\" not found\n"
            "  hint: put the file under content/static/ and write /static/<file name>, or a full https://… address\n");
}

TEST(Pagination, Edges) {
  using S = PageSlice;
  EXPECT_EQ(paginate(0, 5), (std::vector<S>{{0, 0}}));
  EXPECT_EQ(paginate(1, 5), (std::vector<S>{{0, 1}}));
  EXPECT_EQ(paginate(5, 5), (std::vector<S>{{0, 5}}));
  EXPECT_EQ(paginate(6, 5), (std::vector<S>{{0, 5}, {5, 6}}));
  EXPECT_EQ(paginate(10, 5), (std::vector<S>{{0, 5}, {5, 10}}));
}

TEST(Pagination, PagePaths) {
  EXPECT_EQ(news_page_path(1), "tin-tuc/");
  EXPECT_EQ(news_page_path(2), "tin-tuc/trang/2/");
}

TEST(Links, InternalLinkPaths) {
  EXPECT_EQ(internal_link_path("/static/a.pdf"), "static/a.pdf");
  EXPECT_EQ(internal_link_path("thu-tuc/"), "thu-tuc/");
  EXPECT_EQ(internal_link_path("/"), "");
  EXPECT_EQ(internal_link_path("https://dichvucong.gov.vn/"), std::nullopt);
  EXPECT_EQ(internal_link_path("mailto:a@b.vn"), std::nullopt);
  EXPECT_EQ(internal_link_path("//cdn.example/x.js"), std::nullopt);
  EXPECT_EQ(internal_link_path("#muc-1"), std::nullopt);
}

}  // namespace
}  // namespace ck
