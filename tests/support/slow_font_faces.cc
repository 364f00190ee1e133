// Preloaded into a test (LD_PRELOAD) to make cairo slow to make a font
// face: while cairo_ft_font_face_create_for_pattern runs, every allocation
// waits 2 ms. cairo allocates a new face between looking for an existing
// one and adding it to the font file's list, so threads that make their
// first face together all look before any adds: a race that is otherwise a
// few microseconds wide happens every time (see generator/pdf_fonts.cc).
#include <cairo-ft.h>
#include <dlfcn.h>
#include <unistd.h>

#include <cstddef>

extern "C" void* __libc_malloc(std::size_t size);

namespace {
thread_local bool making_face = false;
}

extern "C" void* malloc(std::size_t size) {
  if (making_face) usleep(2000);
  return __libc_malloc(size);
}

extern "C" cairo_font_face_t* cairo_ft_font_face_create_for_pattern(FcPattern* pattern) {
  using Make = cairo_font_face_t* (*)(FcPattern*);
  static const Make make = reinterpret_cast<Make>(dlsym(RTLD_NEXT, "cairo_ft_font_face_create_for_pattern"));
  making_face = true;
  cairo_font_face_t* face = make(pattern);
  making_face = false;
  return face;
}
