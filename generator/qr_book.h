// QR codes an earlier build made, kept in a file beside its output. A
// rebuild that redraws every code (the booklet, after one procedure is
// renamed) finds them here instead of encoding 10,000 codes again: choosing
// each code's mask was a fifth of that rebuild. Codes are found by what they
// encode. The file names the congkhai executable (`tool_key`, as the
// procedure cache does), the encoder's version and the options; one made
// with others, or damaged, is ignored, so a code found here is the code this
// build would make.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kept_file.h"
#include "qr.h"

namespace ck {

class QrBook {
 public:
  // The book in the file at `path`, read when first asked.
  QrBook(std::string path, const QrOptions& options, std::uint64_t tool_key = 0);
  QrBook(const QrBook&) = delete;
  QrBook& operator=(const QrBook&) = delete;

  bool empty() const { return file_.empty(); }
  // The code recorded for `payload`, or nullopt. Thread-safe.
  std::optional<QrMatrix> find(std::string_view payload) const;

  // A new book, written beside `path` as codes are added and renamed into
  // place by save(): a book of 100,000 codes is 22 MB. Failing costs the
  // next build time, nothing else.
  class Writer {
   public:
    Writer(std::string path, const QrOptions& options, std::uint64_t tool_key = 0);
    void add(std::string_view payload, const QrMatrix& matrix);
    // Adds the code `book` holds for `payload`, as stored; false if none.
    bool add_from(const QrBook& book, std::string_view payload);
    bool save();

   private:
    KeptFile::Writer file_;
  };

 private:
  KeptFile file_;  // payload → stored matrix
};

}  // namespace ck
