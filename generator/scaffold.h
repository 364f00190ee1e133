// Starting files for `congkhai new`: every field present, each with a short
// Vietnamese comment, so an editor fills in blanks instead of remembering
// field names. Each scaffold loads without errors as it is.
#pragma once

#include <string>
#include <string_view>

namespace ck {

// procedures/<domain>/<slug>.md for a new procedure.
std::string procedure_scaffold(const std::string& domain, const std::string& name);

// content/pages/<slug>.md for a new static page.
std::string page_scaffold(const std::string& title);

// Text as a double-quoted YAML scalar (line breaks become spaces).
std::string yaml_quoted(std::string_view text);

}  // namespace ck
