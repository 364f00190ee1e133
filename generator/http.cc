#include "http.h"

#include <dlfcn.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace ck {

void HttpServerModule::Unload::operator()(void* module) const {
  dlclose(module);
}

std::optional<HttpServerModule> HttpServerModule::load(std::string* error) {
  std::error_code ec;
  const fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  HttpServerModule loaded;
  std::string tried;
  for (const fs::path& path :
       {bin / kHttpModuleName, bin.parent_path() / "lib" / "congkhai" / kHttpModuleName}) {
    loaded.module_.reset(dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (loaded.module_) break;
    tried += (tried.empty() ? "" : "; ") + std::string(dlerror());
  }
  if (!loaded.module_) {
    *error = tried;
    return std::nullopt;
  }
  using Make = HttpServer* (*)();
  auto make = reinterpret_cast<Make>(dlsym(loaded.module_.get(), kHttpModuleEntry));
  if (!make) {
    *error = std::string(dlerror());
    return std::nullopt;
  }
  loaded.server_.reset(make());
  return loaded;
}

}  // namespace ck
