#include "module.h"

#include <dlfcn.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace ck {

void* open_module(const std::string& name, std::string* error) {
  std::error_code ec;
  const fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  std::string tried;
  for (const fs::path& path : {bin / name, bin.parent_path() / "lib" / "congkhai" / name}) {
    if (void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) return module;
    tried += (tried.empty() ? "" : "; ") + std::string(dlerror());
  }
  *error = tried;
  return nullptr;
}

}  // namespace ck
