// cairo 1.16 keeps the faces made from each font file in a list that it
// searches and extends without a lock. Two threads that make the first face
// of a file at the same moment both miss and both add one; every document
// drawn after that may take one face for some sizes of a font and the other
// for the rest, and embeds the font twice, so its bytes depend on how the
// threads met (and a face can drop out of the list). Hence the fonts every
// document uses, Noto Sans regular and bold, are laid out once on one
// thread before any document is drawn, and their faces are kept for the
// life of the process: pango then finds them in the list and only reads it.
// Text with a character Noto Sans lacks makes pango fall back to other
// fonts; such text is laid out under a lock, and the faces it made are kept
// too, so they are never made twice nor freed while another thread looks.
#include "pdf_fonts.h"

#include <pango/pangofc-font.h>

#include "pdf_canvas.h"

namespace ck {
namespace {

// Covers the marks of Vietnamese, so the faces made here are those a page
// would make.
constexpr std::string_view kSampleText = "Thủ tục hành chính cấp xã 0123456789";

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int) {
  return CAIRO_STATUS_SUCCESS;
}

template <class Visit>
void for_each_run_font(PangoLayout* layout, Visit visit) {
  for (GSList* line = pango_layout_get_lines_readonly(layout); line != nullptr; line = line->next)
    for (GSList* run = static_cast<PangoLayoutLine*>(line->data)->runs; run != nullptr; run = run->next)
      visit(static_cast<PangoLayoutRun*>(run->data)->item->analysis.font);
}

// The characters `font` has, or null when fontconfig did not find it.
FcCharSet* characters_of(PangoFont* font) {
  FcCharSet* chars = nullptr;
  if (PANGO_IS_FC_FONT(font))
    FcPatternGetCharSet(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_CHARSET, 0, &chars);
  return chars;
}

}  // namespace

PdfFonts& PdfFonts::get() {
  static PdfFonts* fonts = new PdfFonts();  // never freed: the faces outlive every document
  return *fonts;
}

// Lays the sample out on the canvas a document draws on, which makes the
// faces a document would make, and keeps them.
PdfFonts::PdfFonts() {
  PdfCanvas canvas = make_pdf_canvas(discard_bytes, nullptr);
  PangoLayout* layout = canvas.layout.get();
  pango_layout_set_text(layout, kSampleText.data(), static_cast<int>(kSampleText.size()));
  for (bool bold : {false, true}) {
    set_pdf_font(layout, bold, 11);
    keep_faces(layout);
    FcCharSet*& kept = bold ? bold_chars_ : regular_chars_;
    for_each_run_font(layout, [&](PangoFont* font) {
      if (FcCharSet* chars = characters_of(font); kept == nullptr && chars != nullptr)
        kept = FcCharSetCopy(chars);
    });
  }
}

bool PdfFonts::covers(std::string_view text, bool bold) const {
  const FcCharSet* chars = bold ? bold_chars_ : regular_chars_;
  if (chars == nullptr) return false;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p < end; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2) || !FcCharSetHasChar(chars, c))
      return false;
  }
  return true;
}

void PdfFonts::keep_faces(PangoLayout* layout) {
  for_each_run_font(layout, [&](PangoFont* font) {
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (scaled == nullptr) return;
    cairo_font_face_t* face = cairo_scaled_font_get_font_face(scaled);
    for (cairo_font_face_t* kept : faces_)
      if (kept == face) return;
    faces_.push_back(cairo_font_face_reference(face));
  });
}

}  // namespace ck
