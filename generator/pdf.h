// PDF documents: the one place that talks to cairo and pango. Pages are A4;
// positions and sizes are in millimetres from the page's top-left corner.
// Text is shaped by pango (Vietnamese marks placed correctly) in Noto Sans,
// whose glyphs are embedded; QR codes are 1-bit images, one pixel per
// module, never smoothed. The bytes depend only on what is drawn: no
// creation date is written.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "qr.h"

namespace ck {

inline constexpr double kA4Width = 210.0;   // mm
inline constexpr double kA4Height = 297.0;  // mm

struct PdfTextStyle {
  double size_pt = 11;
  bool bold = false;
  bool center = false;
  double gray = 0;  // 0 black … 1 white
};

class PdfDocument {
 public:
  // `expected_bytes`: room for the document, which a large one needs: a
  // string that doubles as it grows holds its last 4 MB twice to make 8.
  explicit PdfDocument(const std::string& title, std::size_t expected_bytes = 0);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Height of `text` wrapped to `width`, without drawing it.
  double measure(std::string_view text, const PdfTextStyle& style, double width);
  // Draws `text` wrapped to `width` with its top at y; returns its height.
  double text(std::string_view text, const PdfTextStyle& style, double x, double y, double width);
  // Draws `qr`, quiet zone included, filling size×size.
  void qr(const QrMatrix& qr, double x, double y, double size);
  void line(double x1, double y1, double x2, double y2, double width);
  // A bookmark in the viewer's outline pointing at the current page.
  void bookmark(const std::string& title);
  // What is drawn between these two becomes a link to a page (1-based).
  void begin_link(int page);
  void end_link();
  void next_page();
  int page() const;  // 1-based number of the current page

  // Ends the document; returns its bytes (empty if cairo failed).
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ck
