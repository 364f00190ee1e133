// The build pipeline, in order: load sources, build the model, load the
// theme, render every file and write them, swapping the new output in only
// when nothing failed.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "load.h"

namespace ck {

struct RenderJob;

struct BuildOptions {
  SourcePaths sources;
  std::string themes_dir;  // empty: find the installed or local themes
  std::string out_dir = "output";
  int threads = 0;  // 0: one per core
  bool write = true;  // false: check only
  // Called from the render threads after each file: (done, total).
  std::function<void(std::size_t, std::size_t)> progress;
  // News: publish drafts, publish posts dated after `now`; `now` (seconds
  // since the epoch, UTC) defaults to the clock, tests and --now pin it.
  bool drafts = false;
  bool future = false;
  std::optional<long long> now;
};

struct BuildReport {
  std::size_t files = 0;
  std::size_t written = 0;
  std::size_t unchanged = 0;
  std::size_t pages = 0;  // HTML pages among the files
  bool up_to_date = false;  // nothing changed since the last build: nothing was done
  double seconds = 0;
  std::string failure;  // a problem outside the sources (disk, permissions)
  std::size_t posts = 0;        // published news posts
  std::size_t drafts_held = 0;  // held back: drafts
  std::size_t future_held = 0;  // held back: dated in the future
};

// Returns true when the site was built (or, with write=false, checked)
// without errors. Problems in the sources go to `diags`.
bool build_site(const BuildOptions& options, Diagnostics& diags, BuildReport& report);

// One commune of a run that builds several: its content folder, its output
// folder, and what became of it.
struct CommuneBuild {
  std::string content;
  std::string out_dir;
  Diagnostics diags;  // about the commune's own sources and its site
  BuildReport report;
  bool ok = false;
};

// Builds the portals of several communes that share one procedure catalog
// (options.sources.procedures), reading and parsing the catalog once;
// options.sources.content and options.out_dir are not used. Each commune is
// built as build_site() would, and one that fails leaves its output as it
// was. Messages about the catalog go to `catalog_diags`, once; an error
// there fails every commune that needed building. True when all built.
bool build_communes(const BuildOptions& options, std::vector<CommuneBuild>& communes, Diagnostics& catalog_diags);

// Runs run(i) for every job on `threads` threads, `current` marking the jobs
// whose files the last build left as they are. Jobs whose files list every
// procedure run one at a time; when only a few files are made, the jobs
// start by their turn (RenderJob::Turn).
void run_jobs(const std::vector<RenderJob>& jobs, const std::vector<char>& current, int threads,
              const std::function<void(std::size_t)>& run);

// Where themes are when --themes is not given: ./themes if it holds the
// default theme, else the themes installed beside the executable.
std::string find_themes_dir(const std::string& executable);

}  // namespace ck
