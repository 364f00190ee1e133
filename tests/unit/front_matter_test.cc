#include "front_matter.h"

#include <gtest/gtest.h>

#include "fields.h"

namespace ck {
namespace {

bool same_parse(const YamlParse& a, const YamlParse& b) {
  if (!a.root || !b.root) return !a.root && !b.root && a.error == b.error && a.error_line == b.error_line &&
                                 a.error_column == b.error_column;
  return *a.root == *b.root;
}

// The tree built from parser events must be the one YAML::Load's nodes give,
// marks included, for everything editors write and for YAML's odd corners.
TEST(YamlTree, EventsGiveTheSameTreeAsYamlCppNodes) {
  const char* documents[] = {
      "",
      "---\n",
      "# only a comment\n",
      "code: \"1.001193\"\nname: Đăng ký khai sinh\napplicants:\n  - Cha\n  - Mẹ\n",
      "channels:\n  - channel: truc-tiep\n    fee: Miễn phí\n  - {channel: truc-tuyen, fee: ~}\n",
      "keywords: [a, b, [c, d], {e: f}]\nempty:\nnull_key: null\n~: tilde key\n",
      "dup: 1\ndup: 2\n",
      "base: &b {x: 1, y: [2, 3]}\ncopy: *b\nlist: &l [1]\nagain: *l\n",
      "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
      "? [complex, key]\n: value\n",
      "quoted: 'it''s'\nescaped: \"a\\tb\"\ntagged: !!str 12\n",
      "first: 1\n---\nsecond: 2\n",
      "- a list\n- at the top\n",
      "plain scalar at the top\n",
      "bad: [unclosed\n",
      "key: value\n  wrongly: indented\n",
      "a: b: c\n",
  };
  for (const char* yaml : documents)
    EXPECT_TRUE(same_parse(parse_yaml(yaml), parse_yaml_with_nodes(yaml))) << yaml;
}

// Regression: copying aliases made "billion laughs" (each line ten aliases
// of the one before) expand until the machine ran out of memory.
TEST(YamlTree, AliasesThatExpandTooFarAreRefused) {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'i'; ++name)
    yaml += std::string(1, name) + ": &" + name + " [" + std::string("*") + char(name - 1) + ", *" + char(name - 1) +
            ", *" + char(name - 1) + ", *" + char(name - 1) + ", *" + char(name - 1) + ", *" + char(name - 1) + "]\n";
  for (const YamlParse& parsed : {parse_yaml(yaml), parse_yaml_with_nodes(yaml)}) {
    EXPECT_FALSE(parsed.root);
    EXPECT_TRUE(parsed.too_large);
  }
  Diagnostics diags;
  EXPECT_FALSE(Fields::parse(yaml, {"a.md", 2, 1}, diags));
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_NE(format_all(diags, Lang::en).find("aliases (*name) repeat the text"), std::string::npos);
  // A few aliases are fine.
  EXPECT_TRUE(parse_yaml("a: &a [x, y]\nb: [*a, *a, *a]\n").root);
}

TEST(FrontMatter, SplitsYamlAndBodyWithLineNumbers) {
  Diagnostics diags;
  SourceFile file{"p.md", "---\nname: A\ncode: 1\n---\nBody line\n"};
  auto fm = split_front_matter(file, diags);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->yaml, "name: A\ncode: 1\n");
  EXPECT_EQ(fm->yaml_first_line, 2);
  EXPECT_EQ(fm->body, "Body line\n");
  EXPECT_EQ(fm->body_first_line, 5);
  EXPECT_FALSE(diags.has_errors());
}

TEST(FrontMatter, AcceptsWindowsLineEndingsAndEmptyBody) {
  Diagnostics diags;
  SourceFile file{"p.md", "---\r\nname: A\r\n---\r\n"};
  auto fm = split_front_matter(file, diags);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->body, "");
}

TEST(FrontMatter, MissingOpeningFenceIsAnError) {
  Diagnostics diags;
  SourceFile file{"p.md", "name: A\n"};
  EXPECT_FALSE(split_front_matter(file, diags));
  EXPECT_EQ(format_all(diags, Lang::en),
            "p.md:1:1: error: file must start with a line \"---\" (the YAML front matter)\n"
            "  hint: add a line --- at the top and another after the fields\n");
}

TEST(FrontMatter, MissingClosingFenceIsAnError) {
  Diagnostics diags;
  SourceFile file{"p.md", "---\nname: A\n"};
  EXPECT_FALSE(split_front_matter(file, diags));
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(Fields, PositionsAreLinesOfTheFile) {
  Diagnostics diags;
  auto fields = Fields::parse("name: A\ncount: many\n", {"p.md", 2, 1}, diags);
  ASSERT_TRUE(fields);
  EXPECT_FALSE(fields->integer("count").has_value());
  EXPECT_EQ(format_all(diags, Lang::en),
            "p.md:3:8: error: field \"count\" must be a whole number, not \"many\"\n"
            "  hint: write digits only, without thousands separators (e.g. 2528)\n");
}

TEST(Fields, YamlSyntaxErrorPointsAtTheLine) {
  Diagnostics diags;
  EXPECT_FALSE(Fields::parse("name: A\n  bad: [\n", {"p.md", 2, 1}, diags));
  auto all = diags.sorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].pos.file, "p.md");
  EXPECT_GE(all[0].pos.line, 3);
}

TEST(Fields, MissingRequiredAndWrongTypeAreBothReported) {
  Diagnostics diags;
  auto fields = Fields::parse("channels: direct\n", {"p.md", 2, 1}, diags);
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->text("name", Need::required), "");
  EXPECT_TRUE(fields->map_list("channels").empty());
  EXPECT_EQ(diags.error_count(), 2);
}

TEST(Fields, UnknownKeyWarnsWithSuggestion) {
  Diagnostics diags;
  auto fields = Fields::parse("nmae: A\n", {"p.md", 2, 1}, diags);
  ASSERT_TRUE(fields);
  fields->text("name");
  fields->warn_unknown_keys();
  EXPECT_EQ(format_all(diags, Lang::en),
            "p.md:2:1: warning: unknown field \"nmae\"\n  hint: did you mean \"name\"?\n");
}

TEST(Fields, TextListAcceptsOneTextOrAList) {
  Diagnostics diags;
  auto fields = Fields::parse("a: one\nb: [x, y]\nc: {k: v}\n", {"p.md", 1, 1}, diags);
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->text_list("a"), std::vector<std::string>{"one"});
  EXPECT_EQ(fields->text_list("b"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(fields->text_list("c").empty());
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(Fields, DatesMustBeRealCalendarDays) {
  Diagnostics diags;
  auto fields = Fields::parse("a: 2024-02-29\nb: 2023-02-29\nc: 25/5/2023\n", {"p.md", 1, 1}, diags);
  ASSERT_TRUE(fields);
  EXPECT_TRUE(fields->date("a").has_value());
  EXPECT_FALSE(fields->date("b").has_value());
  EXPECT_FALSE(fields->date("c").has_value());
  EXPECT_EQ(diags.error_count(), 2);
}

TEST(Fields, CodeKeepsItsDigitsExactlyAsWritten) {
  Diagnostics diags;
  auto fields = Fields::parse("code: 1.001193\nother: 2.000930\nrelated: [2.000930]\n", {"p.md", 1, 1}, diags);
  ASSERT_TRUE(fields);
  EXPECT_EQ(fields->text("code"), "1.001193");
  EXPECT_EQ(fields->text("other"), "2.000930");  // a float reading would drop the trailing zero
  EXPECT_EQ(fields->text_list("related"), std::vector<std::string>{"2.000930"});
}

TEST(Fields, EditDistance) {
  EXPECT_EQ(edit_distance("name", "name"), 0u);
  EXPECT_EQ(edit_distance("nmae", "name"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

}  // namespace
}  // namespace ck
