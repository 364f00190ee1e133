#include "http.h"

#include <dlfcn.h>

#include "module.h"

namespace ck {

void HttpServerModule::Unload::operator()(void* module) const {
  dlclose(module);
}

std::optional<HttpServerModule> HttpServerModule::load(std::string* error) {
  HttpServerModule loaded;
  loaded.module_.reset(open_module(kHttpModuleName, error));
  if (!loaded.module_) return std::nullopt;
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
