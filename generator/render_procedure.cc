// The procedure page, in the order a citizen needs it: what it is for, who may
// apply, which papers to bring, how long and how much, where to go, the steps,
// the result and the legal basis. Plus its /tthc/<code>/ short link.
#include <algorithm>

#include "print.h"
#include "procedure_cache.h"
#include "render.h"
#include "unicode.h"
#include "urls.h"

namespace ck {
namespace {

TemplateList text_items(const std::vector<std::string>& texts) {
  TemplateList list;
  for (const std::string& text : texts) list.push_back(TemplateData("text", text));
  return list;
}

std::string channel_label(const RenderContext& ctx, ChannelKind kind) {
  switch (kind) {
    case ChannelKind::online: return ctx.text("channel_online");
    case ChannelKind::postal: return ctx.text("channel_postal");
    case ChannelKind::direct: break;
  }
  return ctx.text("channel_direct");
}

TemplateList channels_data(const RenderContext& ctx, const ProcedureDetails& d) {
  TemplateList list;
  for (const Channel& c : d.channels) {
    TemplateData row;
    row.set("label", channel_label(ctx, c.kind));
    put(row, "time_limit", c.time_limit);
    put(row, "fee", c.fee);
    put(row, "note", c.note);
    list.push_back(std::move(row));
  }
  return list;
}

// The summary box shows a time limit or fee up to its first ";" or " (":
// the rest (exceptions, how it is counted) stays in the full section below.
std::string first_clause(const std::string& text) {
  std::size_t cut = std::min(text.find(';'), text.find(" ("));
  return text.substr(0, cut);
}

// "Như nộp trực tiếp" (as when submitted in person) names the in-person
// channel's terms; the summary box shows those instead of a reference.
bool same_as_direct(const std::string& text) {
  return fold_diacritics(text).starts_with("nhu nop truc tiep");
}

// Working days a time limit says, to put the quickest channel first: "trong
// ngày" (the same day) is 0, "05 ngày" is 5; a text without one comes last.
int days_of(const std::string& time_limit) {
  const std::string folded = fold_diacritics(time_limit);
  if (folded.starts_with("trong ngay") || folded.starts_with("ngay trong ngay")) return 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] < '0' || folded[i] > '9') continue;
    std::size_t end = folded.find_first_not_of("0123456789", i);
    if (end != std::string::npos && folded.compare(end, 5, " ngay") == 0 && end - i < 5)
      return std::stoi(folded.substr(i, end - i));
    i = end == std::string::npos ? folded.size() : end;
  }
  return 1 << 20;
}

struct GlanceRow {
  std::string labels, time_limit, fee;
  int days = 0;
};

// One line per distinct time limit and fee, quickest first; channels with
// the same terms share a line ("Nộp trực tiếp, Nộp trực tuyến").
TemplateList glance_channels(const RenderContext& ctx, const ProcedureDetails& d) {
  const Channel* direct = nullptr;
  for (const Channel& c : d.channels)
    if (c.kind == ChannelKind::direct) direct = &c;
  auto terms = [&](const std::string& own, const std::string Channel::*field) {
    return first_clause(direct && same_as_direct(own) ? direct->*field : own);
  };
  std::vector<GlanceRow> rows;
  for (const Channel& c : d.channels) {
    GlanceRow row{channel_label(ctx, c.kind), terms(c.time_limit, &Channel::time_limit),
                  terms(c.fee, &Channel::fee)};
    row.days = days_of(row.time_limit);
    auto same = std::find_if(rows.begin(), rows.end(), [&](const GlanceRow& r) {
      return r.time_limit == row.time_limit && r.fee == row.fee;
    });
    if (same != rows.end())
      same->labels += ", " + row.labels;
    else
      rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const GlanceRow& a, const GlanceRow& b) { return a.days < b.days; });
  TemplateList list;
  for (const GlanceRow& r : rows) {
    TemplateData item;
    item.set("label", r.labels);
    put(item, "time_limit", r.time_limit);
    put(item, "fee", r.fee);
    list.push_back(std::move(item));
  }
  return list;
}

// The papers everyone brings (those outside any "case"), and whether some
// cases add more: what the summary box counts.
void put_paper_count(TemplateData& proc, const ProcedureDetails& d) {
  std::size_t always = 0;
  bool more = false;
  for (const PaperGroup& group : d.documents) {
    if (group.case_name.empty())
      always += group.papers.size();
    else
      more = more || !group.papers.empty();
  }
  if (always) proc.set("papers_count", std::to_string(always));
  proc.set("papers_more", more);
}

// A form is either a web address or a file the site ships under its root.
TemplateData paper_data(const Paper& paper, const std::string& id) {
  TemplateData item;
  item.set("id", id);
  put(item, "name", paper.name);
  item.set("originals", std::to_string(paper.originals));
  item.set("copies", std::to_string(paper.copies));
  put(item, "note", paper.note);
  item.set("has_form", !paper.form.empty());
  item.set("form_is_web", paper.form.starts_with("http://") || paper.form.starts_with("https://"));
  put(item, "form", paper.form);
  return item;
}

TemplateList documents_data(const ProcedureDetails& d) {
  TemplateList groups;
  int counter = 0;
  for (const PaperGroup& group : d.documents) {
    TemplateData g;
    put(g, "case", group.case_name);
    TemplateList papers;
    for (const Paper& paper : group.papers) papers.push_back(paper_data(paper, "giay-to-" + std::to_string(++counter)));
    set_moved(g, "papers", list_data(std::move(papers)));
    groups.push_back(std::move(g));
  }
  return groups;
}

TemplateList legal_data(const ProcedureDetails& d) {
  TemplateList list;
  for (const LegalDocument& doc : d.legal_basis) {
    TemplateData row;
    put(row, "number", doc.number);
    put(row, "title", doc.title);
    put(row, "issuer", doc.issuer);
    if (doc.date) row.set("date", format_vietnamese(*doc.date));
    list.push_back(std::move(row));
  }
  return list;
}

TemplateData agency_data(const Agencies& agency) {
  TemplateData data;
  put(data, "performing", agency.performing);
  put(data, "authority", agency.authority);
  put(data, "coordinating", agency.coordinating);
  data.set("any", !agency.performing.empty() || !agency.authority.empty() || !agency.coordinating.empty());
  return data;
}

TemplateData online_data(const RenderContext& ctx, const Procedure& p) {
  TemplateData data;
  put(data, "url", p.online_url);
  data.set("has_link", !p.online_url.empty());
  data.set("full", p.online == OnlineService::full);
  data.set("partial", p.online == OnlineService::partial);
  data.set("label", p.online == OnlineService::full      ? ctx.text("online_full")
                    : p.online == OnlineService::partial ? ctx.text("online_partial")
                                                         : ctx.text("online_none"));
  return data;
}

TemplateList related_data(const RenderContext& ctx, const Procedure& p) {
  TemplateList list;
  for (const std::string& code : p.related)
    if (const Procedure* other = ctx.site().find_procedure(code)) list.push_back(ctx.procedure_link(*other));
  return list;
}

// Forms that are files of the site are linked from its root. The model
// checked that they exist (see FormLink).
void resolve_forms(const Site& site, ProcedureDetails& d) {
  for (PaperGroup& group : d.documents)
    for (Paper& paper : group.papers)
      if (std::optional<std::string> path = internal_link_path(paper.form); path && site.has_path(*path))
        paper.form = *path;
}

}  // namespace

std::optional<ProcedureDetails> procedure_details(const Site& site, const Procedure& p, Diagnostics& diags) {
  std::optional<ProcedureDetails> d = decode_details(p.details);
  if (!d) {
    diags.error(p.source, {"không đọc được thủ tục đã lưu", "the stored procedure cannot be read"},
                {"xóa các tệp ẩn cạnh thư mục output rồi tạo lại",
                 "delete the hidden files beside the output folder and build again"});
    return std::nullopt;
  }
  resolve_forms(site, *d);
  return d;
}

OutputFile render_procedure(const RenderContext& ctx, const Procedure& p, Diagnostics& diags) {
  const std::string path = procedure_path(p);
  std::optional<ProcedureDetails> d = procedure_details(ctx.site(), p, diags);
  if (!d) return {path + "index.html", {}, {}};
  TemplateData data = ctx.page_data(path, p.name);
  put(data, "description", d->summary);
  TemplateData proc = ctx.procedure_link(p);
  put(proc, "summary", d->summary);
  put(proc, "level", p.level);
  put(proc, "type", p.type);
  put_list(proc, "applicants", text_items(d->applicants));
  put_list(proc, "documents", documents_data(*d));
  proc.set("channels", channels_data(ctx, *d));
  proc.set("glance_channels", glance_channels(ctx, *d));
  put_paper_count(proc, *d);
  // Official names run to 250 letters; set large, one fills a phone's screen.
  proc.set("long_name", p.name.size() > 120);
  proc.set("online", online_data(ctx, p));
  proc.set("submit_at", d->submit_at.empty() ? ctx.site().config.contact.address : d->submit_at);
  proc.set("agency", agency_data(d->agency));
  put(proc, "steps", ctx.markdown(d->body, 1, 3, diags, procedure_path(p)));
  put(proc, "result", d->result);
  put_list(proc, "conditions", text_items(d->conditions));
  put_list(proc, "legal_basis", legal_data(*d));
  put_list(proc, "keywords", text_items(p.keywords));
  put_list(proc, "related", related_data(ctx, p));
  if (!p.code.empty()) {
    proc.set("short_url", absolute_url(ctx.site().config, short_path(p.code)));
    // Shown as its head and code, so that a narrow screen wraps it before the code, never inside.
    proc.set("short_url_head", absolute_url(ctx.site().config, "tthc/"));
  }
  proc.set("qr", procedure_qr_data(ctx, p));
  if (const Domain* d = ctx.site().find_domain(p.domain)) {
    TemplateData domain;
    domain.set("name", d->name);
    domain.set("url", domain_path(*d));
    proc.set("domain", domain);
  }
  set_moved(data, "procedure", std::move(proc));
  return {path + "index.html", ctx.render_page("procedure", std::move(data)), {}};
}

OutputFile render_short_link(const RenderContext& ctx, const Procedure& p) {
  const std::string path = short_path(p.code);
  TemplateData data = ctx.page_data(path, p.name);
  data.set("target", root_prefix(path) + procedure_path(p));
  data.set("target_absolute", absolute_url(ctx.site().config, procedure_path(p)));
  put(data, "code", p.code);
  return {path + "index.html", ctx.render("shortlink", data), {}};
}

}  // namespace ck
