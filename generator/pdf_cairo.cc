#include "pdf.h"

#include <bit>
#include <cstdint>

#include "pdf_canvas.h"
#include "pdf_fonts.h"

namespace ck {
namespace {

constexpr std::uint32_t kA1Bit(int index) {
  return std::endian::native == std::endian::little ? 1u << index : 0x80000000u >> index;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

// Unhinted metrics, so text wraps the same way at every size and on every
// machine with the same fonts; and glyphs placed where the font puts them.
// Pango rounds each glyph's position to a whole unit of the layout's space
// unless told not to, and that space is millimetres here: every advance
// was rounded to a millimetre, which spaced letters apart inside words
// ("t ro ng") and made text extracted from the PDF wrong.
void use_unhinted_text(PangoLayout* layout) {
  PangoContext* context = pango_layout_get_context(layout);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_layout_context_changed(layout);
}

// `text` with a word joiner after each slash inside a word: a line may
// break after a slash, and "2.000 đồng/" above "trang" reads as two words,
// on paper and in the text a viewer extracts.
std::string join_slashes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '/' && i > 0 && text[i - 1] != ' ' && i + 1 < text.size() && text[i + 1] != ' ')
      out += "\u2060";
  }
  return out;
}

// The dark modules as a 1-bit mask of one pixel per module, painted black:
// the PDF holds it as a stencil mask of a few hundred bytes per code. One
// vector square per module cost cairo more than everything else on the
// page, and a colour image 24 times the bytes to compress.
cairo_surface_t* module_mask(const QrMatrix& qr) {
  cairo_surface_t* mask = cairo_image_surface_create(CAIRO_FORMAT_A1, qr.size(), qr.size());
  if (cairo_surface_status(mask) != CAIRO_STATUS_SUCCESS) return mask;
  cairo_surface_flush(mask);
  unsigned char* data = cairo_image_surface_get_data(mask);
  const int stride = cairo_image_surface_get_stride(mask);
  for (int row = 0; row < qr.size(); ++row) {
    auto* words = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
    for (int col = 0; col < qr.size(); ++col)  // A1 packs pixels into native-endian 32-bit words
      if (qr.dark(col, row)) words[col / 32] |= kA1Bit(col % 32);
  }
  cairo_surface_mark_dirty(mask);
  return mask;
}

}  // namespace

PdfCanvas make_pdf_canvas(cairo_write_func_t write, void* closure) {
  PdfCanvas canvas;
  canvas.surface.reset(
      cairo_pdf_surface_create_for_stream(write, closure, kA4Width * kPointsPerMm, kA4Height * kPointsPerMm));
  // cairo stamps the time of the run unless told otherwise; an empty date
  // leaves it out, so two builds give the same bytes.
  cairo_pdf_surface_set_metadata(canvas.surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
  canvas.cr.reset(cairo_create(canvas.surface.get()));
  cairo_scale(canvas.cr.get(), kPointsPerMm, kPointsPerMm);
  canvas.layout.reset(pango_cairo_create_layout(canvas.cr.get()));
  use_unhinted_text(canvas.layout.get());
  return canvas;
}

void set_pdf_font(PangoLayout* layout, bool bold, double size_pt) {
  std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> font(
      pango_font_description_from_string("Noto Sans"));
  pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), size_pt / kPointsPerMm * PANGO_SCALE);
  pango_layout_set_font_description(layout, font.get());
}

class CairoDocument : public PdfDocument {
 public:
  CairoDocument(const std::string& title, std::size_t expected_bytes) {
    bytes_.reserve(expected_bytes);
    canvas_ = make_pdf_canvas(append_bytes, &bytes_);
    cairo_pdf_surface_set_metadata(canvas_.surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(canvas_.surface.get(), CAIRO_PDF_METADATA_CREATOR, "congkhai");
  }

  double width(std::string_view text, const PdfTextStyle& style) override {
    return fonts_.with_fonts(canvas_.layout.get(), text, style.bold, [&] {
      prepare(text, style, -1);
      int w = 0, h = 0;
      pango_layout_get_size(canvas_.layout.get(), &w, &h);
      return static_cast<double>(w) / PANGO_SCALE;
    });
  }

  double measure(std::string_view text, const PdfTextStyle& style, double width) override {
    return fonts_.with_fonts(canvas_.layout.get(), text, style.bold, [&] {
      prepare(text, style, width);
      return height();
    });
  }

  double text(std::string_view text, const PdfTextStyle& style, double x, double y, double width) override {
    return fonts_.with_fonts(canvas_.layout.get(), text, style.bold, [&] {
      cairo_t* cr = canvas_.cr.get();
      prepare(text, style, width);
      cairo_set_source_rgb(cr, style.gray, style.gray, style.gray);
      cairo_move_to(cr, x, y);
      pango_cairo_update_layout(cr, canvas_.layout.get());
      pango_cairo_show_layout(cr, canvas_.layout.get());
      return height();
    });
  }

  void qr(const QrMatrix& qr, double x, double y, double size) override;
  void line(double x1, double y1, double x2, double y2, double width) override;
  void bookmark(const std::string& title) override;
  void begin_link(int page) override;
  void end_link() override;
  void next_page() override;
  int page() const override { return page_; }
  std::string finish() override;

 private:
  void prepare(std::string_view text, const PdfTextStyle& style, double width) {
    set_pdf_font(canvas_.layout.get(), style.bold, style.size_pt);
    pango_layout_set_width(canvas_.layout.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(canvas_.layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(canvas_.layout.get(), style.center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    std::string joined;
    if (text.find('/') != std::string_view::npos) text = joined = join_slashes(text);
    pango_layout_set_text(canvas_.layout.get(), text.data(), static_cast<int>(text.size()));
  }

  double height() const {
    int w = 0, h = 0;
    pango_layout_get_size(canvas_.layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  PdfFonts& fonts_ = PdfFonts::get();  // made before this document's first text
  std::string bytes_;
  PdfCanvas canvas_;
  int page_ = 1;
};

void CairoDocument::qr(const QrMatrix& qr, double x, double y, double size) {
  cairo_t* cr = canvas_.cr.get();
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> modules(module_mask(qr));
  if (cairo_surface_status(modules.get()) != CAIRO_STATUS_SUCCESS) return;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, size / qr.size(), size / qr.size());
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_pattern_t* mask = cairo_pattern_create_for_surface(modules.get());
  // Viewers and printers must not smooth the modules into grey.
  cairo_pattern_set_filter(mask, CAIRO_FILTER_NEAREST);
  cairo_mask(cr, mask);
  cairo_pattern_destroy(mask);
  cairo_restore(cr);
}

void CairoDocument::line(double x1, double y1, double x2, double y2, double width) {
  cairo_t* cr = canvas_.cr.get();
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x1, y1);
  cairo_line_to(cr, x2, y2);
  cairo_stroke(cr);
}

void CairoDocument::bookmark(const std::string& title) {
  std::string target = "page=" + std::to_string(page_);
  cairo_pdf_surface_add_outline(canvas_.surface.get(), CAIRO_PDF_OUTLINE_ROOT, title.c_str(), target.c_str(),
                                static_cast<cairo_pdf_outline_flags_t>(0));
}

void CairoDocument::begin_link(int page) {
  std::string attributes = "page=" + std::to_string(page);
  cairo_tag_begin(canvas_.cr.get(), CAIRO_TAG_LINK, attributes.c_str());
}

void CairoDocument::end_link() {
  cairo_tag_end(canvas_.cr.get(), CAIRO_TAG_LINK);
}

void CairoDocument::next_page() {
  cairo_show_page(canvas_.cr.get());
  ++page_;
}

std::string CairoDocument::finish() {
  canvas_.layout.reset();
  canvas_.cr.reset();
  cairo_surface_finish(canvas_.surface.get());
  bool ok = cairo_surface_status(canvas_.surface.get()) == CAIRO_STATUS_SUCCESS;
  canvas_.surface.reset();
  return ok ? std::move(bytes_) : std::string();
}

}  // namespace ck

// The module's entry (see make_pdf_document).
extern "C" __attribute__((visibility("default"))) ck::PdfDocument* congkhai_make_pdf_document(
    const char* title, std::size_t expected_bytes) {
  return new ck::CairoDocument(title, expected_bytes);
}
