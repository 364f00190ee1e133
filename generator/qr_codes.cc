#include "qr_codes.h"

#include <mutex>

#include "parallel.h"
#include "urls.h"

namespace ck {
namespace {

QrTarget target_of(const Site& site, const Procedure& p) {
  return p.qr_encode.value_or(site.config.qr.encode);
}

// A site-wide online-url falls back to the short URL for procedures that
// cannot be filed online, so every procedure still gets a code.
bool encodes_online_url(const Site& site, const Procedure& p) {
  return target_of(site, p) == QrTarget::online_url && !p.online_url.empty();
}

void check_payload(const QrPayload& payload, const QrOptions& options, Diagnostics& diags) {
  // The capacity table is exact for byte mode, so this needs no encoding.
  if (payload.url.size() <= static_cast<std::size_t>(qr_capacity(options))) return;
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
}

}  // namespace

QrOptions qr_options(const SiteConfig& config) {
  QrOptions options;
  options.level = config.qr.level;
  return options;
}

std::optional<std::string> procedure_qr_url(const Site& site, const Procedure& p) {
  if (!has_qr_code(p)) return std::nullopt;
  return encodes_online_url(site, p) ? p.online_url : absolute_url(site.config, short_path(p.code));
}

std::optional<QrPayload> procedure_qr_payload(const Site& site, const Procedure& p) {
  std::optional<std::string> url = procedure_qr_url(site, p);
  if (!url) return std::nullopt;
  return QrPayload{std::move(*url), p.source.at(encodes_online_url(site, p) ? p.online_url_at : p.at.code)};
}

void check_qr_codes(const Site& site, Diagnostics& diags) {
  const QrOptions options = qr_options(site.config);
  for (const Procedure& p : site.procedures) {
    if (p.qr_encode == QrTarget::online_url && p.online_url.empty())
      diags.error(p.source.at(p.qr_encode_at),
                  {"\"qr_encode: online-url\" nhưng thủ tục không có online_url",
                   "\"qr_encode: online-url\" but the procedure has no online_url"},
                  {"thêm online_url, hoặc bỏ dòng qr_encode để mã QR dẫn đến địa chỉ ngắn /tthc/",
                   "add online_url, or remove qr_encode so the code opens the /tthc/ short URL"});
    if (!is_valid_code(p.code)) continue;  // no code, or an invalid one: reported by the model
    if (auto payload = procedure_qr_payload(site, p)) check_payload(*payload, options, diags);
  }
  if (!site.config.survey_url.empty())
    check_payload({site.config.survey_url, site.config.survey_at}, options, diags);
}

struct QrCodes::Slot {
  std::once_flag once;
  std::optional<QrMatrix> matrix;
};

QrCodes::QrCodes(const Site& site, const QrBook* book)
    : site_(site), book_(book), slots_(new Slot[site.procedures.size() + 1]) {}
QrCodes::~QrCodes() = default;

// The URL is made only when the slot is first asked for: the booklet asks
// for 10,000 codes, and pages ask again for codes already made.
const QrMatrix* QrCodes::get(std::size_t slot) const {
  Slot& s = slots_[slot];
  std::call_once(s.once, [&] {
    std::optional<std::string> url = this->url(slot);
    if (!url) return;
    if (book_ && (s.matrix = book_->find(*url))) return;
    s.matrix = encode_qr(*url, qr_options(site_.config)).matrix;
    if (s.matrix) encoded_any_ = true;
  });
  return s.matrix ? &*s.matrix : nullptr;
}

const QrMatrix* QrCodes::procedure(const Procedure& p) const {
  return get(static_cast<std::size_t>(&p - site_.procedures.data()));
}

std::optional<std::string> QrCodes::url(std::size_t slot) const {
  if (slot == site_.procedures.size())
    return site_.config.survey_url.empty() ? std::nullopt : std::optional(site_.config.survey_url);
  return procedure_qr_url(site_, site_.procedures[slot]);
}

void QrCodes::keep(QrBook::Writer& writer) const {
  for (std::size_t slot = 0; slot <= site_.procedures.size(); ++slot) {
    std::optional<std::string> url = this->url(slot);
    if (!url) continue;
    if (const std::optional<QrMatrix>& made = slots_[slot].matrix)
      writer.add(*url, *made);
    else if (book_)
      writer.add_from(*book_, *url);
  }
}

void QrCodes::encode_all(int threads) const {
  parallel_for(site_.procedures.size(), threads, [this](std::size_t i) { procedure(site_.procedures[i]); });
}

const QrMatrix* QrCodes::survey() const {
  return get(site_.procedures.size());
}

}  // namespace ck
