#include "pdf.h"

#include <dlfcn.h>

#include <atomic>

#include "module.h"

namespace ck {
namespace {

using MakeDocument = PdfDocument* (*)(const char* title, std::size_t expected_bytes);

// Loaded once, by the first document on any thread, and kept: documents
// are drawn on several threads until the process ends.
struct PdfModule {
  PdfModule() {
    // A program that links the drawing code itself (the tests) has it already.
    if (void* linked = dlsym(RTLD_DEFAULT, kPdfModuleEntry)) {
      make = reinterpret_cast<MakeDocument>(linked);
      return;
    }
    void* handle = open_module(kPdfModuleName, &error);
    if (!handle) return;
    make = reinterpret_cast<MakeDocument>(dlsym(handle, kPdfModuleEntry));
    if (!make) error = dlerror();
  }

  MakeDocument make = nullptr;
  std::string error;
  std::atomic<bool> reported{false};  // the error, by the first document that failed
};

PdfModule& pdf_module() {
  static PdfModule module;
  return module;
}

}  // namespace

std::unique_ptr<PdfDocument> make_pdf_document(const std::string& title, std::size_t expected_bytes,
                                               Diagnostics& diags) {
  PdfModule& module = pdf_module();
  if (module.make) return std::unique_ptr<PdfDocument>(module.make(title.c_str(), expected_bytes));
  if (module.reported.exchange(true)) return nullptr;
  diags.error(
      {kPdfModuleName},
      {"không nạp được phần vẽ PDF: " + module.error, "cannot load the PDF drawing module: " + module.error},
      {"cài lại congkhai: tệp " + std::string(kPdfModuleName) + " phải nằm cạnh tệp chạy congkhai",
       "reinstall congkhai: " + std::string(kPdfModuleName) + " belongs beside the congkhai executable"});
  return nullptr;
}

}  // namespace ck
