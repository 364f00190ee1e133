// Stage 3 of a build: the site model becomes output files. Each file is a job
// that reads the immutable model and theme, so jobs can run in any order and
// in parallel and still give the same bytes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kept_file.h"
#include "markdown.h"
#include "model.h"
#include "qr_codes.h"
#include "theme.h"

namespace ck {

struct OutputFile {
  std::string path;   // relative to the output root
  std::string bytes;  // contents; see copy_from
  std::string copy_from;  // when set, the file is a copy of this source file
};

struct RenderJob {
  std::string path;
  std::function<OutputFile(Diagnostics&)> run;
  // Fingerprint of everything the file is made from: a rebuild skips a job
  // whose key matches the one its file was made with. 0 until plan_site()
  // gives it the site-wide key.
  std::uint64_t key = 0;
  // The file draws every procedure's QR code (the booklet).
  bool draws_every_code = false;
  // The page lists every procedure, holding them all at once as template
  // data and text (the catalog, the sitemap, the search page and index, the
  // print index, the booklet's page): such jobs run one at a time, so that
  // a build's memory is not that of two of them (see run_jobs).
  bool lists_every_procedure = false;
  // When a rebuild makes few files, when to start this one (see run_jobs).
  enum class Turn : signed char { first = -1, in_plan = 0, last = 1 };
  Turn turn = Turn::in_plan;
};

// A job whose file lists every procedure (see lists_every_procedure).
inline RenderJob listing_job(std::string path, std::function<OutputFile(Diagnostics&)> run,
                             std::uint64_t key = 0) {
  return {std::move(path), std::move(run), key, false, true};
}

// What a build's files are made from, beyond the model: the congkhai
// executable and its options (tool), and every input file that is not a
// procedure (inputs: theme, configuration, pages, news, results).
struct InputKeys {
  std::uint64_t tool = 0;
  std::uint64_t inputs = 0;
  // What the print PDFs draw beyond the procedures: congkhai, site.yaml,
  // the theme and domains.yaml, not the news, results or pages, so that
  // publishing a post does not redraw 10,000 posters.
  std::uint64_t print = 0;
};

// Everything one job needs: the model, the theme and data shared by pages.
class RenderContext {
 public:
  // `print_parts`: the booklet's parts an earlier build drew, renewed for
  // the next; null when nothing is kept (a check, a test).
  RenderContext(const Site& site, const Theme& theme, InputKeys keys = {}, const QrBook* qr_book = nullptr,
                KeptEntries* print_parts = nullptr);
  const Site& site() const { return site_; }
  const Theme& theme() const { return theme_; }
  const QrCodes& qr() const { return qr_codes_; }
  KeptEntries* print_parts() const { return print_parts_; }

  // A page's own data: root, path, title, canonical. Rendered through
  // render_page or render below, it also sees what every page shares:
  // site, t (strings), menu.
  TemplateData page_data(const std::string& path, const std::string& title) const;
  std::string render_page(const std::string& name, TemplateData data) const {
    return theme_.render_page(name, std::move(data), &shared_);
  }
  std::string render(const std::string& name, const TemplateData& data) const {
    return theme_.render(name, data, &shared_);
  }
  // Renders Markdown with the site's raw-HTML setting.
  // With `page_path`, links and images to the site's own pages and files are
  // checked and made relative to that page.
  std::string markdown(const MarkdownSource& source, int heading_shift, int min_level,
                       Diagnostics& diags, const std::string& page_path = {}) const;
  TemplateData procedure_link(const Procedure& p) const;  // name, code, url
  TemplateData domain_heading(const Domain& d) const;     // name, slug, description, url, count
  TemplateData domain_summary(const Domain& d) const;     // the heading and its procedures
  const std::string& text(const std::string& key) const { return theme_.string(key); }

  // Job keys. A page about one procedure shows its own file and, of the
  // others, the names of its related procedures and the paths that links
  // resolve against (codes, slugs, domains); lists show a few fields of
  // each (list_print_of in render.cc).
  // A domain's page and sheet list its own procedures (domain_key); pages
  // that list every procedure and nothing of the news, results or pages
  // (the catalog, the search page, the print index and the booklet's page)
  // follow procedure_lists_key; the sitemap and the search index, which add
  // each post's title, address and date and the results' pages, follow
  // index_key; the home page, which counts the procedures of each domain,
  // follows lists_key, which adds every input. The news, results and pages
  // show nothing of the procedures but the paths their links may point at:
  // they follow pages_key, so renaming a procedure does not make them again.
  const InputKeys& input_keys() const { return keys_; }
  std::uint64_t lists_key() const { return lists_key_; }
  std::uint64_t pages_key() const { return pages_key_; }
  std::uint64_t procedure_lists_key() const { return procedure_lists_key_; }
  std::uint64_t index_key() const { return index_key_; }
  std::uint64_t procedure_key(const Procedure& p) const;  // p: one of the site's
  std::uint64_t domain_key(const Domain& d) const;        // d: one of the site's

 private:
  const Site& site_;
  const Theme& theme_;
  QrCodes qr_codes_;
  KeptEntries* print_parts_;
  TemplateData shared_;
  InputKeys keys_;
  std::uint64_t shape_key_ = 0;
  std::uint64_t lists_key_ = 0;
  std::uint64_t pages_key_ = 0;
  std::uint64_t procedure_lists_key_ = 0;
  std::uint64_t index_key_ = 0;
  std::vector<std::uint64_t> procedure_keys_;  // by index in Site::procedures
  std::vector<std::uint64_t> domain_keys_;     // by index in Site::domains
};

std::vector<RenderJob> plan_site(const RenderContext& ctx);

// The individual kinds of pages, each in its own file.
OutputFile render_procedure(const RenderContext& ctx, const Procedure& p, Diagnostics& diags);
// A procedure's details, decoded, with the forms that are files of the
// site linked from its root.
std::optional<ProcedureDetails> procedure_details(const Site& site, const Procedure& p, Diagnostics& diags);
OutputFile render_short_link(const RenderContext& ctx, const Procedure& p);
OutputFile render_home(const RenderContext& ctx);
OutputFile render_catalog(const RenderContext& ctx);
OutputFile render_domain(const RenderContext& ctx, const Domain& d);
OutputFile render_search(const RenderContext& ctx);
OutputFile render_static_page(const RenderContext& ctx, const Page& page, Diagnostics& diags);
OutputFile render_not_found(const RenderContext& ctx);
OutputFile render_sitemap(const RenderContext& ctx);
OutputFile render_robots(const RenderContext& ctx);

// Monthly results (render_results.cc, opendata.cc): the pages under
// /ket-qua/ and the open data under /du-lieu/, when there are results.
void plan_results(const RenderContext& ctx, std::vector<RenderJob>& jobs);
void plan_open_data(const RenderContext& ctx, std::vector<RenderJob>& jobs);
std::vector<std::string> results_page_paths(const Site& site);
TemplateList results_tiles(const RenderContext& ctx);  // the latest month's rates, for the tiles
FencedBlockHook results_directive(const RenderContext& ctx);  // ```ketqua in Markdown
// News (render_news.cc), the Atom feed (feed.cc) and the search index (search.cc).
void plan_news(const RenderContext& ctx, std::vector<RenderJob>& jobs);
TemplateList latest_posts(const RenderContext& ctx, std::size_t count);
OutputFile render_feed(const RenderContext& ctx);
OutputFile render_search_index(const RenderContext& ctx);

}  // namespace ck
