// The site model: everything the renderer needs, validated and indexed.
// Built once by build_model() and never changed afterwards.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dates.h"
#include "diagnostics.h"
#include "qr.h"

namespace ck {

enum class OnlineService { none, partial, full };  // ND 42/2022: một phần / toàn trình
enum class ChannelKind { direct, online, postal };

struct Channel {
  ChannelKind kind = ChannelKind::direct;
  std::string time_limit;
  std::string fee;
  std::string note;
  bool operator==(const Channel&) const = default;
};

struct Paper {
  std::string name;
  long long originals = 0;  // bản chính
  long long copies = 0;     // bản sao
  std::string form;         // a URL, or a file under content/static
  std::string note;
  SourcePos form_at;
  bool operator==(const Paper&) const = default;
};

// A form that is a file of the site, as the editor wrote it, so the model
// checks that it exists without decoding the procedure's details.
struct FormLink {
  std::string form;
  Place at;  // in the procedure's file
  bool operator==(const FormLink&) const = default;
};

// Papers for one case ("Trường hợp …"); the case name is empty for papers
// everyone brings.
struct PaperGroup {
  std::string case_name;
  std::vector<Paper> papers;
  bool operator==(const PaperGroup&) const = default;
};

struct LegalDocument {
  std::string number;
  std::string title;
  std::string issuer;
  std::optional<Date> date;
  bool operator==(const LegalDocument&) const = default;
};

struct Agencies {
  std::string performing;    // cơ quan thực hiện
  std::string authority;     // cơ quan có thẩm quyền
  std::string coordinating;  // cơ quan phối hợp
  bool operator==(const Agencies&) const = default;
};

// Markdown text and where it starts in its file, so messages about it can
// point at the right line.
struct MarkdownSource {
  std::string text;
  SourcePos origin;
  bool operator==(const MarkdownSource&) const = default;
};

// Where an editor wrote the fields that cross-file checks complain about,
// in the file of what they describe.
struct FieldPlaces {
  Place code;
  Place name;
  Place domain;
  Place slug;
  Place slug_or_name() const { return slug.line ? slug : name; }
  bool operator==(const FieldPlaces&) const = default;
};

// What a procedure's printed QR code opens: its stable short URL
// (/tthc/<code>/) or the online submission page.
enum class QrTarget { short_url, online_url };

// What a procedure's own page shows beyond what lists of procedures show.
struct ProcedureDetails {
  std::string summary;
  std::vector<std::string> applicants;
  Agencies agency;
  std::string submit_at;
  std::vector<Channel> channels;
  std::vector<PaperGroup> documents;
  std::string result;
  std::vector<std::string> conditions;
  std::vector<LegalDocument> legal_basis;
  MarkdownSource body;
  bool operator==(const ProcedureDetails&) const = default;
};

class OpenFile;  // disk.h

// A procedure's details, encoded as in the parse cache (see
// procedure_cache.h) and decoded only by the page that shows them: the model
// of a large catalog holds what lists need, and a rebuild decodes the
// details of the pages it makes, not of every procedure. The bytes are left
// in the cache's details file and read back by their page (a build of
// 10,000 procedures would otherwise hold 30 MB of details from loading to
// the end, each used once), or shared with a string that holds them.
class StoredDetails {
 public:
  StoredDetails() = default;
  StoredDetails(std::shared_ptr<const void> owner, std::string_view bytes)
      : owner_(std::move(owner)), bytes_(bytes) {}
  explicit StoredDetails(std::string bytes);
  // `size` bytes at `offset` in `file`, whose fingerprint is `print`.
  StoredDetails(std::shared_ptr<const OpenFile> file, std::uint64_t offset, std::uint64_t size,
                std::uint64_t print);
  // The bytes; those left in a file are read into *buffer, and are nullopt
  // if the file no longer holds them as they were.
  std::optional<std::string_view> bytes(std::string* buffer) const;
  bool in_file() const { return file_ != nullptr; }
  bool operator==(const StoredDetails& other) const;

 private:
  std::shared_ptr<const void> owner_;
  std::string_view bytes_;
  std::shared_ptr<const OpenFile> file_;
  std::uint64_t offset_ = 0, size_ = 0, print_ = 0;  // in file_
};

struct Procedure {
  SourcePos source;
  FieldPlaces at;
  std::string code;  // empty: no short URL (the build warns)
  std::string name;
  std::string domain;  // a Domain slug
  std::string slug;
  std::string level;
  std::string type;
  OnlineService online = OnlineService::none;
  std::string online_url;
  // Of the first channel: printed beside the QR code.
  std::string time_limit;
  std::string fee;
  std::vector<FormLink> site_forms;
  std::vector<std::string> keywords;
  std::vector<std::string> related;   // codes
  std::optional<QrTarget> qr_encode;  // overrides the site's qr.encode
  Place qr_encode_at;                 // in the source file, as are the places below
  Place online_url_at;
  // The fingerprint of the whole source file (see fingerprint.h).
  std::uint64_t source_hash = 0;
  // Of what its poster shows of the details: the papers everyone brings and
  // where to submit, so that a steps edit does not redraw the poster.
  std::uint64_t checklist_hash = 0;
  StoredDetails details;
  bool operator==(const Procedure&) const = default;
};

struct Domain {
  SourcePos source;
  std::string slug;
  std::string name;
  std::string description;
  long long order = 0;
  std::vector<std::size_t> procedures;  // indices into Site::procedures, A–Z
};

struct Page {
  SourcePos source;
  FieldPlaces at;
  std::string title;
  std::string slug;
  std::string description;
  std::optional<long long> menu;
  MarkdownSource body;
};

// A news post (tin tức) of the editorial board: content/news/*.md.
struct Post {
  SourcePos source;
  FieldPlaces at;  // name: the title
  std::string title;
  std::string slug;
  DateTime date;
  SourcePos date_at;
  std::string summary;
  std::vector<std::string> tags;
  bool draft = false;
  std::string cover;      // a site path, e.g. static/tin-tuc/anh.svg
  std::string cover_alt;  // required with a cover
  SourcePos cover_at;
  std::string author;  // a person or a unit
  MarkdownSource body;
};

struct Tag {
  std::string slug;
  std::string name;
  std::vector<std::size_t> posts;  // indices into News::posts, newest first
};

struct Month {
  int year = 0;
  int month = 0;
  std::vector<std::size_t> posts;  // newest first
};

struct News {
  std::vector<Post> posts;  // published only, newest first
  std::vector<Tag> tags;    // A–Z
  std::vector<Month> months;  // newest first
  std::size_t drafts_held = 0;  // left out: draft: true and no --drafts
  std::size_t future_held = 0;  // left out: dated after "now" and no --future
  // When the earliest held-back post goes live (seconds, UTC): the output
  // is out of date from then on, even if no file changes.
  std::optional<long long> next_publication;
  long long per_page = 10;
};

// A file editors put under content/static/, published at static/<relative>.
struct StaticFile {
  std::string output_path;  // static/...
  std::string source_path;
};

// Which posts are published. `now` is injected (seconds since the epoch, UTC)
// so that a build is reproducible; without it no post counts as future.
struct PublishPolicy {
  std::optional<long long> now;
  bool drafts = false;
  bool future = false;
};

struct OpeningHours {
  std::string days;
  std::string hours;
};

struct Contact {
  std::string address;
  std::string phone;
  std::string hotline;
  std::string email;
};

// How QR codes and print files are made (site.yaml "qr:").
struct QrSettings {
  QrLevel level = QrLevel::M;
  QrTarget encode = QrTarget::short_url;
  bool poster_pdfs = true;  // one PDF poster per procedure; off for huge catalogs
};

struct SiteConfig {
  SourcePos source;
  std::string commune;
  std::string authority;
  std::string district;
  std::string province;
  std::string base_url;  // absolute, without a trailing slash
  std::string language = "vi";
  std::string theme = "default";
  bool allow_raw_html = false;
  bool sample_data = false;
  Contact contact;
  std::vector<OpeningHours> opening_hours;
  QrSettings qr;
  std::string survey_url;  // satisfaction survey; empty: no survey poster
  SourcePos survey_at;
  long long news_per_page = 10;
};

// Monthly administrative-reform results (Biểu 06), one file per month.
// Counts are whole numbers; a field the editor left out is 0.
struct Figures {
  long long received = 0;         // tiếp nhận mới trong kỳ
  long long received_online = 0;  // trong đó trực tuyến
  long long received_direct = 0;  // trong đó trực tiếp, bưu chính
  long long carried_over = 0;     // kỳ trước chuyển sang
  long long resolved = 0;
  long long early = 0;
  long long on_time = 0;
  long long late = 0;
  long long in_progress = 0;  // đang giải quyết, trong hạn
  long long overdue = 0;      // đang giải quyết, quá hạn
  long long paused = 0;       // tạm dừng, trả lại
  long long digitized_on_receipt = 0;
  long long digitized_results = 0;
  long long paid_online = 0;
  long long fee_bearing = 0;  // hồ sơ của thủ tục có phí, lệ phí
  long long answered = 0;     // phiếu khảo sát
  long long satisfied = 0;
  long long complaints = 0;
  long long complaints_resolved = 0;
};

struct DomainFigures {
  SourcePos source;
  std::string domain;  // a Domain slug
  long long received = 0;
  long long resolved = 0;
  long long online = 0;
  bool has_resolved = false;
  bool has_online = false;
};

struct MonthResults {
  SourcePos source;
  SourcePos at_month;
  int year = 0;
  int month = 0;
  Figures figures;
  std::vector<DomainFigures> domains;
  std::map<std::string, SourcePos> at;  // "received.total" -> where it was written
  MarkdownSource commentary;
};

// Yearly targets, in hundredths of a percent (97 % -> 9700), by rate key.
struct YearTargets {
  SourcePos source;
  int year = 0;
  std::map<std::string, long long> hundredths;
};

struct ResultsData {
  std::vector<MonthResults> months;  // by year and month once the model is built
  std::vector<YearTargets> targets;  // by year
};

// What the loader read, before cross-file checks.
// What a province shares among its communes.
struct Catalog {
  std::vector<Domain> domains;
  std::vector<Procedure> procedures;
};

struct Sources {
  SiteConfig config;
  std::vector<Domain> domains;
  std::vector<Procedure> procedures;
  std::vector<Page> pages;
  ResultsData results;
  std::vector<Post> posts;                // content/news, before drafts and dates are checked
  std::vector<StaticFile> static_files;  // content/static, copied as they are
};

struct Site {
  SiteConfig config;
  std::vector<Domain> domains;        // catalog order
  std::vector<Procedure> procedures;  // by domain order, then A–Z
  std::vector<Page> pages;            // by menu position, then title
  std::map<std::string, std::size_t> procedure_by_code;
  ResultsData results;
  News news;
  std::vector<StaticFile> static_files;  // by output path
  std::set<std::string> paths;           // every page ("a/b/") and file the site will have

  bool has_path(const std::string& path) const { return paths.count(path) > 0; }

  const Domain* find_domain(const std::string& slug) const;
  const Procedure* find_procedure(const std::string& code) const;
};

// Cross-file checks (unknown domains, duplicate codes, slugs and URLs) and
// ordering. Reports problems into `diags`; the result is complete only when
// no error was reported.
Site build_model(Sources sources, Diagnostics& diags);
// The same, publishing news according to `publish`.
Site build_model(Sources sources, const PublishPolicy& publish, Diagnostics& diags);

// Sort key that ignores diacritics and case, so "Đăng ký" sorts among "D".
std::string sort_key(const std::string& text);

}  // namespace ck
