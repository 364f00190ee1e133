// check, serve and clean. `new` is in cli_new.cc.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.h"

#include "dates.h"
#include "serve.h"
#include "write.h"

namespace fs = std::filesystem;

namespace ck::cli {

void add_source_options(CLI::App* cmd, BuildOptions& build) {
  cmd->add_option("--procedures", build.sources.procedures, "Thư mục danh mục thủ tục / procedure catalog")
      ->capture_default_str();
  cmd->add_option("--content", build.sources.content, "Thư mục nội dung của xã / the commune's content")
      ->capture_default_str();
  cmd->add_option("--themes", build.themes_dir,
                  "Thư mục giao diện / themes folder (default: ./themes or installed)");
  cmd->add_option("-j,--jobs", build.threads, "Số luồng / threads (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--drafts", build.drafts, "Đăng cả tin nháp / publish draft posts too");
  cmd->add_flag("--future", build.future, "Đăng cả tin hẹn giờ / publish posts dated in the future");
  add_now_option(cmd, build.now)->group("");  // hidden: for tests and previews
}

CLI::Option* add_now_option(CLI::App* cmd, std::optional<long long>& now) {
  return cmd->add_option_function<std::string>(
                "--now", [&now](const std::string& text) { now = parse_now(text); },
                "Thời điểm hiện tại, giờ Việt Nam / the moment that decides scheduled posts")
      ->check([](const std::string& text) { return parse_now(text) ? std::string() : "expected 2023-05-25T08:30"; });
}

std::optional<long long> parse_now(const std::string& text) {
  auto when = parse_iso_datetime(text);
  return when ? std::optional(when->utc_seconds()) : std::nullopt;
}

void settle_themes_dir(BuildOptions& build, const Common& common) {
  if (build.themes_dir.empty()) build.themes_dir = find_themes_dir(common.executable);
}

namespace {

struct CheckOptions {
  BuildOptions build;
  bool werror = false;
};

int run_check(CheckOptions& options, const Common& common) {
  settle_themes_dir(options.build, common);
  options.build.write = false;
  Diagnostics diags;
  BuildReport report;
  bool ok = build_site(options.build, diags, report);
  Console console = common.console();
  std::cerr << format_for_console(diags, console);
  bool vi = console.lang == Lang::vi;
  std::string errors = std::to_string(diags.error_count()), warnings = std::to_string(diags.warning_count());
  if (!ok) {
    std::cerr << (vi ? "Có " + errors + " lỗi, " + warnings + " cảnh báo.\n"
                     : errors + " errors, " + warnings + " warnings.\n");
    return kExitProblems;
  }
  if (options.werror && diags.warning_count() > 0) {
    std::cerr << (vi ? "Có " + warnings + " cảnh báo, bị coi là lỗi vì --werror.\n"
                     : warnings + " warnings, treated as errors because of --werror.\n");
    return kExitProblems;
  }
  if (!console.quiet)
    std::cout << (vi ? "Không có lỗi: " + std::to_string(report.pages) + " trang, " + warnings +
                           " cảnh báo.\n"
                     : "No errors: " + std::to_string(report.pages) + " pages, " + warnings + " warnings.\n");
  return kExitOk;
}

int run_clean(const std::string& out_dir, const Common& common) {
  bool vi = common.message_lang() == Lang::vi;
  std::error_code ec;
  if (!fs::exists(out_dir, ec)) {
    if (!common.quiet)
      std::cout << (vi ? "Không có " + out_dir + ", không cần xóa.\n" : out_dir + " does not exist.\n");
    return kExitOk;
  }
  if (!fs::is_directory(out_dir, ec) || !fs::exists(fs::path(out_dir) / kOutputMarker, ec)) {
    std::cerr << (vi ? "congkhai: lỗi: " + out_dir + " không do congkhai tạo ra; không xóa.\n"
                     : "congkhai: error: " + out_dir + " was not written by congkhai; not removing it.\n");
    return kExitProblems;
  }
  fs::remove_all(out_dir, ec);
  if (!ec) fs::remove(output_state_path(out_dir), ec);
  if (!ec) fs::remove(output_cache_path(out_dir), ec);
  if (!ec) fs::remove(output_details_path(out_dir), ec);
  if (!ec) fs::remove(output_sources_path(out_dir), ec);
  if (!ec) fs::remove(output_qr_path(out_dir), ec);
  if (!ec) fs::remove(output_print_path(out_dir), ec);
  if (ec) {
    std::cerr << "congkhai: error: " << out_dir << ": " << ec.message() << "\n";
    return kExitProblems;
  }
  if (!common.quiet) std::cout << (vi ? "Đã xóa " + out_dir + ".\n" : "Removed " + out_dir + ".\n");
  return kExitOk;
}

}  // namespace

Command add_check(CLI::App& app, const Common& common) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Kiểm tra nguồn, không ghi gì; 0 không lỗi, 1 có lỗi, 2 dùng sai (check, writing nothing)");
  add_source_options(cmd, options->build);
  cmd->add_flag("--werror", options->werror, "Coi cảnh báo là lỗi / treat warnings as errors");
  return {cmd, [options, &common] { return run_check(*options, common); }};
}

Command add_serve(CLI::App& app, const Common& common) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Xem trước trang, tự tải lại khi sửa (live preview)");
  add_source_options(cmd, options->build);
  cmd->add_option("--port", options->port, "Cổng / port")->check(CLI::Range(1, 65535))->capture_default_str();
  cmd->add_option("--bind", options->bind,
                  "Địa chỉ lắng nghe; 0.0.0.0 để mở cho mạng nội bộ / address to listen on")
      ->capture_default_str();
  return {cmd, [options, &common] {
            settle_themes_dir(options->build, common);
            options->lang = common.message_lang();
            return serve_site(*options);
          }};
}

Command add_clean(CLI::App& app, const Common& common) {
  auto out_dir = std::make_shared<std::string>("output");
  CLI::App* cmd =
      app.add_subcommand("clean", "Xóa thư mục kết quả do congkhai tạo (remove the output folder)");
  cmd->add_option("--out", *out_dir, "Thư mục kết quả / output folder")->capture_default_str();
  return {cmd, [out_dir, &common] { return run_clean(*out_dir, common); }};
}

}  // namespace ck::cli
