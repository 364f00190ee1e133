#include "build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "fingerprint.h"
#include "heap.h"
#include "model.h"
#include "parallel.h"
#include "print.h"
#include "procedure_cache.h"
#include "qr_codes.h"
#include "render.h"
#include "stamp.h"
#include "theme.h"
#include "write.h"

namespace ck {
namespace {

// The jobs' indices in the order to start them: the plan's, or, when few
// files are made, those of each turn (RenderJob::Turn) together.
std::vector<std::size_t> start_order(const std::vector<RenderJob>& jobs, bool few_files) {
  std::vector<std::size_t> order(jobs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (few_files)
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return jobs[a].turn < jobs[b].turn; });
  return order;
}

// Which jobs' files the previous build left current: those jobs need not run.
std::vector<char> current_jobs(const std::vector<RenderJob>& jobs, const OutputWriter* writer, int threads) {
  std::vector<char> current(jobs.size(), 0);
  if (writer)
    parallel_for(jobs.size(), threads,
                 [&](std::size_t i) { current[i] = writer->is_current(i, jobs[i].key); });
  return current;
}

// Runs every job whose file is not current, writing each file as soon as it
// is made so that rendered pages are not all held in memory. Diagnostics are
// kept per job and joined in job order, so messages come out the same for
// any number of threads.
bool render_and_write(const RenderContext& ctx, const std::vector<RenderJob>& jobs, int threads,
                      OutputWriter* writer, std::uint64_t inputs_stamp, const BuildOptions& options,
                      Diagnostics& diags, std::string& failure) {
  const std::vector<char> current = current_jobs(jobs, writer, threads);
  const auto to_make = static_cast<std::size_t>(std::count(current.begin(), current.end(), 0));
  // Otherwise the booklet's one thread would encode 10,000 codes while the
  // others, after a small change, have nothing to do. Codes an earlier build
  // kept are read when needed: a rebuild redraws a part of the booklet or two.
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (!current[i] && jobs[i].draws_every_code && !ctx.qr().has_kept_codes()) {
      ctx.qr().encode_all(threads);
      break;
    }
  if (writer && !writer->start(to_make, inputs_stamp, &failure)) return false;
  std::vector<Diagnostics> per_job(jobs.size());
  std::mutex failure_mutex;
  std::atomic<std::size_t> done{0};
  auto do_job = [&](std::size_t i) {
    std::string error;
    bool ok = true;
    if (current[i]) {
      ok = writer->keep(i, jobs[i].key, &error);
    } else {
      OutputFile file = jobs[i].run(per_job[i]);
      if (writer && !per_job[i].has_errors()) ok = writer->write(i, std::move(file), jobs[i].key, &error);
    }
    if (!ok) {
      std::lock_guard lock(failure_mutex);
      if (failure.empty()) failure = error;
    }
    if (options.progress) options.progress(++done, jobs.size());
  };
  run_jobs(jobs, current, threads, do_job);
  for (Diagnostics& d : per_job) diags.absorb(std::move(d));
  return failure.empty() && !diags.has_errors();
}

}  // namespace

// Lists of every procedure are made one at a time, so that a build's memory
// is not that of two of them; each takes tens of milliseconds, so a thread
// rarely waits long for another's. A rebuild that makes few files starts
// its longest job, the booklet, first: the other thread makes the lists
// meanwhile (a rename changes six), and the sheets, which share the
// booklet's parts, come last.
void run_jobs(const std::vector<RenderJob>& jobs, const std::vector<char>& current, int threads,
              const std::function<void(std::size_t)>& run) {
  constexpr std::ptrdiff_t kFewFiles = 1000;
  const bool few_files = std::count(current.begin(), current.end(), 0) <= kFewFiles;
  const std::vector<std::size_t> order = start_order(jobs, few_files);
  std::mutex listing;
  parallel_for(order.size(), threads, [&](std::size_t k) {
    const std::size_t i = order[k];
    if (current[i] || !jobs[i].lists_every_procedure) return run(i);
    std::lock_guard alone(listing);
    run(i);
  });
}

std::string find_themes_dir(const std::string& executable) {
  std::error_code ec;
  if (std::filesystem::is_directory("themes/default", ec)) return "themes";
  auto exe = std::filesystem::weakly_canonical(executable, ec);
  auto installed = exe.parent_path().parent_path() / "share" / "congkhai" / "themes";
  if (std::filesystem::is_directory(installed / "default", ec)) return installed.string();
  return "themes";
}

namespace {

// What a commune's output depends on, including congkhai itself and the
// options that decide which posts are published.
struct Stamps {
  InputKeys keys;
  std::uint64_t all = 0;  // the keys and every procedure file
};

class StampMaker {
 public:
  StampMaker(const BuildOptions& options, const std::string& first_out_dir)
      : options_(options),
        book_path_(output_sources_path(first_out_dir)),
        version_("congkhai-stamp-2" + std::string(options.drafts ? "+drafts" : "") +
                 (options.future ? "+future" : "") +
                 (options.now ? "@" + std::to_string(*options.now) : "")) {
    std::error_code ec;
    executable_ = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    tool_ = stamp_file_identity(executable_, version_);
    if (!options.write) return;
    book_ = SourceBook::read_file(book_path_);
    catalog_ = stamp_inputs({options.sources.procedures}, {}, version_, threads(), &catalog_prints_, &book_);
  }
  // Saves what the sources looked like, once every commune is stamped, and
  // lets go of it before the sites are built. Failing costs the next build
  // time, nothing else.
  void save_book() {
    if (options_.write && book_.changed()) book_.write_file(book_path_);
    book_ = SourceBook();
  }
  std::uint64_t tool() const { return tool_; }
  int threads() const { return options_.threads > 0 ? options_.threads : default_threads(); }
  // The fingerprint of every catalog file, taken for the stamp.
  ContentPrints take_catalog_prints() { return std::move(catalog_prints_); }
  Stamps commune(const std::string& content) {
    Stamps stamps;
    stamps.keys.tool = tool_;
    stamps.keys.inputs =
        Fingerprint()
            .add(tool_)
            .add(stamp_inputs({content, options_.themes_dir}, {options_.sources.procedures + "/domains.yaml"},
                              version_, threads(), nullptr, &book_))
            .value();
    const std::string templates = content + "/templates";  // a commune's own templates and strings
    stamps.keys.print =
        Fingerprint()
            .add(tool_)
            .add(stamp_inputs({options_.themes_dir, templates},
                              {content + "/site.yaml", options_.sources.procedures + "/domains.yaml"},
                              version_, threads(), nullptr, &book_))
            .value();
    stamps.all = Fingerprint().add(stamps.keys.inputs).add(catalog_).value();
    return stamps;
  }

 private:
  const BuildOptions& options_;
  std::string book_path_;
  SourceBook book_;
  std::string version_;
  std::string executable_;
  std::uint64_t tool_ = 0;
  std::uint64_t catalog_ = 0;
  ContentPrints catalog_prints_;
};

// The catalog, read and parsed once for every commune that needs it. When
// writing, unchanged procedure files come from the cache beside the first
// output, which learns the files that changed and is saved before the sites
// render.
class CatalogLoader {
 public:
  CatalogLoader(const BuildOptions& options, const std::string& first_out_dir, std::uint64_t tool_key,
                ContentPrints prints)
      : options_(options),
        cache_files_{output_cache_path(first_out_dir), output_details_path(first_out_dir)},
        tool_key_(tool_key),
        prints_(std::move(prints)) {}

  // A copy of the catalog, or the catalog itself for its last user: a
  // single commune never holds it twice.
  Catalog get(const Disk& disk, int threads, Diagnostics& diags, bool last_use) {
    const Catalog& catalog = load(disk, threads, diags);
    return last_use ? std::move(*catalog_) : catalog;
  }

 private:
  const Catalog& load(const Disk& disk, int threads, Diagnostics& diags) {
    if (catalog_) return *catalog_;
    if (options_.write) {
      cache_ = ProcedureCache::read_file(cache_files_, tool_key_);
      cache_->expect(std::move(prints_));
      cache_->begin_writing(cache_files_, tool_key_);
    }
    ProcedureCache* cache_ptr = cache_ ? &*cache_ : nullptr;
    catalog_ = load_catalog(options_.sources.procedures, disk, diags, threads, cache_ptr);
    // Only a cache: failing to save it costs time, nothing else. It is not
    // used again, so its memory goes before the sites render; the details
    // of the procedures loaded anew stay in its file.
    if (cache_ && cache_->changed()) cache_->write_file(cache_files_, tool_key_);
    cache_.reset();
    return *catalog_;
  }

  const BuildOptions& options_;
  CacheFiles cache_files_;
  std::uint64_t tool_key_;
  ContentPrints prints_;
  std::optional<Catalog> catalog_;
  std::optional<ProcedureCache> cache_;
};

struct Shared {
  const BuildOptions& options;
  PublishPolicy publish;
  int threads;
  const Disk& disk;
  CatalogLoader& catalog;
  Diagnostics& catalog_diags;
};

// Stages 1 (the commune's own sources with the catalog) and 2.
Site commune_model(const Shared& run, bool last, CommuneBuild& commune) {
  Catalog catalog = run.catalog.get(run.disk, run.threads, run.catalog_diags, last);
  Site site = build_model(load_commune(commune.content, std::move(catalog), run.disk, commune.diags),
                          run.publish, commune.diags);
  check_qr_codes(site, commune.diags);
  commune.report.posts = site.news.posts.size();
  commune.report.drafts_held = site.news.drafts_held;
  commune.report.future_held = site.news.future_held;
  return site;
}

// Only a cache: failing to write it costs the next build time.
void keep_qr_codes(const QrCodes& codes, const Site& site, const std::string& out_dir,
                   std::uint64_t tool_key) {
  QrBook::Writer writer(output_qr_path(out_dir), qr_options(site.config), tool_key);
  codes.keep(writer);
  writer.save();
}

// Stages 3 and 4.
bool render_commune(const Shared& run, const Stamps& stamps, const Site& site, const Theme& theme,
                    OutputWriter* writer, CommuneBuild& commune) {
  BuildReport& report = commune.report;
  QrBook qr_book(output_qr_path(commune.out_dir), qr_options(site.config), stamps.keys.tool);
  std::optional<KeptEntries> print_parts;
  if (writer) print_parts.emplace(output_print_path(commune.out_dir), print_parts_header(stamps.keys.tool));
  RenderContext ctx(site, theme, stamps.keys, writer ? &qr_book : nullptr,
                    print_parts ? &*print_parts : nullptr);
  std::vector<RenderJob> jobs = plan_site(ctx);
  if (writer) {
    std::vector<std::string_view> paths;
    paths.reserve(jobs.size());
    for (const RenderJob& job : jobs) paths.push_back(job.path);
    writer->plan(std::move(paths));
  }
  bool ok = render_and_write(ctx, jobs, run.threads, writer, stamps.all, run.options, commune.diags,
                             report.failure);
  if (writer && ctx.qr().encoded_any()) keep_qr_codes(ctx.qr(), site, commune.out_dir, stamps.keys.tool);
  if (print_parts) print_parts->save();  // only a cache, like the codes
  if (ok && writer) ok = writer->commit(stamps.all, site.news.next_publication, &report.failure);
  report.files = jobs.size();
  report.pages = static_cast<std::size_t>(std::count_if(
      jobs.begin(), jobs.end(), [](const RenderJob& job) { return job.path.ends_with(".html"); }));
  report.written = writer ? writer->written() : 0;
  report.unchanged = writer ? writer->unchanged() : 0;
  return ok;
}

// A commune's output, begun before anything else so that its files are
// looked at while the sources are stamped and the model is built. Refusing
// the output folder is reported after the sources' errors.
struct CommuneOutput {
  std::optional<OutputWriter> writer;
  bool began = true;
  std::string refused;
};

bool build_commune(const Shared& run, const Stamps& stamps, bool last, CommuneBuild& commune,
                   CommuneOutput& output) {
  Site site = commune_model(run, last, commune);
  ThemeLocation where{run.options.themes_dir, site.config.theme, site.config.language,
                      commune.content + "/templates"};
  std::optional<Theme> theme = Theme::load(where, run.disk, commune.diags);
  if (commune.diags.has_errors() || run.catalog_diags.has_errors() || !theme) return false;
  if (!output.began) {
    commune.report.failure = output.refused;
    return false;
  }
  return render_commune(run, stamps, site, *theme, output.writer ? &*output.writer : nullptr, commune);
}

// Each commune's stamps; marks the communes whose output is current.
// Returns the index of the last commune that needs building.
std::size_t check_current(const BuildOptions& options, StampMaker& stamps, long long now,
                          std::vector<CommuneBuild>& communes, const std::vector<CommuneOutput>& outputs,
                          std::vector<Stamps>& commune_stamps) {
  std::size_t last = communes.size();
  for (std::size_t i = 0; i < communes.size(); ++i) {
    CommuneBuild& commune = communes[i];
    commune_stamps.push_back(options.write ? stamps.commune(commune.content) : Stamps{});
    commune.report.up_to_date =
        options.write && outputs[i].began && outputs[i].writer->is_unchanged(commune_stamps[i].all, now);
    commune.ok = commune.report.up_to_date;
    if (!commune.ok) last = i;
  }
  return last;
}

}  // namespace

bool build_communes(const BuildOptions& options, std::vector<CommuneBuild>& communes,
                    Diagnostics& catalog_diags) {
  if (communes.empty()) return true;
  PublishPolicy publish{options.now, options.drafts, options.future};
  if (!publish.now)
    publish.now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
  RealDisk disk;
  const int threads = options.threads > 0 ? options.threads : default_threads();
  std::vector<CommuneOutput> outputs(communes.size());
  if (options.write && std::any_of(communes.begin(), communes.end(),
                                   [](const CommuneBuild& c) { return holds_previous_output(c.out_dir); }))
    heap::prefer_huge_pages();
  if (options.write)
    for (std::size_t i = 0; i < communes.size(); ++i)
      outputs[i].began = outputs[i].writer.emplace(communes[i].out_dir).begin(&outputs[i].refused);
  StampMaker stamps(options, communes.front().out_dir);
  CatalogLoader catalog(options, communes.front().out_dir, stamps.tool(), stamps.take_catalog_prints());
  Shared run{options, publish, threads, disk, catalog, catalog_diags};
  std::vector<Stamps> commune_stamps;
  const std::size_t last = check_current(options, stamps, *publish.now, communes, outputs, commune_stamps);
  stamps.save_book();
  bool all_ok = true;
  for (std::size_t i = 0; i < communes.size(); ++i) {
    auto start = std::chrono::steady_clock::now();
    CommuneBuild& commune = communes[i];
    if (!commune.ok) commune.ok = build_commune(run, commune_stamps[i], i == last, commune, outputs[i]);
    commune.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    all_ok = all_ok && commune.ok;
  }
  return all_ok;
}

bool build_site(const BuildOptions& options, Diagnostics& diags, BuildReport& report) {
  std::vector<CommuneBuild> one{{options.sources.content, options.out_dir, {}, {}, false}};
  Diagnostics catalog_diags;
  bool ok = build_communes(options, one, catalog_diags);
  diags.absorb(std::move(catalog_diags));
  diags.absorb(std::move(one.front().diags));
  report = std::move(one.front().report);
  return ok;
}

}  // namespace ck
