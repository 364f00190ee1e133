#include "qr_codes.h"

#include "parallel.h"
#include "urls.h"

namespace ck {
namespace {

QrTarget target_of(const Site& site, const Procedure& p) {
  return p.qr_encode.value_or(site.config.qr.encode);
}

std::shared_ptr<const QrMatrix> encode_payload(const QrPayload& payload, const QrOptions& options,
                                               Diagnostics& diags) {
  if (auto matrix = encode_qr(payload.url, options).matrix) return std::make_shared<const QrMatrix>(std::move(*matrix));
  std::string length = std::to_string(payload.url.size());
  std::string capacity = std::to_string(qr_capacity(options));
  std::string level = qr_level_name(options.level);
  diags.error(payload.origin,
              {"địa chỉ " + length + " ký tự quá dài cho mã QR mức sửa lỗi " + level + " (tối đa " + capacity +
                   " ký tự): " + payload.url,
               "the " + length + "-character URL is too long for a QR code at error correction level " + level +
                   " (at most " + capacity + "): " + payload.url},
              {"dùng địa chỉ ngắn hơn; với online_url, có thể bỏ \"qr_encode: online-url\" để mã QR dẫn đến "
               "địa chỉ ngắn /tthc/ của thủ tục",
               "use a shorter URL; for online_url, drop \"qr_encode: online-url\" so the code opens the "
               "procedure's /tthc/ short URL"});
  return nullptr;
}

void encode_procedure_qr(const Site& site, Procedure& p, const QrOptions& options, Diagnostics& diags) {
  if (p.qr_encode == QrTarget::online_url && p.online_url.empty())
    diags.error(p.qr_encode_at,
                {"\"qr_encode: online-url\" nhưng thủ tục không có online_url",
                 "\"qr_encode: online-url\" but the procedure has no online_url"},
                {"thêm online_url, hoặc bỏ dòng qr_encode để mã QR dẫn đến địa chỉ ngắn /tthc/",
                 "add online_url, or remove qr_encode so the code opens the /tthc/ short URL"});
  if (!is_valid_code(p.code)) return;  // no code, or an invalid one: reported by the model
  if (auto payload = procedure_qr_payload(site, p)) p.qr = encode_payload(*payload, options, diags);
}

}  // namespace

QrOptions qr_options(const SiteConfig& config) {
  QrOptions options;
  options.level = config.qr.level;
  return options;
}

std::optional<QrPayload> procedure_qr_payload(const Site& site, const Procedure& p) {
  if (p.code.empty()) return std::nullopt;
  // A site-wide online-url falls back to the short URL for procedures that
  // cannot be filed online, so every procedure still gets a code.
  if (target_of(site, p) == QrTarget::online_url && !p.online_url.empty())
    return QrPayload{p.online_url, p.online_url_at};
  return QrPayload{absolute_url(site.config, short_path(p.code)), p.at.code};
}

const QrMatrix* procedure_qr(const Procedure& p) { return p.qr.get(); }

const QrMatrix* survey_qr(const Site& site) { return site.survey_qr.get(); }

void encode_qr_codes(Site& site, Diagnostics& diags, int threads) {
  const QrOptions options = qr_options(site.config);
  std::vector<Diagnostics> per_procedure(site.procedures.size());
  parallel_for(site.procedures.size(), threads, [&](std::size_t i) {
    encode_procedure_qr(site, site.procedures[i], options, per_procedure[i]);
  });
  for (Diagnostics& d : per_procedure) diags.absorb(std::move(d));
  if (!site.config.survey_url.empty())
    site.survey_qr = encode_payload({site.config.survey_url, site.config.survey_at}, options, diags);
}

}  // namespace ck
