// Stage 1 of a build: read the sources into typed records. Every file is
// loaded on its own; cross-file checks belong to build_model().
#pragma once

#include <optional>
#include <string>

#include "disk.h"
#include "model.h"
#include "source.h"

namespace ck {

class ProcedureCache;

struct SourcePaths {
  std::string procedures = "procedures";
  std::string content = "content";
};

// Procedures load on `threads` threads (0: one per core); the result and the
// messages are the same for any number.
// The procedure catalog (domains.yaml and every procedure), which several
// communes can share, and one commune's content folder with a catalog.
Catalog load_catalog(const std::string& dir, const Disk& disk, Diagnostics& diags, int threads = 0,
                     ProcedureCache* cache = nullptr);
Sources load_commune(const std::string& dir, Catalog catalog, const Disk& disk, Diagnostics& diags);

// Both at once. With a cache, unchanged procedure files are not read again,
// and the cache learns the files that changed.
Sources load_sources(const SourcePaths& paths, const Disk& disk, Diagnostics& diags, int threads = 0,
                     ProcedureCache* cache = nullptr);

// Reads, checks UTF-8 and normalizes one file; reports why it cannot.
std::optional<SourceFile> read_source(const Disk& disk, const std::string& path, Diagnostics& diags);
// The same for text already read (nullopt: not read, for `reason`).
std::optional<SourceFile> prepare_source(const std::string& path, std::optional<std::string> text,
                                         const std::string& reason, Diagnostics& diags);

std::optional<SiteConfig> load_site_config(const SourceFile& file, Diagnostics& diags);
std::vector<Domain> load_domains(const SourceFile& file, Diagnostics& diags);
std::optional<Procedure> load_procedure(const SourceFile& file, Diagnostics& diags);
std::optional<Page> load_page(const SourceFile& file, Diagnostics& diags);

// Monthly results (content/results/YYYY-MM.md) and yearly targets
// (content/targets.yaml); see load_results.cc.
ResultsData load_results(const std::string& content_dir, const Disk& disk, Diagnostics& diags);
std::optional<MonthResults> load_month_results(const SourceFile& file, Diagnostics& diags);
std::vector<YearTargets> load_targets(const SourceFile& file, Diagnostics& diags);
std::optional<Post> load_post(const SourceFile& file, Diagnostics& diags);
// Every file below `dir` (content/static), to be published under static/.
std::vector<StaticFile> list_static_files(const std::string& dir, const Disk& disk);

// True for an absolute http:// or https:// URL with a host.
bool is_web_url(const std::string& text);

}  // namespace ck
