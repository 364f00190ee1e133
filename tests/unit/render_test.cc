#include "render.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>

#include "build.h"
#include "load.h"
#include "print.h"
#include "results.h"
#include "template.h"
#include "test_site.h"
#include "theme.h"
#include "urls.h"

namespace ck {
namespace {

// Renders the in-memory site with the repository's default theme.
class RenderTest : public ::testing::Test {
 protected:
  std::string render_file(MemoryDisk disk, const std::string& path, Diagnostics& diags) {
    site_ = build_model(load_sources({}, disk, diags), diags);
    RealDisk real;
    theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags);
    EXPECT_TRUE(theme_.has_value());
    RenderContext ctx(site_, *theme_);
    for (const RenderJob& job : plan_site(ctx))
      if (job.path == path) return job.run(diags).bytes;
    ADD_FAILURE() << "no job for " << path;
    return {};
  }
  // The context of the site on `disk`, which must load without errors.
  RenderContext context_of(const MemoryDisk& disk, InputKeys keys) {
    Diagnostics diags;
    site_ = build_model(load_sources({}, disk, diags), diags);
    EXPECT_FALSE(diags.has_errors()) << format_all(diags, Lang::en);
    RealDisk real;
    theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags);
    return RenderContext(site_, *theme_, keys);
  }
  Site site_;
  std::optional<Theme> theme_;
};

// Pages that list every procedure run one at a time to bound a clean build's
// memory: each text file that names every procedure must be marked, and
// only those.
TEST_F(RenderTest, JobsThatListEveryProcedureAreMarked) {
  MemoryDisk disk = testing::small_site();
  std::vector<std::string> codes = {"1.001193", "2.000815"};
  for (int i = 0; i < 4; ++i) {
    codes.push_back("3.00000" + std::to_string(i));
    disk.files["procedures/ho-tich/t" + std::to_string(i) + ".md"] =
        testing::procedure(codes.back(), "Thủ tục " + std::to_string(i), "ho-tich");
  }
  Diagnostics diags;
  site_ = build_model(load_sources({}, disk, diags), diags);
  RealDisk real;
  theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags);
  ASSERT_TRUE(theme_.has_value());
  RenderContext ctx(site_, *theme_);
  std::size_t marked = 0;
  for (const RenderJob& job : plan_site(ctx)) {
    if (!job.path.ends_with(".html") && !job.path.ends_with(".xml") && !job.path.ends_with(".js")) continue;
    const std::string text = job.run(diags).bytes;
    const bool names_all =
        std::all_of(site_.procedures.begin(), site_.procedures.end(), [&](const Procedure& p) {
          return text.find(p.code) != std::string::npos || text.find(procedure_path(p)) != std::string::npos;
        });
    EXPECT_EQ(job.lists_every_procedure, names_all) << job.path;
    marked += job.lists_every_procedure;
  }
  EXPECT_GE(marked, 5u);  // the catalog, the sitemap, the search page and index, the print index, the booklet
}

// The most listing jobs running at once, on two threads, when the build
// makes `making` files: each listing job waits up to half a second for
// another to join it, and a job marked current just keeps its file.
int most_listings_at_once(std::size_t making) {
  std::vector<RenderJob> jobs(2000);
  for (std::size_t i = 0; i < 4; ++i) jobs[i * 10].lists_every_procedure = true;
  std::vector<char> current(jobs.size(), 1);
  std::fill(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(making), 0);
  std::atomic<int> running{0}, most{0};
  auto note = [&](int n) {
    for (int m = most.load(); n > m && !most.compare_exchange_weak(m, n);) {
    }
  };
  run_jobs(jobs, current, 2, [&](std::size_t i) {
    if (current[i] || !jobs[i].lists_every_procedure) return;
    note(++running);
    for (int waited = 0; running.load() < 2 && waited < 100; ++waited)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    note(running.load());
    --running;
  });
  return most.load();
}

// Lists are made one at a time, bounding a build's memory, in a small
// rebuild (a procedure renamed) too: there the booklet runs beside them.
// Side by side, a rename at 100,000 procedures peaked 50–90 MB higher.
TEST(RunJobsTest, ListsOneAtATime) {
  EXPECT_EQ(most_listings_at_once(40), 1);
}

// The order one thread starts the jobs in when the build makes `making`
// of 2,000 files: job 10 is marked to start first, job 5 last.
std::vector<std::size_t> start_order(std::size_t making) {
  std::vector<RenderJob> jobs(2000);
  jobs[5].turn = RenderJob::Turn::last;
  jobs[10].turn = RenderJob::Turn::first;
  std::vector<char> current(jobs.size(), 1);
  std::fill(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(making), 0);
  std::vector<std::size_t> order;
  run_jobs(jobs, current, 1, [&](std::size_t i) { order.push_back(i); });
  return order;
}

// A clean build keeps the plan's order; a small rebuild starts the booklet
// first and the domains' sheets, which wait for its parts, last.
TEST(RunJobsTest, ASmallRebuildStartsItsTurnsInOrder) {
  const std::vector<std::size_t> clean = start_order(2000);
  ASSERT_EQ(clean.size(), 2000u);
  EXPECT_TRUE(std::is_sorted(clean.begin(), clean.end()));
  const std::vector<std::size_t> small = start_order(40);
  ASSERT_EQ(small.size(), 2000u);
  EXPECT_EQ(small.front(), 10u);
  EXPECT_EQ(small.back(), 5u);
  EXPECT_TRUE(std::is_sorted(small.begin() + 1, small.end() - 1));
}

// Renaming a procedure remakes its domain's page and sheet and the lists of
// every procedure, not the other domains' pages and sheets, nor the news,
// the results and the pages.
TEST_F(RenderTest, DomainAndPageKeysFollowWhatThePagesShow) {
  struct Keys {
    std::uint64_t own_domain, other_domain, pages, lists;
  };
  // The site with its birth registration given `name`, `domain` and `slug`.
  auto keys = [&](const std::string& name, const std::string& domain, const std::string& slug = "khai-sinh") {
    MemoryDisk disk = testing::small_site();
    disk.files["procedures/ho-tich/khai-sinh.md"] =
        testing::procedure("1.001193", name, domain, "slug: " + slug + "\n");
    RenderContext ctx = context_of(disk, {1, 10, 100});
    return Keys{ctx.domain_key(*site_.find_domain("ho-tich")),
                ctx.domain_key(*site_.find_domain("chung-thuc")), ctx.pages_key(), ctx.lists_key()};
  };
  const Keys before = keys("Đăng ký khai sinh", "ho-tich");

  const Keys renamed = keys("Đăng ký khai sinh mới", "ho-tich");  // at the same address
  EXPECT_NE(renamed.own_domain, before.own_domain);
  EXPECT_EQ(renamed.other_domain, before.other_domain);
  EXPECT_EQ(renamed.pages, before.pages);
  EXPECT_NE(renamed.lists, before.lists);  // the home page

  const Keys moved = keys("Đăng ký khai sinh", "chung-thuc");  // the home page counts it elsewhere
  EXPECT_NE(moved.own_domain, before.own_domain);
  EXPECT_NE(moved.other_domain, before.other_domain);
  EXPECT_NE(moved.lists, before.lists);

  // A link on any page may point at a new address.
  EXPECT_NE(keys("Đăng ký khai sinh", "ho-tich", "dang-ky-khai-sinh").pages, before.pages);
}

// `text` with its first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// A list shows a few fields of each procedure: editing its summary or fee
// remakes its own pages, not the lists or its domain's page; editing its
// keywords (the search index) or what its code holds (the sheets) does.
TEST_F(RenderTest, ListKeysFollowWhatListsShow) {
  struct Keys {
    std::uint64_t own, domain, lists, index;
  };
  auto keys = [&](const std::string& file) {
    MemoryDisk disk = testing::small_site();
    disk.files["procedures/ho-tich/khai-sinh.md"] = file;
    RenderContext ctx = context_of(disk, {1, 10, 100});
    return Keys{ctx.procedure_key(*site_.find_procedure("1.001193")),
                ctx.domain_key(*site_.find_domain("ho-tich")), ctx.procedure_lists_key(), ctx.index_key()};
  };
  auto birth = [](const std::string& fields) {
    return testing::procedure("1.001193", "Đăng ký khai sinh", "ho-tich", fields);
  };
  const std::string summary = "summary: Cấp giấy khai sinh.\n";
  const Keys before = keys(birth(summary));
  for (const std::string& edited_file : {birth("summary: Cấp giấy khai sinh cho trẻ.\n"),
                                         replaced(birth(summary), "Miễn phí", "8.000 đồng")}) {
    const Keys edited = keys(edited_file);
    EXPECT_NE(edited.own, before.own) << edited_file;
    EXPECT_EQ(edited.domain, before.domain) << edited_file;
    EXPECT_EQ(edited.lists, before.lists) << edited_file;
    EXPECT_EQ(edited.index, before.index) << edited_file;
  }
  const Keys keywords = keys(birth(summary + "keywords: [giấy khai sinh]\n"));
  EXPECT_NE(keywords.lists, before.lists);
  EXPECT_NE(keywords.index, before.index);
  const Keys online =
      keys(birth(summary + "online_url: https://dichvucong.gov.vn/p/1\nqr_encode: online-url\n"));
  EXPECT_NE(online.domain, before.domain);
  EXPECT_NE(online.lists, before.lists);
}

// A poster shows the procedure's name, code, domain, time limit and fee:
// editing its steps keeps its PDF; editing any of those remakes it.
TEST_F(RenderTest, PosterKeyFollowsWhatThePosterShows) {
  auto poster_key = [&](const std::string& file) {
    MemoryDisk disk = testing::small_site();
    disk.files["procedures/ho-tich/khai-sinh.md"] = file;
    RenderContext ctx = context_of(disk, {1, 10, 100});
    const std::string path = poster_pdf_path(*site_.find_procedure("1.001193"));
    for (const RenderJob& job : plan_site(ctx))
      if (job.path == path) return job.key;
    ADD_FAILURE() << "no job makes " << path;
    return std::uint64_t{0};
  };
  const std::string birth = testing::procedure("1.001193", "Đăng ký khai sinh", "ho-tich");
  const std::uint64_t before = poster_key(birth);
  EXPECT_EQ(poster_key(replaced(birth, "nộp hồ sơ.", "nộp hồ sơ tại bộ phận một cửa.")), before);
  EXPECT_NE(poster_key(replaced(birth, "Miễn phí", "8.000 đồng")), before);
  EXPECT_NE(poster_key(replaced(birth, "Trong ngày", "03 ngày làm việc")), before);
  EXPECT_NE(poster_key(replaced(birth, "name: Đăng ký khai sinh", "name: Đăng ký khai sinh mới")), before);
  EXPECT_NE(poster_key(replaced(birth, "domain: ho-tich", "domain: chung-thuc")), before);
  // The checklist and where to submit.
  const std::string papers = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich",
      "submit_at: Bộ phận Một cửa\ndocuments:\n  - name: Tờ khai\n    originals: 1\n    copies: 0\n");
  const std::uint64_t with_papers = poster_key(papers);
  EXPECT_NE(with_papers, before);
  EXPECT_EQ(poster_key(replaced(papers, "nộp hồ sơ.", "nộp hồ sơ tại bộ phận một cửa.")), with_papers);
  EXPECT_NE(poster_key(replaced(papers, "name: Tờ khai", "name: Tờ khai theo mẫu")), with_papers);
  EXPECT_NE(poster_key(replaced(papers, "copies: 0", "copies: 2")), with_papers);
  EXPECT_NE(poster_key(replaced(papers, "submit_at: Bộ phận Một cửa", "submit_at: Nhà văn hóa thôn")), with_papers);
}

TEST_F(RenderTest, YamlValuesAreEscaped) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "\"<script>alert(1)</script>\"", "ho-tich", "summary: \"a & b <img src=x onerror=alert(1)>\"\n");
  Diagnostics diags;
  std::string html = render_file(disk, "thu-tuc/script-alert-1-script/index.html", diags);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; b &lt;img"), std::string::npos);
}

TEST_F(RenderTest, ShortLinkRedirectsToTheProcedurePage) {
  Diagnostics diags;
  std::string html = render_file(testing::small_site(), "tthc/1.001193/index.html", diags);
  EXPECT_NE(html.find("<meta http-equiv=\"refresh\" content=\"0; url=../../thu-tuc/dang-ky-khai-sinh/\">"),
            std::string::npos) << html;
  EXPECT_NE(html.find("<link rel=\"canonical\" href=\"https://thu.example.vn/thu-tuc/dang-ky-khai-sinh/\">"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"../../thu-tuc/dang-ky-khai-sinh/\">"), std::string::npos);
}

TEST_F(RenderTest, ProcedurePageHasChecklistAndOnlineLinkOnlyWhenGiven) {
  MemoryDisk disk = testing::small_site();
  disk.files["procedures/ho-tich/khai-sinh.md"] = testing::procedure(
      "1.001193", "Đăng ký khai sinh", "ho-tich",
      "online_service: toan-trinh\nonline_url: https://dichvucong.gov.vn/x\n"
      "documents:\n  - name: Tờ khai\n    originals: 1\n    copies: 0\n");
  Diagnostics diags;
  std::string html = render_file(disk, "thu-tuc/dang-ky-khai-sinh/index.html", diags);
  EXPECT_NE(html.find("<a class=\"button\" href=\"https://dichvucong.gov.vn/x\">Nộp hồ sơ trực tuyến</a>"),
            std::string::npos);
  EXPECT_NE(html.find("<input type=\"checkbox\" id=\"giay-to-1\">"), std::string::npos);
  EXPECT_NE(html.find("(Bản chính: 1 – Bản sao: 0)"), std::string::npos);
  std::string other = render_file(testing::small_site(), "thu-tuc/dang-ky-khai-sinh/index.html", diags);
  EXPECT_EQ(other.find("Nộp hồ sơ trực tuyến</a>"), std::string::npos);
}

TEST_F(RenderTest, SitemapListsEveryPageWithAbsoluteUrls) {
  Diagnostics diags;
  std::string xml = render_file(testing::small_site(), "sitemap.xml", diags);
  for (const char* url : {"https://thu.example.vn/", "https://thu.example.vn/thu-tuc/",
                          "https://thu.example.vn/thu-tuc/dang-ky-khai-sinh/",
                          "https://thu.example.vn/linh-vuc/chung-thuc/", "https://thu.example.vn/gioi-thieu/"})
    EXPECT_NE(xml.find("<loc>" + std::string(url) + "</loc>"), std::string::npos) << url;
}

// A procedure's pages, and the pages that list procedures, are made again
// when what they show changes, and only then: a post's or a page's text is
// not on them; the menu, the addresses links resolve against and the print
// key are.
TEST_F(RenderTest, ProcedureAndListKeysFollowWhatThePagesShow) {
  auto keys = [&](const MemoryDisk& disk, std::uint64_t inputs, std::uint64_t print) {
    RenderContext ctx = context_of(disk, {1, inputs, print});
    return std::tuple(ctx.procedure_key(site_.procedures.front()), ctx.lists_key(), ctx.procedure_lists_key(),
                      ctx.index_key());
  };
  auto post = [](const std::string& title, const std::string& body) {
    return "---\ntitle: " + title + "\ndate: 2023-05-01\n---\n" + body + "\n";
  };
  MemoryDisk disk = testing::small_site();
  disk.files["content/news/a.md"] = post("Tin A", "Một.");
  const auto before = keys(disk, 10, 100);

  MemoryDisk post_edited = disk;
  post_edited.files["content/news/a.md"] = post("Tin A", "Hai.");
  MemoryDisk page_edited = disk;
  page_edited.files["content/pages/gioi-thieu.md"] = "---\ntitle: Giới thiệu\nmenu: 1\n---\nXã Thử mới.\n";
  for (const MemoryDisk& edited : {post_edited, page_edited}) {
    const auto after = keys(edited, 11, 100);
    EXPECT_EQ(std::get<0>(after), std::get<0>(before));
    EXPECT_NE(std::get<1>(after), std::get<1>(before));  // the home page, the news, the sitemap: every input
    EXPECT_EQ(std::get<2>(after), std::get<2>(before));  // the catalog, the domains, the print pages
    EXPECT_EQ(std::get<3>(after), std::get<3>(before));  // the sitemap and the search index
  }

  // What the sitemap and the search index show of the news and results.
  MemoryDisk post_retitled = disk;  // at the same address
  post_retitled.files["content/news/a.md"] =
      "---\ntitle: Tin A mới\nslug: tin-a\ndate: 2023-05-01\n---\nMột.\n";
  MemoryDisk post_redated = disk;
  post_redated.files["content/news/a.md"] = "---\ntitle: Tin A\ndate: 2023-05-02\n---\nMột.\n";
  MemoryDisk month_added = disk;
  month_added.files["content/results/2023-05.md"] = scaffold_results(2023, 5);
  // The same title and date at another address, and a tag's page in the sitemap.
  MemoryDisk post_moved = disk;
  post_moved.files["content/news/a.md"] = "---\ntitle: Tin A\nslug: tin-a-cu\ndate: 2023-05-01\n---\nMột.\n";
  MemoryDisk post_tagged = disk;
  post_tagged.files["content/news/a.md"] =
      "---\ntitle: Tin A\ndate: 2023-05-01\ntags: [Hành chính]\n---\nMột.\n";
  for (const MemoryDisk& edited : {post_retitled, post_redated, month_added, post_moved, post_tagged})
    EXPECT_NE(std::get<3>(keys(edited, 11, 100)), std::get<3>(before));
  EXPECT_EQ(std::get<2>(keys(post_retitled, 11, 100)),
            std::get<2>(before));  // no list of procedures shows it

  MemoryDisk post_added = disk;
  post_added.files["content/news/b.md"] = post("Tin B", "Ba.");  // a link may now point at it
  MemoryDisk menu_renamed = disk;
  menu_renamed.files["content/pages/gioi-thieu.md"] = "---\ntitle: Về xã\nmenu: 1\n---\nXã Thử.\n";
  MemoryDisk no_news = testing::small_site();  // the header's link to the news goes
  for (const MemoryDisk& edited : {post_added, menu_renamed, no_news}) {
    EXPECT_NE(std::get<0>(keys(edited, 11, 100)), std::get<0>(before));
    EXPECT_NE(std::get<2>(keys(edited, 11, 100)), std::get<2>(before));
    EXPECT_NE(std::get<3>(keys(edited, 11, 100)), std::get<3>(before));
  }
  MemoryDisk renamed = disk;  // a procedure's name is in the index
  renamed.files["procedures/ho-tich/khai-sinh.md"] =
      testing::procedure("1.001193", "Đăng ký khai sinh mới", "ho-tich");
  EXPECT_NE(std::get<3>(keys(renamed, 11, 100)), std::get<3>(before));
  EXPECT_NE(std::get<0>(keys(disk, 10, 101)), std::get<0>(before));  // the theme, site.yaml or domains.yaml
  EXPECT_NE(std::get<2>(keys(disk, 10, 101)), std::get<2>(before));
  EXPECT_NE(std::get<3>(keys(disk, 10, 101)), std::get<3>(before));
}

// {{name}} escapes the five characters XML and HTML give meaning to, and
// nothing else; {{{name}}} inserts the text as it is.
TEST(Template, EscapesTheFiveCharactersOfHtml) {
  EXPECT_EQ(escape_xml(""), "");
  EXPECT_EQ(escape_xml("Đăng ký – khai sinh"), "Đăng ký – khai sinh");
  EXPECT_EQ(escape_xml("<<&&>>"), "&lt;&lt;&amp;&amp;&gt;&gt;");
  EXPECT_EQ(escape_xml("'a\"b'"), "&apos;a&quot;b&apos;");
  Diagnostics diags;
  std::optional<Template> t = Template::parse("{{x}}|{{{x}}}|{{#items}}{{.}}{{/items}}", "t", diags);
  ASSERT_TRUE(t.has_value());
  TemplateData data;
  data.set("x", "a&b<c>d\"e'f đ");
  TemplateList items;
  items.emplace_back("<i>");
  items.emplace_back("x&");
  data.set("items", items);
  EXPECT_EQ(t->render(data), "a&amp;b&lt;c&gt;d&quot;e&apos;f đ|a&b<c>d\"e'f đ|&lt;i&gt;x&amp;");
}

TEST(Theme, PartialsAreExpandedAndMissingOnesReported) {
  MemoryDisk disk;
  disk.files["t/default/templates/partials/a.mustache"] = "[{{> b}}]";
  disk.files["t/default/templates/partials/b.mustache"] = "B";
  Diagnostics diags;
  std::vector<std::string> dirs = {"t/default/templates"};
  EXPECT_EQ(expand_partials("x{{> a }}y{{>missing}}", dirs, disk, "page", diags), "x[B]y");
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(Theme, SiteTemplateOverridesOneTemplateAndKeepsTheRest) {
  MemoryDisk disk;
  for (const char* name : {"home", "catalog", "domain", "procedure", "page", "search", "404", "shortlink",
                           "print-index", "print-poster", "print-sheet", "print-booklet", "print-survey",
                           "results", "results-kpi", "results-tiles", "news", "post"})
    disk.files[std::string("t/default/templates/") + name + ".mustache"] = name;
  disk.files["t/default/templates/layout.mustache"] = "<{{{content}}}>";
  disk.files["t/default/i18n/vi.yaml"] = "hello: Xin chào\n";
  disk.files["site/templates/home.mustache"] = "mine {{t.hello}}";
  Diagnostics diags;
  auto theme = Theme::load({"t", "default", "vi", "site/templates"}, disk, diags);
  ASSERT_TRUE(theme) << format_all(diags, Lang::en);
  TemplateData data;
  data.set("t", theme->strings());
  EXPECT_EQ(theme->render_page("home", data), "<mine Xin chào>");
  EXPECT_EQ(theme->render_page("catalog", data), "<catalog>");
}

// A theme whose every template is its own name, and whose layout is `layout`.
std::optional<Theme> theme_with_layout(const std::string& layout, Diagnostics& diags) {
  MemoryDisk disk;
  for (const char* name : {"home", "catalog", "domain", "procedure", "page", "search", "404", "shortlink",
                           "print-index", "print-poster", "print-sheet", "print-booklet", "print-survey",
                           "results", "results-kpi", "results-tiles", "news", "post"})
    disk.files[std::string("t/default/templates/") + name + ".mustache"] = name;
  disk.files["t/default/templates/layout.mustache"] = layout;
  return Theme::load({"t", "default", "vi", ""}, disk, diags);
}

// A page is rendered between the halves of a layout whose {{{content}}}
// stands alone on its line; any other layout is rendered whole. Either way
// the page must be what Mustache makes of the whole layout, including its
// handling of lines that hold only a section tag.
TEST(Theme, LayoutsGiveThePageWhereverTheirContentStands) {
  const std::vector<std::string> layouts = {
      "{{#title}}\n<h1>{{title}}</h1>\n{{/title}}\n  {{{content}}}\n{{^title}}\nnone\n{{/title}}\n<end>",
      "<{{{content}}}>",
      "{{{content}}}",
      "{{#title}}[{{{content}}}]{{/title}}",                 // inside a section
      "{{{content}}}|{{{content}}}",                         // twice
      "{{title}} {{{content}}}\n{{#content}}!{{/content}}",  // beside another tag
      "x\n{{#title}}{{/title}}  {{{content}}}\ny",           // beside a section on its line
      "a\n{{#title}}\n{{/title}}\n{{{content}}}\n{{#title}}\nb\n{{/title}}",
      "{{=<% %>=}}\n{{{content}}}\n<%title%>",  // other delimiters: the tag is text
  };
  for (const std::string& layout : layouts) {
    Diagnostics diags;
    auto theme = theme_with_layout(layout, diags);
    ASSERT_TRUE(theme) << layout << format_all(diags, Lang::en);
    TemplateData data;
    data.set("title", "T & U");
    TemplateData whole = data;
    whole.set("content", "home");
    auto reference = Template::parse(layout, "layout", diags);
    ASSERT_TRUE(reference);
    EXPECT_EQ(theme->render_page("home", data), reference->render(whole)) << layout;
    if (!layout.starts_with("{{="))
      EXPECT_NE(theme->render_page("home", data).find("home"), std::string::npos) << layout;
  }
}

TEST(Theme, MissingTemplateIsReported) {
  MemoryDisk disk;
  disk.files["t/default/templates/layout.mustache"] = "{{{content}}}";
  Diagnostics diags;
  EXPECT_FALSE(Theme::load({"t", "default", "vi", ""}, disk, diags));
  EXPECT_EQ(diags.error_count(), 18);  // every template but the layout
}

}  // namespace
}  // namespace ck
