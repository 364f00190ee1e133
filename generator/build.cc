#include "build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <filesystem>
#include <mutex>

#include "fingerprint.h"
#include "model.h"
#include "parallel.h"
#include "procedure_cache.h"
#include "qr_codes.h"
#include "render.h"
#include "stamp.h"
#include "theme.h"
#include "write.h"

namespace ck {
namespace {

// Runs every job whose file is not current, writing each file as soon as it
// is made so that rendered pages are not all held in memory. Diagnostics are
// kept per job and joined in job order, so messages come out the same for
// any number of threads.
bool render_and_write(const std::vector<RenderJob>& jobs, int threads, OutputWriter* writer,
                      std::uint64_t inputs_stamp, const BuildOptions& options, Diagnostics& diags,
                      std::string& failure) {
  std::vector<char> current(jobs.size(), 0);
  if (writer) {
    parallel_for(jobs.size(), threads, [&](std::size_t i) { current[i] = writer->is_current(jobs[i].path, jobs[i].key); });
    if (!writer->start(static_cast<std::size_t>(std::count(current.begin(), current.end(), 0)), inputs_stamp,
                       &failure))
      return false;
  }
  std::vector<Diagnostics> per_job(jobs.size());
  std::mutex failure_mutex;
  std::atomic<std::size_t> done{0};
  parallel_for(jobs.size(), threads, [&](std::size_t i) {
    std::string error;
    bool ok = true;
    if (current[i]) {
      ok = writer->keep(jobs[i].path, jobs[i].key, &error);
    } else {
      OutputFile file = jobs[i].run(per_job[i]);
      if (writer && !per_job[i].has_errors()) ok = writer->write(file, jobs[i].key, &error);
    }
    if (!ok) {
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

// Everything the output depends on, including congkhai itself and the
// options that decide which posts are published.
struct Stamps {
  InputKeys keys;
  std::uint64_t all = 0;  // the keys and every procedure file
};

Stamps input_stamps(const BuildOptions& options) {
  std::error_code ec;
  std::string executable = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  std::string publish = std::string(options.drafts ? "+drafts" : "") + (options.future ? "+future" : "") +
                        (options.now ? "@" + std::to_string(*options.now) : "");
  const std::string version = "congkhai-stamp-2" + publish;
  Stamps stamps;
  stamps.keys.tool = stamp_inputs({}, {executable}, version);
  stamps.keys.inputs = stamp_inputs({options.sources.content, options.themes_dir},
                                    {executable, options.sources.procedures + "/domains.yaml"}, version);
  stamps.all = Fingerprint()
                   .add(stamps.keys.inputs)
                   .add(stamp_inputs({options.sources.procedures}, {}, version))
                   .value();
  return stamps;
}

// Stages 1 and 2. When writing, unchanged procedure files come from the
// cache beside the output, which learns the files that changed and is saved
// in the background while the site renders.
class SiteLoader {
 public:
  SiteLoader(const BuildOptions& options, std::uint64_t tool_key) : options_(options), tool_key_(tool_key) {
    if (options.write) cache_ = ProcedureCache::read_file(output_cache_path(options.out_dir), tool_key);
  }
  ~SiteLoader() {
    if (saving_.valid()) saving_.wait();
  }

  Site load(const PublishPolicy& publish, const Disk& disk, int threads, Diagnostics& diags) {
    ProcedureCache* cache = cache_ ? &*cache_ : nullptr;
    Site site = build_model(load_sources(options_.sources, disk, diags, threads, cache), publish, diags);
    if (cache && cache->changed())  // only a cache: failing to save it costs time, nothing else
      saving_ = std::async(std::launch::async,
                           [this] { cache_->write_file(output_cache_path(options_.out_dir), tool_key_); });
    check_qr_codes(site, diags);
    return site;
  }

 private:
  const BuildOptions& options_;
  std::uint64_t tool_key_;
  std::optional<ProcedureCache> cache_;
  std::future<void> saving_;
};

}  // namespace

bool build_site(const BuildOptions& options, Diagnostics& diags, BuildReport& report) {
  auto start = std::chrono::steady_clock::now();
  PublishPolicy publish{options.now, options.drafts, options.future};
  if (!publish.now)
    publish.now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const Stamps stamps = options.write ? input_stamps(options) : Stamps{};
  const std::uint64_t stamp = stamps.all;
  if (options.write && output_is_current(options.out_dir, stamp, *publish.now)) {
    report.up_to_date = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return true;
  }
  RealDisk disk;
  const int threads = options.threads > 0 ? options.threads : default_threads();
  SiteLoader loader(options, stamps.keys.tool);
  Site site = loader.load(publish, disk, threads, diags);
  report.posts = site.news.posts.size();
  report.drafts_held = site.news.drafts_held;
  report.future_held = site.news.future_held;
  ThemeLocation where{options.themes_dir, site.config.theme, site.config.language,
                      options.sources.content + "/templates"};
  std::optional<Theme> theme = Theme::load(where, disk, diags);
  if (diags.has_errors() || !theme) return false;

  RenderContext ctx(site, *theme, stamps.keys);
  std::vector<RenderJob> jobs = plan_site(ctx);
  std::optional<OutputWriter> writer;
  if (options.write) {
    writer.emplace(options.out_dir);
    if (!writer->begin(&report.failure)) return false;
  }
  bool ok = render_and_write(jobs, threads, writer ? &*writer : nullptr, stamp, options, diags, report.failure);
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
