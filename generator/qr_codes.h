// The site's QR codes: what each one encodes, where that came from in the
// sources, and the checks that every code can be made. Codes are encoded
// once, by encode_qr_codes() before rendering, so every file that shows a
// code draws the same matrix and a payload that does not fit is reported
// once, at the field that made it.
#pragma once

#include <optional>
#include <string>

#include "model.h"
#include "qr.h"

namespace ck {

struct QrPayload {
  std::string url;
  SourcePos origin;  // the field the URL came from, for messages
};

QrOptions qr_options(const SiteConfig& config);

// What the procedure's code encodes; nullopt for a procedure without a
// code (no short URL, no QR code: the model already warns about it).
std::optional<QrPayload> procedure_qr_payload(const Site& site, const Procedure& p);

// The procedure's code, or null (no code; or too long, reported earlier).
const QrMatrix* procedure_qr(const Procedure& p);
const QrMatrix* survey_qr(const Site& site);

// Encodes every procedure's code and the survey's, on `threads` threads.
// Reports every payload too long for the site's error correction level, and
// a procedure asking for online-url without an online_url, in file order.
void encode_qr_codes(Site& site, Diagnostics& diags, int threads = 1);

}  // namespace ck
