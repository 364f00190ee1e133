// The procedure page, in the order a citizen needs it: what it is for, who may
// apply, which papers to bring, how long and how much, where to go, the steps,
// the result and the legal basis. Plus its /tthc/<code>/ short link.
#include "print.h"
#include "procedure_cache.h"
#include "render.h"
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
  proc.set("online", online_data(ctx, p));
  proc.set("submit_at", d->submit_at.empty() ? ctx.site().config.contact.address : d->submit_at);
  proc.set("agency", agency_data(d->agency));
  put(proc, "steps", ctx.markdown(d->body, 1, 3, diags, procedure_path(p)));
  put(proc, "result", d->result);
  put_list(proc, "conditions", text_items(d->conditions));
  put_list(proc, "legal_basis", legal_data(*d));
  put_list(proc, "keywords", text_items(p.keywords));
  put_list(proc, "related", related_data(ctx, p));
  if (!p.code.empty()) proc.set("short_url", absolute_url(ctx.site().config, short_path(p.code)));
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
