// `congkhai new <kind>`: starts a source file from a scaffold. Each kind is
// one entry in add_new(); a new kind adds its own function and one line.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.h"
#include "load.h"
#include "results.h"
#include "scaffold.h"
#include "slug.h"

namespace fs = std::filesystem;

namespace ck::cli {
namespace {

struct NewOptions {
  SourcePaths sources;
  std::optional<long long> now;  // for new post: today
  std::string domain;
  std::string title;  // the procedure's name or the page's title
};

// Creates `path` with `text`; never replaces an existing file (O_EXCL).
int create_source(const std::string& path, const std::string& text, const Common& common) {
  bool vi = common.message_lang() == Lang::vi;
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    std::cerr << (errno == EEXIST ? (vi ? "congkhai: lỗi: " + path +
                                              " đã có; không ghi đè. Đặt tên khác hoặc sửa tệp đó.\n"
                                        : "congkhai: error: " + path + " exists; not overwriting it.\n")
                                  : "congkhai: error: cannot create " + path + "\n");
    return kExitProblems;
  }
  bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  written = close(fd) == 0 && written;
  if (!written) {
    std::cerr << "congkhai: error: cannot write " << path << "\n";
    return kExitProblems;
  }
  if (!common.quiet)
    std::cout << (vi ? "Đã tạo " + path +
                           ". Điền các trường (thay các chỗ \"CẦN ĐIỀN\" nếu có), rồi chạy "
                           "congkhai check.\n"
                     : "Created " + path + ". Fill in the fields, then run congkhai check.\n");
  return kExitOk;
}

// The slug of a name, or "" after saying why there is none.
std::string slug_or_complain(const std::string& name, const Common& common) {
  std::string slug = slugify(name);
  if (slug.empty())
    std::cerr << (common.message_lang() == Lang::vi
                      ? "congkhai: lỗi: không tạo được tên tệp từ \"" + name + "\"; cần có chữ hoặc số.\n"
                      : "congkhai: error: \"" + name +
                            "\" gives no file name; it needs letters or digits.\n");
  return slug;
}

// True when procedures/domains.yaml lists `domain`; otherwise says which do exist.
bool domain_exists(const NewOptions& options, const Common& common) {
  RealDisk disk;
  Diagnostics diags;
  std::vector<Domain> domains;
  if (auto file = read_source(disk, options.sources.procedures + "/domains.yaml", diags))
    domains = load_domains(*file, diags);
  std::string known;
  for (const Domain& d : domains) {
    if (d.slug == options.domain) return true;
    known += " " + d.slug;
  }
  std::cerr << format_for_console(diags, common.console());
  std::cerr << (common.message_lang() == Lang::vi
                    ? "congkhai: lỗi: không có lĩnh vực \"" + options.domain + "\" trong " +
                          options.sources.procedures + "/domains.yaml. Các lĩnh vực:" + known + "\n"
                    : "congkhai: error: no domain \"" + options.domain + "\" in " +
                          options.sources.procedures + "/domains.yaml. Domains:" + known + "\n");
  return false;
}

int run_new_procedure(const NewOptions& options, const Common& common) {
  if (!domain_exists(options, common)) return kExitUsage;
  std::string slug = slug_or_complain(options.title, common);
  if (slug.empty()) return kExitUsage;
  std::string path = options.sources.procedures + "/" + options.domain + "/" + slug + ".md";
  return create_source(path, procedure_scaffold(options.domain, options.title), common);
}

int run_new_page(const NewOptions& options, const Common& common) {
  std::string slug = slug_or_complain(options.title, common);
  if (slug.empty()) return kExitUsage;
  std::string path = options.sources.content + "/pages/" + slug + ".md";
  return create_source(path, page_scaffold(options.title), common);
}

// "2023-05" -> results file for May 2023; anything else is bad usage.
int run_new_results(const NewOptions& options, const Common& common) {
  auto month = parse_iso_date(options.title + "-01");
  if (!month || options.title.size() != 7) {
    std::cerr << (common.message_lang() == Lang::vi
                      ? "congkhai: lỗi: tháng phải viết dạng NĂM-THÁNG, ví dụ 2023-05\n"
                      : "congkhai: error: write the month as YEAR-MONTH, e.g. 2023-05\n");
    return kExitUsage;
  }
  std::string path = options.sources.content + "/results/" + options.title + ".md";
  return create_source(path, scaffold_results(month->year, month->month), common);
}

int run_new_post(const NewOptions& options, const Common& common) {
  long long now = options.now.value_or(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  Date today = vietnam_time(now).date;
  std::string name = post_file_name(options.title, today);
  if (name.empty() && slug_or_complain(options.title, common).empty()) return kExitUsage;
  return create_source(options.sources.content + "/" + name, post_scaffold(options.title, today), common);
}

Command add_new_procedure(CLI::App& group, const Common& common) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* cmd = group.add_subcommand("procedure", "Thủ tục mới: procedures/<lĩnh vực>/<slug>.md");
  cmd->add_option("domain", options->domain, "Slug lĩnh vực trong domains.yaml / domain slug")->required();
  cmd->add_option("name", options->title, "Tên thủ tục / the procedure's name")->required();
  cmd->add_option("--procedures", options->sources.procedures, "Thư mục danh mục thủ tục")
      ->capture_default_str();
  return {cmd, [options, &common] { return run_new_procedure(*options, common); }};
}

Command add_new_page(CLI::App& group, const Common& common) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* cmd = group.add_subcommand("page", "Trang tĩnh mới: content/pages/<slug>.md");
  cmd->add_option("title", options->title, "Tiêu đề trang / the page's title")->required();
  cmd->add_option("--content", options->sources.content, "Thư mục nội dung của xã")->capture_default_str();
  return {cmd, [options, &common] { return run_new_page(*options, common); }};
}

Command add_new_results(CLI::App& group, const Common& common) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* cmd = group.add_subcommand("results", "Kết quả tháng mới: content/results/NĂM-THÁNG.md");
  cmd->add_option("month", options->title, "Tháng, dạng NĂM-THÁNG / the month, e.g. 2023-05")->required();
  cmd->add_option("--content", options->sources.content, "Thư mục nội dung của xã")->capture_default_str();
  return {cmd, [options, &common] { return run_new_results(*options, common); }};
}

Command add_new_post(CLI::App& group, const Common& common) {
  auto options = std::make_shared<NewOptions>();
  CLI::App* cmd = group.add_subcommand("post", "Bài tin tức mới: content/news/<ngày>-<slug>.md");
  cmd->add_option("title", options->title, "Tiêu đề bài viết / the post's title")->required();
  cmd->add_option("--content", options->sources.content, "Thư mục nội dung của xã")->capture_default_str();
  add_now_option(cmd, options->now)->group("");
  return {cmd, [options, &common] { return run_new_post(*options, common); }};
}

}  // namespace

std::vector<Command> add_new(CLI::App& app, const Common& common) {
  CLI::App* group = app.add_subcommand("new", "Tạo tệp nguồn mới từ mẫu (start a new source file)");
  group->require_subcommand(1);
  return {
      add_new_procedure(*group, common),
      add_new_page(*group, common),
      add_new_results(*group, common),
      add_new_post(*group, common),
  };
}

}  // namespace ck::cli
