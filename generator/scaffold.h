// Starting files for editors: `congkhai new post "Tiêu đề"` writes one with
// every field present and a short Vietnamese comment on each.
#pragma once

#include <string>

#include "dates.h"

namespace ck {

// content/news/<yyyy-mm-dd>-<slug>.md, relative to the content folder; ""
// when no slug can be made from the title.
std::string post_file_name(const std::string& title, const Date& today);

// The text of a new post dated `today`, as a draft so it is not published
// by accident before it is written.
std::string post_scaffold(const std::string& title, const Date& today);

}  // namespace ck
