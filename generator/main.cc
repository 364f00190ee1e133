// congkhai: a commune's transparency portal from Markdown and YAML.
// The executable is a table of subcommands; the work is in the library.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "build.h"

namespace {

struct CommonOptions {
  std::string lang = "vi";
  ck::Lang message_lang() const { return lang == "en" ? ck::Lang::en : ck::Lang::vi; }
};

std::string seconds_text(double seconds, ck::Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", seconds);
  std::string text = buffer;
  if (lang == ck::Lang::vi) text[text.find('.')] = ',';  // Vietnamese decimal comma
  return text;
}

void print_summary(const ck::BuildOptions& options, const ck::BuildReport& report,
                   const ck::Diagnostics& diags, ck::Lang lang) {
  std::string warnings = std::to_string(diags.warning_count());
  if (lang == ck::Lang::vi) {
    std::cout << "Đã tạo " << report.files << " tệp (" << report.written << " mới hoặc thay đổi) trong "
              << seconds_text(report.seconds, lang) << " giây";
    if (diags.warning_count()) std::cout << ", " << warnings << " cảnh báo";
    std::cout << ".\nMở " << options.out_dir << "/index.html trong trình duyệt để xem trang.\n";
  } else {
    std::cout << "Built " << report.files << " files (" << report.written << " new or changed) in "
              << seconds_text(report.seconds, lang) << " s";
    if (diags.warning_count()) std::cout << ", " << warnings << " warnings";
    std::cout << ".\nOpen " << options.out_dir << "/index.html in a browser to see the site.\n";
  }
}

int run_build(const ck::BuildOptions& options, const CommonOptions& common) {
  ck::Diagnostics diags;
  ck::BuildReport report;
  bool ok = ck::build_site(options, diags, report);
  ck::Lang lang = common.message_lang();
  std::cerr << ck::format_all(diags, lang);
  if (!report.failure.empty()) std::cerr << "congkhai: error: " << report.failure << "\n";
  if (!ok) {
    std::cerr << (lang == ck::Lang::vi
                      ? "Không tạo được trang: " + std::to_string(diags.error_count()) +
                            " lỗi. Thư mục " + options.out_dir + " được giữ nguyên.\n"
                      : "Build failed: " + std::to_string(diags.error_count()) + " errors. " +
                            options.out_dir + " was left as it was.\n");
    return 1;
  }
  if (report.up_to_date)
    std::cout << (lang == ck::Lang::vi ? "Không có thay đổi nào kể từ lần tạo trước; " + options.out_dir + " vẫn đúng.\n"
                                       : "Nothing changed since the last build; " + options.out_dir + " is current.\n");
  else
    print_summary(options, report, diags, lang);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"congkhai: tạo Trang thông tin điện tử xã từ các tệp Markdown và YAML.\n"
               "congkhai: builds a commune's transparency portal from Markdown and YAML."};
  app.set_version_flag("--version", "congkhai 0.1.0");
  app.require_subcommand(1);
  CommonOptions common;
  app.add_option("--lang", common.lang, "Ngôn ngữ thông báo / message language (vi, en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->capture_default_str();

  ck::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Tạo trang vào thư mục output/ (build the site)");
  build_cmd->add_option("--procedures", build.sources.procedures, "Thư mục danh mục thủ tục / procedure catalog")
      ->capture_default_str();
  build_cmd->add_option("--content", build.sources.content, "Thư mục nội dung của xã / the commune's content")
      ->capture_default_str();
  build_cmd->add_option("--themes", build.themes_dir, "Thư mục giao diện / themes folder (default: ./themes or installed)");
  build_cmd->add_option("--out", build.out_dir, "Thư mục kết quả / output folder")->capture_default_str();
  build_cmd->add_option("-j,--jobs", build.threads, "Số luồng / threads (default: one per core)")
      ->check(CLI::Range(1, 256));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // 2: bad usage, as documented
  }
  if (build.themes_dir.empty()) build.themes_dir = ck::find_themes_dir(argv[0]);
  if (*build_cmd) return run_build(build, common);
  return 2;
}
