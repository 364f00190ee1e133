// The site's QR codes: what each one encodes, where that came from in the
// sources, and the checks that every code can be made. check_qr_codes() runs
// once before rendering, so a payload that does not fit is reported once, at
// the field that made it. A code is encoded when a file first needs it, once
// per build (QrCodes), so a rebuild that redraws few files encodes few codes.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "model.h"
#include "qr.h"
#include "qr_book.h"

namespace ck {

struct QrPayload {
  std::string url;
  SourcePos origin;  // the field the URL came from, for messages
};

QrOptions qr_options(const SiteConfig& config);

// What the procedure's code encodes; nullopt for a procedure without a
// code (no short URL, no QR code: the model already warns about it).
std::optional<QrPayload> procedure_qr_payload(const Site& site, const Procedure& p);
// The URL alone, for pages and files, which need no place for a message.
std::optional<std::string> procedure_qr_url(const Site& site, const Procedure& p);
inline bool has_qr_code(const Procedure& p) {
  return !p.code.empty();
}

// Reports every payload too long for the site's error correction level, and
// a procedure asking for online-url without an online_url.
void check_qr_codes(const Site& site, Diagnostics& diags);

// The codes of one site, each encoded on first use (or found in the codes
// an earlier build kept); safe to share between render threads.
class QrCodes {
 public:
  explicit QrCodes(const Site& site, const QrBook* book = nullptr);
  ~QrCodes();
  // The procedure's code, or null (no code; or too long, reported earlier).
  const QrMatrix* procedure(const Procedure& p) const;
  const QrMatrix* survey() const;
  // Whether an earlier build kept codes (in the book) this build can read.
  bool has_kept_codes() const { return book_ && !book_->empty(); }
  // Encodes every procedure's code now, on `threads` threads.
  void encode_all(int threads) const;

  // Whether a code was encoded, not found in the book: the book is then
  // worth writing again.
  bool encoded_any() const { return encoded_any_; }
  // Adds every code of the site that was made or is in the book to
  // `writer`; call once rendering is done.
  void keep(QrBook::Writer& writer) const;

 private:
  struct Slot;
  const QrMatrix* get(std::size_t slot) const;
  std::optional<std::string> url(std::size_t slot) const;  // what the slot's code encodes

  const Site& site_;
  const QrBook* book_;
  std::unique_ptr<Slot[]> slots_;  // one per procedure, then the survey's
  mutable std::atomic<bool> encoded_any_{false};
};

}  // namespace ck
