#include "build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "model.h"
#include "parallel.h"
#include "qr_codes.h"
#include "render.h"
#include "stamp.h"
#include "theme.h"
#include "write.h"

namespace ck {
namespace {

// Runs every job, writing each file as soon as it is made so that rendered
// pages are not all held in memory. Diagnostics are kept per job and joined
// in job order, so messages come out the same for any number of threads.
bool render_and_write(const std::vector<RenderJob>& jobs, int threads, OutputWriter* writer,
                      const BuildOptions& options, Diagnostics& diags, std::string& failure) {
  std::vector<Diagnostics> per_job(jobs.size());
  std::mutex failure_mutex;
  std::atomic<std::size_t> done{0};
  parallel_for(jobs.size(), threads, [&](std::size_t i) {
    OutputFile file = jobs[i].run(per_job[i]);
    std::string error;
    if (writer && !per_job[i].has_errors() && !writer->write(file, &error)) {
      std::lock_guard lock(failure_mutex);
      if (failure.empty()) failure = error;
    }
    if (options.progress) options.progress(++done, jobs.size());
  });
  for (Diagnostics& d : per_job) diags.absorb(std::move(d));
  return failure.empty() && !diags.has_errors();
}

}  // namespace

std::string find_themes_dir(const std::string& executable) {
  std::error_code ec;
  if (std::filesystem::is_directory("themes/default", ec)) return "themes";
  auto exe = std::filesystem::weakly_canonical(executable, ec);
  auto installed = exe.parent_path().parent_path() / "share" / "congkhai" / "themes";
  if (std::filesystem::is_directory(installed / "default", ec)) return installed.string();
  return "themes";
}

namespace {

// Everything the output depends on, including congkhai itself.
std::uint64_t inputs_stamp(const BuildOptions& options) {
  std::error_code ec;
  std::string executable = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  // Which posts are published depends on these too, not only on the files.
  std::string publish = std::string(options.drafts ? "+drafts" : "") + (options.future ? "+future" : "") +
                        (options.now ? "@" + std::to_string(*options.now) : "");
  return stamp_inputs({options.sources.procedures, options.sources.content, options.themes_dir}, {executable},
                      "congkhai-stamp-1" + publish);
}

}  // namespace

bool build_site(const BuildOptions& options, Diagnostics& diags, BuildReport& report) {
  auto start = std::chrono::steady_clock::now();
  PublishPolicy publish{options.now, options.drafts, options.future};
  if (!publish.now)
    publish.now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const std::uint64_t stamp = options.write ? inputs_stamp(options) : 0;
  if (options.write && output_is_current(options.out_dir, stamp, *publish.now)) {
    report.up_to_date = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return true;
  }
  RealDisk disk;
  const int threads = options.threads > 0 ? options.threads : default_threads();
  Site site = build_model(load_sources(options.sources, disk, diags, threads), publish, diags);
  encode_qr_codes(site, diags, threads);
  report.posts = site.news.posts.size();
  report.drafts_held = site.news.drafts_held;
  report.future_held = site.news.future_held;
  ThemeLocation where{options.themes_dir, site.config.theme, site.config.language,
                      options.sources.content + "/templates"};
  std::optional<Theme> theme = Theme::load(where, disk, diags);
  if (diags.has_errors() || !theme) return false;

  RenderContext ctx(site, *theme);
  std::vector<RenderJob> jobs = plan_site(ctx);
  std::optional<OutputWriter> writer;
  if (options.write) {
    writer.emplace(options.out_dir);
    if (!writer->begin(&report.failure)) return false;
  }
  bool ok = render_and_write(jobs, threads, writer ? &*writer : nullptr, options, diags, report.failure);
  if (ok && writer) ok = writer->commit(stamp, site.news.next_publication, &report.failure);
  report.files = jobs.size();
  report.pages = static_cast<std::size_t>(std::count_if(
      jobs.begin(), jobs.end(), [](const RenderJob& job) { return job.path.ends_with(".html"); }));
  report.written = writer ? writer->written() : 0;
  report.unchanged = writer ? writer->unchanged() : 0;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return ok;
}

}  // namespace ck
