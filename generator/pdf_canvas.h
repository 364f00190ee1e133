// What the PDF module's two files share: a PDF surface with the context and
// text layout every document draws with (pdf_cairo.cc, which draws the
// documents), and the fonts that layout takes (pdf_fonts.cc).
#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>

#include "pdf.h"

namespace ck {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};

// An A4 PDF surface whose bytes go to `write`, a context on it that draws
// in millimetres, and a layout for its text.
struct PdfCanvas {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface;
  std::unique_ptr<cairo_t, ContextDeleter> cr;
  std::unique_ptr<PangoLayout, LayoutDeleter> layout;
};
PdfCanvas make_pdf_canvas(cairo_write_func_t write, void* closure);

// Noto Sans, regular or bold, `size_pt` points high, for `layout`.
void set_pdf_font(PangoLayout* layout, bool bold, double size_pt);

}  // namespace ck
