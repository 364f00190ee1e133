// congkhai: a commune's transparency portal from Markdown and YAML.
// The executable is a table of subcommands; the work is in the library.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "build.h"
#include "scaffold.h"

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
    if (report.posts || report.drafts_held || report.future_held)
      std::cout << "; " << report.posts << " tin đã đăng, giữ lại " << report.drafts_held << " bản nháp và "
                << report.future_held << " tin hẹn giờ";
    std::cout << ".\nMở " << options.out_dir << "/index.html trong trình duyệt để xem trang.\n";
  } else {
    std::cout << "Built " << report.files << " files (" << report.written << " new or changed) in "
              << seconds_text(report.seconds, lang) << " s";
    if (diags.warning_count()) std::cout << ", " << warnings << " warnings";
    if (report.posts || report.drafts_held || report.future_held)
      std::cout << "; " << report.posts << " posts published, held back " << report.drafts_held << " drafts and "
                << report.future_held << " scheduled posts";
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

// The moment given by --now, or the clock's.
std::optional<long long> parse_now(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto when = ck::parse_iso_datetime(text);
  return when ? std::optional(when->utc_seconds()) : std::nullopt;
}

long long clock_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Writes a new post file; never replaces one that exists.
int run_new_post(const std::string& title, const std::string& content, std::optional<long long> now,
                 const CommonOptions& common) {
  bool vi = common.message_lang() == ck::Lang::vi;
  ck::Date today = ck::vietnam_time(now.value_or(clock_now())).date;
  std::string name = ck::post_file_name(title, today);
  if (name.empty()) {
    std::cerr << (vi ? "congkhai: lỗi: không tạo được tên tệp từ tiêu đề này\n"
                     : "congkhai: error: cannot make a file name from this title\n");
    return 2;
  }
  std::filesystem::path path = std::filesystem::path(content) / name;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::FILE* file = std::fopen(path.c_str(), "wx");  // "x": fail if it exists
  if (!file) {
    std::cerr << (vi ? "congkhai: lỗi: đã có tệp " + path.string() + " hoặc không ghi được; không ghi đè\n"
                     : "congkhai: error: " + path.string() + " exists or cannot be written; not overwritten\n");
    return 1;
  }
  std::string text = ck::post_scaffold(title, today);
  bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  ok = std::fclose(file) == 0 && ok;
  std::cout << (vi ? "Đã tạo " : "Created ") << path.string() << "\n";
  return ok ? 0 : 1;
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
  build_cmd->add_flag("--drafts", build.drafts, "Đăng cả tin nháp / publish draft posts too");
  build_cmd->add_flag("--future", build.future, "Đăng cả tin hẹn giờ / publish posts dated in the future");
  std::string now_text;
  auto valid_now = [](const std::string& text) { return parse_now(text) ? std::string() : "expected 2023-05-25T08:30"; };
  build_cmd->add_option("--now", now_text, "Thời điểm hiện tại để xét tin hẹn giờ / the moment that decides scheduled posts")
      ->check(valid_now)
      ->group("");  // hidden: for tests and previews

  CLI::App* new_cmd = app.add_subcommand("new", "Tạo tệp nội dung mới (create a new content file)");
  new_cmd->require_subcommand(1);
  CLI::App* new_post = new_cmd->add_subcommand("post", "Tạo bài tin tức mới / create a news post");
  std::string post_title;
  std::string new_content = "content";
  new_post->add_option("title", post_title, "Tiêu đề bài viết / the post's title")->required();
  new_post->add_option("--content", new_content, "Thư mục nội dung của xã / the commune's content")->capture_default_str();
  new_post->add_option("--now", now_text, "Ngày hôm nay / today")->check(valid_now)->group("");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // 2: bad usage, as documented
  }
  if (build.themes_dir.empty()) build.themes_dir = ck::find_themes_dir(argv[0]);
  build.now = parse_now(now_text);
  if (*build_cmd) return run_build(build, common);
  if (*new_post) return run_new_post(post_title, new_content, build.now, common);
  return 2;
}
