// Starting files for `congkhai new` (procedure, page, post): every field present, each with a short
// Vietnamese comment, so an editor fills in blanks instead of remembering
// field names. Each scaffold loads without errors as it is.
#pragma once

#include <string>
#include <string_view>

#include "dates.h"

namespace ck {

// procedures/<domain>/<slug>.md for a new procedure.
std::string procedure_scaffold(const std::string& domain, const std::string& name);

// content/pages/<slug>.md for a new static page.
std::string page_scaffold(const std::string& title);

// Text as a double-quoted YAML scalar (line breaks become spaces).
std::string yaml_quoted(std::string_view text);

// content/news/<yyyy-mm-dd>-<slug>.md, relative to the content folder; ""
// when no slug can be made from the title.
std::string post_file_name(const std::string& title, const Date& today);

// The text of a new post dated `today`, as a draft so it is not published
// by accident before it is written.
std::string post_scaffold(const std::string& title, const Date& today);

}  // namespace ck
