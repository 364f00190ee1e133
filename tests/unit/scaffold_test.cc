// `congkhai new` scaffolds must load without errors as they are, and keep
// the editor's text intact whatever it contains.
#include "scaffold.h"

#include <gtest/gtest.h>

#include "load.h"
#include "procedure_cache.h"
#include "source.h"

namespace ck {
namespace {

std::string errors_of(const Diagnostics& diags) {
  return format_all(diags, Lang::en);
}

TEST(Scaffold, ProcedureLoadsWithoutErrors) {
  Diagnostics diags;
  SourceFile file{"procedures/ho-tich/x.md",
                  procedure_scaffold("ho-tich", "Đăng ký lại khai sinh: \"có\" yếu tố # nước ngoài")};
  ASSERT_TRUE(prepare_source_text(file, diags));
  std::optional<Procedure> p = load_procedure(file, diags);
  ASSERT_TRUE(p.has_value()) << errors_of(diags);
  EXPECT_EQ(diags.error_count(), 0) << errors_of(diags);
  EXPECT_EQ(diags.warning_count(), 0) << errors_of(diags);  // no unknown keys either
  EXPECT_EQ(p->name, "Đăng ký lại khai sinh: \"có\" yếu tố # nước ngoài");
  EXPECT_EQ(p->domain, "ho-tich");
  EXPECT_EQ(p->slug, "dang-ky-lai-khai-sinh-co-yeu-to-nuoc-ngoai");
  std::optional<ProcedureDetails> details = decode_details(p->details);
  ASSERT_TRUE(details);
  EXPECT_EQ(details->channels.size(), 1u);
}

TEST(Scaffold, ProcedureHasEveryField) {
  std::string text = procedure_scaffold("ho-tich", "Tên");
  for (std::string key :
       {"code",       "name",     "domain",     "slug",       "level",        "type",        "summary",
        "applicants", "agency",   "performing", "authority",  "coordinating", "submit_at",   "online_service",
        "online_url", "channels", "channel",    "time_limit", "fee",          "note",        "documents",
        "originals",  "copies",   "form",       "result",     "conditions",   "legal_basis", "number",
        "title",      "date",     "issuer",     "keywords",   "related"})
    EXPECT_NE(text.find(key + ":"), std::string::npos) << key;
}

TEST(Scaffold, PageLoadsWithoutErrors) {
  Diagnostics diags;
  SourceFile file{"content/pages/x.md", page_scaffold("Tin tức: \"mới\"")};
  ASSERT_TRUE(prepare_source_text(file, diags));
  std::optional<Page> page = load_page(file, diags);
  ASSERT_TRUE(page.has_value()) << errors_of(diags);
  EXPECT_EQ(diags.error_count() + diags.warning_count(), 0) << errors_of(diags);
  EXPECT_EQ(page->title, "Tin tức: \"mới\"");
  EXPECT_EQ(page->slug, "tin-tuc-moi");
  EXPECT_FALSE(page->menu.has_value());
}

TEST(Scaffold, KeepsMarksInTheEditorsText) {
  Diagnostics diags;
  SourceFile file{"content/pages/x.md", page_scaffold("Trang @SLUG@")};
  ASSERT_TRUE(prepare_source_text(file, diags));
  EXPECT_EQ(load_page(file, diags)->title, "Trang @SLUG@");
}

TEST(Scaffold, QuotesYamlText) {
  EXPECT_EQ(yaml_quoted("a: b"), "\"a: b\"");
  EXPECT_EQ(yaml_quoted("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"");
  EXPECT_EQ(yaml_quoted("two\nlines"), "\"two lines\"");
}

}  // namespace
}  // namespace ck
