// Modules: parts of congkhai kept out of the executable, so that a run that
// does not need them does not load their libraries (see http.h, pdf.h).
#pragma once

#include <string>

namespace ck {

// Opens the module `name` from beside the congkhai executable, or from
// <prefix>/lib/congkhai/ when congkhai is installed in <prefix>/bin/.
// Returns dlopen's handle, or nullptr with every place's error in `error`.
void* open_module(const std::string& name, std::string* error);

}  // namespace ck
