// PDF documents, drawn by the one file that talks to cairo and pango
// (pdf_cairo.cc). Pages are A4; positions and sizes are in millimetres from
// the page's top-left corner. Text is shaped by pango (Vietnamese marks
// placed correctly) in Noto Sans, whose glyphs are embedded; QR codes are
// 1-bit images, one pixel per module, never smoothed. The bytes depend only
// on what is drawn: no creation date is written.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "diagnostics.h"
#include "qr.h"

namespace ck {

inline constexpr double kA4Width = 210.0;   // mm
inline constexpr double kA4Height = 297.0;  // mm
inline constexpr double kPointsPerMm = 72.0 / 25.4;

struct PdfTextStyle {
  double size_pt = 11;
  bool bold = false;
  bool center = false;
  double gray = 0;  // 0 black … 1 white
};

// A document being drawn. Pages are drawn one after another; the first is
// begun with the document.
class PdfDocument {
 public:
  virtual ~PdfDocument() = default;

  // Width of `text` on one line, without drawing it.
  virtual double width(std::string_view text, const PdfTextStyle& style) = 0;
  // Height of `text` wrapped to `width`, without drawing it.
  virtual double measure(std::string_view text, const PdfTextStyle& style, double width) = 0;
  // Draws `text` wrapped to `width` with its top at y; returns its height.
  virtual double text(std::string_view text, const PdfTextStyle& style, double x, double y, double width) = 0;
  // Draws `qr`, quiet zone included, filling size×size.
  virtual void qr(const QrMatrix& qr, double x, double y, double size) = 0;
  virtual void line(double x1, double y1, double x2, double y2, double width) = 0;
  // A bookmark in the viewer's outline pointing at the current page.
  virtual void bookmark(const std::string& title) = 0;
  // What is drawn between these two becomes a link to a page (1-based).
  virtual void begin_link(int page) = 0;
  virtual void end_link() = 0;
  virtual void next_page() = 0;
  virtual int page() const = 0;  // 1-based number of the current page

  // Ends the document; returns its bytes (empty if cairo failed).
  virtual std::string finish() = 0;
};

// A new document, titled `title`. `expected_bytes`: room for the document,
// which a large one needs: a string that doubles as it grows holds its last
// 4 MB twice to make 8. The drawing code, and cairo and pango with it, is a
// module (congkhai-pdf.so, see module.h) loaded on the first document: a
// rebuild that draws no PDF starts without loading a dozen libraries. When
// it cannot be loaded, nullptr, and an error in `diags`.
std::unique_ptr<PdfDocument> make_pdf_document(const std::string& title, std::size_t expected_bytes,
                                               Diagnostics& diags);

// The file name of the module, and the C function that makes a document.
inline constexpr const char* kPdfModuleName = "congkhai-pdf.so";
inline constexpr const char* kPdfModuleEntry = "congkhai_make_pdf_document";

}  // namespace ck
