// The fonts of every PDF, made once per process: see pdf_fonts.cc for why.
// Part of the PDF module, with pdf_cairo.cc.
#pragma once

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <mutex>
#include <string_view>
#include <vector>

namespace ck {

class PdfFonts {
 public:
  // The process's fonts, made by the first call, before any other returns.
  static PdfFonts& get();

  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;

  // Runs `lay_out` (which lays `text` out in `layout`, or draws it) so that
  // no font is made by two threads at once: text the kept fonts cover
  // runs as it is; other text runs under a lock, and the fonts its layout
  // took are kept.
  template <class LayOut>
  auto with_fonts(PangoLayout* layout, std::string_view text, bool bold, LayOut lay_out) {
    if (covers(text, bold)) return lay_out();
    std::lock_guard<std::mutex> lock(fallback_mutex_);
    auto result = lay_out();
    keep_faces(layout);
    return result;
  }

 private:
  PdfFonts();
  bool covers(std::string_view text, bool bold) const;
  void keep_faces(PangoLayout* layout);

  // What the kept fonts cover, read without pango: asking pango would look
  // in the font map of the thread that made the fonts, which is not
  // safe from another thread. Never released, like the faces.
  FcCharSet* regular_chars_ = nullptr;
  FcCharSet* bold_chars_ = nullptr;
  std::mutex fallback_mutex_;
  std::vector<cairo_font_face_t*> faces_;  // guarded by fallback_mutex_ after construction
};

}  // namespace ck
