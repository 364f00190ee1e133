#include "load_qr.h"

#include "load.h"

namespace ck {
namespace {

QrTarget parse_target(Fields& fields, std::string_view key, QrTarget fallback) {
  std::string fallback_name = fallback == QrTarget::online_url ? "online-url" : "short-url";
  return fields.choice(key, {"short-url", "online-url"}, fallback_name) == "online-url" ? QrTarget::online_url
                                                                                       : QrTarget::short_url;
}

void load_survey_url(Fields& site, SiteConfig& config) {
  config.survey_url = site.text("survey_url");
  config.survey_at = site.place_of("survey_url");
  if (config.survey_url.empty() || is_web_url(config.survey_url)) return;
  site.diags().error(site.pos_of("survey_url"),
                     {"survey_url phải là địa chỉ web đầy đủ", "survey_url must be a full web address"},
                     {"bắt đầu bằng https://, ví dụ https://dichvucong.gov.vn/…",
                      "start with https://, e.g. https://dichvucong.gov.vn/…"});
  config.survey_url.clear();
}

}  // namespace

void load_qr_settings(Fields& site, SiteConfig& config) {
  load_survey_url(site, config);
  auto qr = site.map("qr");
  if (!qr) return;
  config.qr.level = qr->choice("error_correction", {"M", "Q"}, "M") == "Q" ? QrLevel::Q : QrLevel::M;
  config.qr.encode = parse_target(*qr, "encode", QrTarget::short_url);
  config.qr.poster_pdfs = qr->boolean("poster_pdfs").value_or(true);
  qr->warn_unknown_keys();
}

void load_procedure_qr(Fields& fields, Procedure& p) {
  if (fields.has("qr_encode")) {
    p.qr_encode = parse_target(fields, "qr_encode", QrTarget::short_url);
    p.qr_encode_at = fields.pos_of("qr_encode").place();
  }
  p.online_url_at = fields.place_of("online_url").place();
}

}  // namespace ck
