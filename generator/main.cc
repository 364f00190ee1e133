// congkhai: a commune's transparency portal from Markdown and YAML.
// The executable is a table of subcommands; the work is in the library.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <iostream>

#include "build.h"
#include "cli.h"
#include "console.h"
#include "heap.h"

namespace {

// Prints what became of one build; returns its exit status.
int report_build(const std::string& out_dir, bool ok, const ck::Diagnostics& diags, const ck::BuildReport& report,
                 const ck::Console& console) {
  ck::Lang lang = console.lang;
  std::cerr << ck::format_for_console(diags, console);
  if (!report.failure.empty()) std::cerr << "congkhai: error: " << report.failure << "\n";
  if (!ok) {
    std::cerr << (lang == ck::Lang::vi ? "Không tạo được trang: " + std::to_string(diags.error_count()) +
                                             " lỗi. Thư mục " + out_dir + " được giữ nguyên.\n"
                                       : "Build failed: " + std::to_string(diags.error_count()) + " errors. " +
                                             out_dir + " was left as it was.\n");
    return 1;
  }
  if (console.quiet) return 0;
  if (report.up_to_date)
    std::cout << (lang == ck::Lang::vi ? "Không có thay đổi nào kể từ lần tạo trước; " + out_dir + " vẫn đúng.\n"
                                       : "Nothing changed since the last build; " + out_dir + " is current.\n");
  else
    std::cout << ck::build_summary(report, diags, out_dir, lang);
  return 0;
}

int run_build(ck::BuildOptions& options, const ck::cli::Common& common) {
  ck::cli::settle_themes_dir(options, common);
  ck::Console console = common.console();
  ck::Diagnostics diags;
  ck::BuildReport report;
  bool ok;
  {
    ck::ProgressBar bar(console.progress);
    options.progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
    ok = ck::build_site(options, diags, report);
  }
  return report_build(options.out_dir, ok, diags, report, console);
}

// Two communes writing into one folder would replace each other's site.
bool distinct_outputs(const std::vector<std::pair<std::string, std::string>>& pairs, const ck::Console& console) {
  std::set<std::filesystem::path> outputs;
  for (const auto& pair : pairs) {
    std::string out = pair.second;
    while (out.size() > 1 && out.ends_with("/")) out.pop_back();
    if (outputs.insert(std::filesystem::weakly_canonical(out)).second) continue;
    std::cerr << (console.lang == ck::Lang::vi
                      ? "congkhai: lỗi: hai xã cùng ghi vào " + pair.second + "; mỗi xã cần thư mục kết quả riêng.\n"
                      : "congkhai: error: two communes write to " + pair.second +
                            "; each commune needs its own output folder.\n");
    return false;
  }
  return true;
}

// Several communes sharing one catalog: the catalog's messages once, then
// each commune's.
int run_communes(ck::BuildOptions& options, const std::vector<std::pair<std::string, std::string>>& pairs,
                 const ck::cli::Common& common) {
  ck::cli::settle_themes_dir(options, common);
  ck::Console console = common.console();
  if (!distinct_outputs(pairs, console)) return ck::cli::kExitUsage;
  std::vector<ck::CommuneBuild> communes;
  for (const auto& [content, out_dir] : pairs) communes.push_back({content, out_dir, {}, {}, false});
  ck::Diagnostics catalog_diags;
  ck::build_communes(options, communes, catalog_diags);
  std::cerr << ck::format_for_console(catalog_diags, console);
  int status = 0;
  for (const ck::CommuneBuild& commune : communes)
    status = std::max(status, report_build(commune.out_dir, commune.ok, commune.diags, commune.report, console));
  return status;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef CONGKHAI_TCMALLOC
  ck::heap::install_tcmalloc();
#endif
  CLI::App app{
      "congkhai: tạo Trang thông tin điện tử xã từ các tệp Markdown và YAML.\n"
      "congkhai: builds a commune's transparency portal from Markdown and YAML."};
  app.set_version_flag("--version", "congkhai 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // --lang and --quiet also work after the subcommand
  ck::cli::Common common;
  common.executable = argv[0];
  app.add_option("--lang", common.lang, "Ngôn ngữ thông báo / message language (vi, en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", common.quiet, "Chỉ in lỗi / print errors only");

  ck::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Tạo trang vào thư mục output/ (build the site)");
  ck::cli::add_source_options(build_cmd, build);
  build_cmd->add_option("--out", build.out_dir, "Thư mục kết quả / output folder")->capture_default_str();
  std::vector<std::pair<std::string, std::string>> communes;
  build_cmd
      ->add_option("--commune", communes,
                   "Nhiều xã dùng chung danh mục: thư mục nội dung và thư mục kết quả của từng xã "
                   "(lặp lại cho mỗi xã) / several communes sharing the catalog: each one's content "
                   "and output folders (repeat per commune)")
      ->type_name("CONTENT OUT")
      ->excludes(build_cmd->get_option("--out"))
      ->excludes(build_cmd->get_option("--content"));

  std::vector<ck::cli::Command> commands{
      {build_cmd, [&] { return communes.empty() ? run_build(build, common) : run_communes(build, communes, common); }}};
  commands.push_back(ck::cli::add_check(app, common));
  commands.push_back(ck::cli::add_serve(app, common));
  commands.push_back(ck::cli::add_clean(app, common));
  for (ck::cli::Command& kind : ck::cli::add_new(app, common)) commands.push_back(std::move(kind));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : ck::cli::kExitUsage;
  }
  for (const ck::cli::Command& command : commands)
    if (command.app->parsed()) return command.run();
  return ck::cli::kExitUsage;
}
