// Monthly results: number format, rounding, rates, verdicts, year to date,
// the checks on a month's figures, loading, the directive and the charts.
#include "results.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "build.h"
#include "charts.h"
#include "load.h"
#include "markdown.h"
#include "render.h"
#include "test_site.h"
#include "theme.h"
#include "vn_number.h"

namespace ck {
namespace {

TEST(VnNumber, GroupsThousandsWithDots) {
  EXPECT_EQ(vn_count(0), "0");
  EXPECT_EQ(vn_count(999), "999");
  EXPECT_EQ(vn_count(2528), "2.528");
  EXPECT_EQ(vn_count(1234567), "1.234.567");
  EXPECT_EQ(vn_count(-1234), "-1.234");
}

TEST(VnNumber, HundredthsUseACommaAndTwoDecimals) {
  EXPECT_EQ(vn_hundredths(9787), "97,87");
  EXPECT_EQ(vn_hundredths(10000), "100,00");
  EXPECT_EQ(vn_hundredths(5), "0,05");
  EXPECT_EQ(vn_hundredths(-87), "-0,87");
  EXPECT_EQ(vn_hundredths(123456), "1.234,56");
  EXPECT_EQ(dot_hundredths(9787), "97.87");
  EXPECT_EQ(dot_hundredths(-5), "-0.05");
}

TEST(VnNumber, RoundsHalfAwayFromZeroOnIntegers) {
  EXPECT_EQ(round_ratio(1, 20000, 10000), 1);    // 0.5 -> 1
  EXPECT_EQ(round_ratio(-1, 20000, 10000), -1);  // -0.5 -> -1
  EXPECT_EQ(round_ratio(1, 30000, 10000), 0);    // 0.33 -> 0
  EXPECT_EQ(round_ratio(2, 3, 10000), 6667);     // 66.666… %
  EXPECT_EQ(round_ratio(1, 8, 10000), 1250);
  // A float would give 0.285 * 100 = 28.499999…: integers give 28.5 -> 29 hundredths.
  EXPECT_EQ(round_ratio(57, 200000, 10000000), 2850);
  EXPECT_EQ(round_ratio(285, 100000, 10000), 29);
}

Figures may_2023() {
  Figures f;
  f.received = 239, f.received_online = 235, f.received_direct = 4, f.carried_over = 21;
  f.resolved = 235, f.early = 235;
  f.in_progress = 17, f.paused = 1;
  f.digitized_on_receipt = 235, f.digitized_results = 235;
  f.paid_online = 28, f.fee_bearing = 177;
  f.answered = 222, f.satisfied = 222;
  return f;
}

TEST(Rates, EachRateHasItsOwnNumeratorAndDenominator) {
  Figures f = may_2023();
  f.on_time = 0, f.early = 230, f.late = 5;
  EXPECT_EQ(rate_of(Rate::on_time, f).hundredths, 9787);  // 230/235
  EXPECT_EQ(rate_of(Rate::online, f).hundredths, 9833);   // 235/239
  EXPECT_EQ(rate_of(Rate::digitized, f).hundredths, 9833);
  EXPECT_EQ(rate_of(Rate::digitized_results, f).hundredths, 10000);
  EXPECT_EQ(rate_of(Rate::online_payment, f).hundredths, 1582);  // 28/177 = 15.819…
  EXPECT_EQ(rate_of(Rate::satisfaction, f).hundredths, 10000);
  RateValue v = rate_of(Rate::on_time, f);
  EXPECT_EQ(v.numerator, 230);
  EXPECT_EQ(v.denominator, 235);
}

TEST(Rates, SeedYearFigures) {
  Figures f;
  f.received = 2528, f.received_online = 2491, f.resolved = 2528, f.early = 2506, f.on_time = 22;
  f.paid_online = 1233, f.fee_bearing = 1858;
  EXPECT_EQ(rate_of(Rate::online, f).hundredths, 9854);          // 98.536…
  EXPECT_EQ(rate_of(Rate::online_payment, f).hundredths, 6636);  // 66.361…
  EXPECT_EQ(rate_of(Rate::on_time, f).hundredths, 10000);
}

TEST(Rates, ZeroDenominatorHasNoValue) {
  Figures f;
  for (const RateInfo& r : all_rates()) {
    RateValue v = rate_of(r.rate, f);
    EXPECT_FALSE(v.hundredths.has_value()) << r.key;
    EXPECT_EQ(assess(v, 9700).verdict, Verdict::none) << r.key;
  }
}

TEST(Verdicts, ExceededMetBelowWithMarginInPoints) {
  RateValue v{0, 1, 9787};
  Assessment a = assess(v, 9700);
  EXPECT_EQ(a.verdict, Verdict::exceeded);
  EXPECT_EQ(a.margin, 87);  // "vượt 0,87"
  EXPECT_EQ(assess(v, 9787).verdict, Verdict::met);
  EXPECT_EQ(assess(v, 9787).margin, 0);
  a = assess(v, 9800);
  EXPECT_EQ(a.verdict, Verdict::below);
  EXPECT_EQ(a.margin, -13);
  EXPECT_EQ(assess(v, std::nullopt).verdict, Verdict::none);
}

TEST(Verdicts, TheRoundedRateIsCompared) {
  // 96.996 % is published as 97,00 %: against 97 % it is "Đạt", as the reader sees.
  RateValue v = rate_of(Rate::satisfaction, [] {
    Figures f;
    f.answered = 100000;
    f.satisfied = 96996;
    return f;
  }());
  EXPECT_EQ(v.hundredths, 9700);
  EXPECT_EQ(assess(v, 9700).verdict, Verdict::met);
}

TEST(Targets, PercentTextsBecomeHundredths) {
  EXPECT_EQ(parse_percent("97"), 9700);
  EXPECT_EQ(parse_percent("97.5"), 9750);
  EXPECT_EQ(parse_percent("97,25"), 9725);
  EXPECT_EQ(parse_percent("100"), 10000);
  EXPECT_EQ(parse_percent("0"), 0);
  for (const char* bad : {"", "101", "97.123", "97%", "-5", "9 7", "97.", ".5", "abc"})
    EXPECT_FALSE(parse_percent(bad).has_value()) << bad;
}

MonthResults month(int y, int m, Figures f) {
  MonthResults r;
  r.source = {"content/results/" + month_key(y, m) + ".md", 1, 1};
  r.year = y, r.month = m, r.figures = f;
  return r;
}

TEST(YearToDate, SumsFlowsAndKeepsStocksFromTheEnds) {
  Figures a = may_2023(), b = may_2023();
  b.carried_over = 18, b.in_progress = 9, b.paused = 0, b.overdue = 2;
  MonthResults m1 = month(2023, 5, a), m2 = month(2023, 6, b);
  Figures sum = year_to_date({&m1, &m2});
  EXPECT_EQ(sum.received, 478);
  EXPECT_EQ(sum.paid_online, 56);
  EXPECT_EQ(sum.carried_over, 21);
  EXPECT_EQ(sum.in_progress, 9);
  EXPECT_EQ(sum.overdue, 2);
  EXPECT_EQ(sum.paused, 0);
  EXPECT_EQ(rate_of(Rate::online, sum).hundredths, 9833);  // 470/478
}

std::string checked(const MonthResults& m) {
  Diagnostics diags;
  check_month(m, diags);
  return format_all(diags, Lang::en);
}

TEST(Checks, TheSeedsMay2023BalanceIsAWarningWithBothNumbers) {
  MonthResults m = month(2023, 5, may_2023());
  m.at["received.carried_over"] = {"r.md", 13, 17};
  EXPECT_EQ(checked(m),
            "r.md:13:17: warning: carried over + received = 260 but resolved + in progress + paused = 253\n"
            "  hint: the figures do not add up; check them against the original report (the site is still "
            "built)\n");
}

Figures balanced() {
  Figures f;
  f.received = 10, f.received_online = 6, f.received_direct = 4, f.resolved = 10, f.early = 7, f.on_time = 2,
  f.late = 1;
  return f;
}

TEST(Checks, BalancedMonthHasNoMessage) {
  EXPECT_EQ(checked(month(2023, 1, balanced())), "");
}

TEST(Checks, ResolvedSplitThatDoesNotAddUp) {
  Figures f = balanced();
  f.late = 0;
  EXPECT_EQ(checked(month(2023, 1, f)),
            "content/results/2023-01.md:1:1: warning: resolved = 10 but early + on time + late = 9\n"
            "  hint: the figures do not add up; check them against the original report (the site is still "
            "built)\n");
}

TEST(Checks, ChannelsThatDoNotAddUp) {
  Figures f = balanced();
  f.received_direct = 3;
  EXPECT_NE(checked(month(2023, 1, f)).find("warning: received = 10 but online + direct = 9"),
            std::string::npos);
}

TEST(Checks, DomainsThatDoNotAddUp) {
  MonthResults m = month(2023, 1, balanced());
  m.domains = {{{"d.md", 20, 13}, "ho-tich", 4, 4, 4, true, true},
               {{"d.md", 23, 13}, "chung-thuc", 5, 5, 1, true, true}};
  m.at["domains"] = {"d.md", 19, 3};
  EXPECT_EQ(
      checked(m),
      "d.md:19:3: warning: the domains' received = 9 but received.total = 10\n"
      "  hint: the figures do not add up; check them against the original report (the site is still built)\n"
      "d.md:19:3: warning: the domains' resolved = 9 but resolved.total = 10\n"
      "  hint: the figures do not add up; check them against the original report (the site is still built)\n"
      "d.md:19:3: warning: the domains' online = 5 but received.online = 6\n"
      "  hint: the figures do not add up; check them against the original report (the site is still "
      "built)\n");
}

TEST(Checks, EveryRateAbove100PercentIsAnError) {
  struct Case {
    void (*spoil)(Figures&);
    const char* message;
  };
  const Case cases[] = {
      {[](Figures& f) { f.received_online = 11, f.received_direct = 0; },
       "\"received.online\" (11) is greater than \"received.total\" (10)"},
      {[](Figures& f) { f.early = 9, f.on_time = 2, f.late = 0; },
       "\"resolved.early\" (11) is greater than \"resolved.total\" (10)"},
      {[](Figures& f) { f.digitized_on_receipt = 11; },
       "\"digitized.on_receipt\" (11) is greater than \"received.total\" (10)"},
      {[](Figures& f) { f.digitized_results = 12; },
       "\"digitized.results\" (12) is greater than \"resolved.total\" (10)"},
      {[](Figures& f) { f.paid_online = 3, f.fee_bearing = 2; },
       "\"online_payment.paid\" (3) is greater than \"online_payment.fee_bearing\" (2)"},
      {[](Figures& f) { f.satisfied = 223, f.answered = 222; },
       "\"survey.satisfied\" (223) is greater than \"survey.answered\" (222)"},
  };
  for (const Case& c : cases) {
    Figures f = balanced();
    c.spoil(f);
    Diagnostics diags;
    check_month(month(2023, 1, f), diags);
    EXPECT_EQ(diags.error_count(), 1) << c.message;
    EXPECT_NE(
        format_all(diags, Lang::en).find(std::string("error: ") + c.message + ": the rate would pass 100 %"),
        std::string::npos)
        << format_all(diags, Lang::en);
  }
}

TEST(Checks, DomainOnlineAbove100PercentAndRepeatedDomainAreErrors) {
  MonthResults m = month(2023, 1, balanced());
  m.domains = {{{"d.md", 20, 13}, "ho-tich", 4, 0, 5, false, true},
               {{"d.md", 23, 13}, "ho-tich", 6, 0, 1, false, true}};
  Domain ho_tich;
  ho_tich.slug = "ho-tich";
  ResultsData data;
  data.months = {m};
  Diagnostics diags;
  build_results(data, {ho_tich}, diags);
  EXPECT_EQ(format_all(diags, Lang::en),
            "d.md:20:13: error: domain \"ho-tich\": online (5) is greater than received (4): the rate would "
            "pass 100 %\n"
            "  hint: check both numbers against the original report\n"
            "d.md:23:13: error: domain \"ho-tich\" is already listed on line 20\n"
            "  hint: merge the two entries\n");
}

std::string load_messages(const std::string& path, const std::string& text,
                          std::optional<MonthResults>* out = nullptr) {
  Diagnostics diags;
  auto m = load_month_results({path, text}, diags);
  if (out) *out = m;
  return format_all(diags, Lang::en);
}

TEST(LoadResults, ReadsEveryFieldWithItsPlace) {
  std::optional<MonthResults> m;
  std::string text = scaffold_results(2023, 5);
  EXPECT_EQ(load_messages("content/results/2023-05.md", text, &m), "");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->year, 2023);
  EXPECT_EQ(m->month, 5);
  EXPECT_EQ(m->at["received.carried_over"].line, 10);
  Diagnostics diags;
  check_month(*m, diags);
  EXPECT_EQ(format_all(diags, Lang::en), "") << "the scaffold must be a valid, balanced month";
}

TEST(LoadResults, NegativeAndNonIntegerCountsAreErrors) {
  std::string messages =
      load_messages("content/results/2023-05.md",
                    "---\nmonth: 2023-05\nreceived:\n  total: -3\nresolved:\n  total: 2.528\n---\n");
  EXPECT_EQ(messages,
            "content/results/2023-05.md:4:10: error: \"received.total\" is negative (-3)\n"
            "  hint: counts are 0 or more\n"
            "content/results/2023-05.md:6:10: error: field \"total\" must be a whole number, not \"2.528\"\n"
            "  hint: write digits only, without thousands separators (e.g. 2528)\n");
}

TEST(LoadResults, MonthMustMatchTheFileName) {
  EXPECT_EQ(load_messages("content/results/2023-05.md",
                          "---\nmonth: 2023-06\nreceived:\n  total: 1\nresolved:\n  total: 1\n---\n"),
            "content/results/2023-05.md:2:8: error: month 2023-06 does not match the file name 2023-05.md\n"
            "  hint: set \"month:\" to 2023-05 or rename the file to 2023-06.md\n");
  EXPECT_EQ(
      load_messages("content/results/thang5.md",
                    "---\nmonth: 2023-05\nreceived:\n  total: 1\nresolved:\n  total: 1\n---\n"),
      "content/results/thang5.md:1:1: error: a results file must be named YEAR-MONTH.md, not \"thang5.md\"\n"
      "  hint: e.g. content/results/2023-05.md\n");
}

TEST(LoadResults, UnknownFieldIsWarnedWithASuggestion) {
  std::string messages =
      load_messages("content/results/2023-05.md",
                    "---\nmonth: 2023-05\nreceived:\n  total: 1\n  onlin: 1\nresolved:\n  total: 1\n---\n");
  EXPECT_NE(
      messages.find("2023-05.md:5:3: warning: unknown field \"onlin\"\n  hint: did you mean \"online\"?"),
      std::string::npos)
      << messages;
}

TEST(LoadResults, TargetsAreReadYearByYear) {
  Diagnostics diags;
  auto targets = load_targets({"content/targets.yaml",
                               "years:\n  - year: 2023\n    on_time: 97\n    online: 50.5\n"
                               "  - year: 2024\n    on_time: 101\n"},
                              diags);
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].hundredths.at("on_time"), 9700);
  EXPECT_EQ(targets[0].hundredths.at("online"), 5050);
  EXPECT_EQ(
      format_all(diags, Lang::en),
      "content/targets.yaml:6:14: error: target \"on_time\" must be a percentage from 0 to 100, not \"101\"\n"
      "  hint: write the percentage without %, at most two decimals, e.g. 97 or 97.5\n");
}

TEST(BuildResults, UnknownDomainAndDuplicateMonthAreErrors) {
  ResultsData data;
  MonthResults a = month(2023, 5, balanced()), b = month(2023, 5, balanced());
  b.source.file = "content/results/2023/2023-05.md";
  b.at_month = {b.source.file, 2, 8};
  a.domains = {{{"content/results/2023-05.md", 20, 13}, "tu-phap", 10, 0, 0, false, false}};
  data.months = {a, b};
  Domain ho_tich;
  ho_tich.slug = "ho-tich";
  Diagnostics diags;
  build_results(data, {ho_tich}, diags);
  EXPECT_EQ(
      format_all(diags, Lang::en),
      "content/results/2023-05.md:20:13: error: unknown domain \"tu-phap\"\n"
      "  hint: use a domain declared in procedures/domains.yaml: ho-tich\n"
      "content/results/2023/2023-05.md:2:8: error: month 2023-05 is already in content/results/2023-05.md\n"
      "  hint: one file per month; remove or merge one\n");
}

// A rate's chart against a target of 97 %.
Chart rate_chart_of(std::vector<ChartRow> rows) {
  Chart c;
  c.id = "bd";
  c.title = "Tỷ lệ <đúng hạn>";
  c.description = "Mô tả";
  c.scale_max = 10000;
  c.target = 9700;
  c.target_text = "Chỉ tiêu 97,00 %";
  c.table_summary = "Bảng số liệu";
  c.columns = {"Tháng", "Tỷ lệ"};
  c.rows = std::move(rows);
  return c;
}

TEST(Charts, EveryLabelIsAlsoInTheTable) {
  std::string html = render_chart(rate_chart_of({{"Tháng 1", false, 9833, 0, "98,33 %", {"98,33 %"}},
                                                 {"Tháng 2", true, 0, 0, "không phát sinh", {"không phát sinh"}}}));
  EXPECT_NE(html.find("<svg class=\"chart\" role=\"img\""), std::string::npos);
  EXPECT_NE(html.find("aria-labelledby=\"bd-t bd-d\""), std::string::npos);
  EXPECT_NE(html.find("<title id=\"bd-t\">Tỷ lệ &lt;đúng hạn&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<desc id=\"bd-d\">Mô tả</desc>"), std::string::npos);
  EXPECT_NE(html.find(">98,33 %</text>"), std::string::npos);
  EXPECT_NE(html.find("<td>98,33 %</td>"), std::string::npos);
  EXPECT_NE(html.find(">không phát sinh</text>"), std::string::npos);
  EXPECT_NE(html.find("<line x1=\"225\""), std::string::npos) << "target at 97 % of 232 px";
  EXPECT_NE(html.find("width=\"228\""), std::string::npos) << "98.33 % of 232 px";
  EXPECT_NE(html.find("<details class=\"chart-data\"><summary>Bảng số liệu</summary>"), std::string::npos);
}

TEST(Directive, FencedBlockWithTheInfoStringIsReplaced) {
  MarkdownOptions options;
  options.fenced_blocks.push_back({"ketqua", [](const std::string& body, const SourcePos& at, Diagnostics&) {
                                     return "<div>" + body + "@" + std::to_string(at.line) + "</div>\n";
                                   }});
  Diagnostics diags;
  std::string html = render_markdown(
      {"Trước\n\n```ketqua\nthang: 2023-05\n```\n\n```\nmã\n```\n", {"p.md", 5, 1}}, options, diags);
  EXPECT_EQ(html, "<p>Trước</p>\n<div>thang: 2023-05\n@8</div>\n<pre><code>mã\n</code></pre>\n");
}

class ResultsRender : public ::testing::Test {
 protected:
  std::string render(MemoryDisk disk, const std::string& path, Diagnostics& diags) {
    site_ = build_model(load_sources({}, disk, diags), diags);
    RealDisk real;
    theme_ = Theme::load({CONGKHAI_THEMES_DIR, "default", "vi", ""}, real, diags);
    RenderContext ctx(site_, *theme_);
    for (const RenderJob& job : plan_site(ctx))
      if (job.path == path) return job.run(diags).bytes;
    ADD_FAILURE() << "no job for " << path;
    return {};
  }
  static MemoryDisk with_may() {
    MemoryDisk disk = testing::small_site();
    disk.files["content/results/2023-05.md"] =
        "---\nmonth: 2023-05\nreceived:\n  total: 239\n  online: 235\n  direct: 4\nresolved:\n  total: 235\n"
        "  early: 230\n  on_time: 0\n  late: 5\nin_progress:\n  within_limit: 4\nonline_payment:\n  paid: "
        "0\n  fee_bearing: 0\n"
        "domains:\n  - domain: ho-tich\n    received: 239\n---\nNhận xét.\n";
    disk.files["content/targets.yaml"] = "years:\n  - year: 2023\n    on_time: 97\n    online: 98.33\n";
    disk.files["content/pages/bao-cao.md"] =
        "---\ntitle: Báo cáo\n---\n```ketqua\nthang: 2023-05\nbieu-do: dung-han\n```\n";
    return disk;
  }
  Site site_;
  std::optional<Theme> theme_;
};

TEST_F(ResultsRender, MonthPageShowsRatesVerdictsAndNotArising) {
  Diagnostics diags;
  std::string html = render(with_may(), "ket-qua/2023-05/index.html", diags);
  EXPECT_NE(html.find("97,87\u00a0%<br><span class=\"counts\">230/235</span>"), std::string::npos);
  EXPECT_NE(html.find("Vượt</span><br><span class=\"margin\">+0,87\u00a0điểm\u00a0%</span>"),
            std::string::npos);
  EXPECT_NE(html.find("98,33\u00a0%</span><br><span class=\"verdict verdict-ok\">Đạt</span>"),
            std::string::npos);
  EXPECT_NE(html.find("không phát sinh"), std::string::npos);
  EXPECT_EQ(html.find("NaN"), std::string::npos);
  EXPECT_NE(html.find("<p>Nhận xét.</p>"), std::string::npos);
}

TEST_F(ResultsRender, DirectiveEmbedsAChartInAPage) {
  Diagnostics diags;
  std::string html = render(with_may(), "bao-cao/index.html", diags);
  EXPECT_NE(html.find("<svg class=\"chart\" role=\"img\""), std::string::npos) << html;
  EXPECT_NE(html.find(">97,87\u00a0%</text>"), std::string::npos);
  EXPECT_EQ(diags.error_count(), 0) << format_all(diags, Lang::en);
}

TEST_F(ResultsRender, DirectiveWithAnUnknownMonthIsAnError) {
  MemoryDisk disk = with_may();
  disk.files["content/pages/bao-cao.md"] =
      "---\ntitle: Báo cáo\n---\nChữ.\n\n```ketqua\nthang: 2023-07\n```\n";
  Diagnostics diags;
  render(disk, "bao-cao/index.html", diags);
  EXPECT_EQ(format_all(diags, Lang::en),
            "content/pages/bao-cao.md:7:8: error: no results for month \"2023-07\"\n"
            "  hint: add content/results/2023-07.md, or write the month as YEAR-MONTH\n");
}

TEST_F(ResultsRender, CsvHasABomOneRowPerMonthAndDotDecimals) {
  Diagnostics diags;
  std::string csv = render(with_may(), "du-lieu/ket-qua.csv", diags);
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBFmonth,received_total,received_online,"));
  std::size_t rows = 0;
  for (char c : csv) rows += c == '\n';
  EXPECT_EQ(rows, 2u);
  EXPECT_NE(csv.find("\r\n2023-05,239,235,4,0,235,230,0,5,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",97.87,98.33,0.00,"), std::string::npos) << csv;  // on time, online, digitized
  EXPECT_NE(csv.find(",239,,\r\n"), std::string::npos) << "domain received, no resolved/online given";
}

// The fixture site tests/sites/good/results has months whose sub-totals do
// not add up: the build succeeds and tells the editors exactly where.
TEST(ResultsFixture, WarningsOfTheGoodResultsSite) {
  namespace fs = std::filesystem;
  const fs::path fixtures = CONGKHAI_FIXTURES_DIR;
  fs::path dir = fs::temp_directory_path() / ("ck-results-warnings-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const fs::path& from : {fixtures / "base", fixtures / "good" / "results"})
    for (const char* part : {"procedures", "content"})
      if (fs::exists(from / part))
        fs::copy(from / part, dir / part, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  fs::path previous = fs::current_path();
  fs::current_path(dir);
  BuildOptions options;
  options.themes_dir = CONGKHAI_THEMES_DIR;
  options.write = false;
  Diagnostics diags;
  BuildReport report;
  EXPECT_TRUE(build_site(options, diags, report));
  fs::current_path(previous);
  fs::remove_all(dir);
  std::ifstream in(fixtures / "good" / "results" / "expected-warnings.txt");
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(format_all(diags, Lang::vi), expected.str());
  EXPECT_EQ(diags.warning_count(), 3);
}

}  // namespace
}  // namespace ck

namespace ck {
namespace {

Chart trend_of(std::vector<ChartRow> rows) {
  Chart c = rate_chart_of(std::move(rows));
  c.slots = 12;
  for (int m = 1; m <= 12; ++m) c.ticks.push_back("T" + std::to_string(m));
  return c;
}

ChartRow month_value(int slot, long long value, const std::string& text) {
  ChartRow r{"Tháng " + std::to_string(slot + 1), false, value, 0, text, {text}};
  r.slot = slot;
  return r;
}

// The plot runs from x 40 (January) to 256 (December), y 166 (its low end)
// to 26 (100 %); the range starts a whole ten below the lowest value.
TEST(Charts, ATrendIsALineOverTheYearAgainstItsTarget) {
  const std::string html =
      render_chart(trend_of({month_value(0, 9500, "95,00 %"), month_value(1, 10000, "100,00 %")}));
  EXPECT_NE(html.find("<polyline points=\"40,96 59,26\" class=\"trend\"/>"), std::string::npos) << html;
  EXPECT_NE(html.find(">90\u00a0%</text>"), std::string::npos) << "the range's low end";
  EXPECT_NE(html.find("<line x1=\"40\" y1=\"68\" x2=\"256\" y2=\"68\" class=\"target\"/>"), std::string::npos)
      << "97 % is 7/10 of the way up";
  EXPECT_NE(html.find(">100,00 %</text>"), std::string::npos) << "the latest value beside its dot";
  EXPECT_EQ(html.find(">95,00 %</text>"), std::string::npos) << "only the latest value is written";
  EXPECT_NE(html.find(">T11</text>"), std::string::npos);
  EXPECT_EQ(html.find(">T12</text>"), std::string::npos) << "every other month is labelled";
  EXPECT_NE(html.find("<td>95,00 %</td>"), std::string::npos) << "every value is in the table";
}

TEST(Charts, AMonthWithoutAValueBreaksTheTrend) {
  ChartRow none{"Tháng 2", true, 0, 0, "không phát sinh", {"không phát sinh"}};
  none.slot = 1;
  const std::string html = render_chart(trend_of(
      {month_value(0, 9900, "99,00 %"), none, month_value(2, 9800, "98,00 %"), month_value(3, 9900, "99,00 %")}));
  EXPECT_EQ(html.find("<polyline points=\"40,"), std::string::npos) << "no line from a lone January";
  EXPECT_NE(html.find("<polyline points=\"79,"), std::string::npos) << html;
  EXPECT_EQ(html.find("cx=\"59\""), std::string::npos) << "no dot for the month without a value";
}

}  // namespace
}  // namespace ck
