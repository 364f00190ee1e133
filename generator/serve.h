// congkhai serve: a local preview of the site. It builds into a private
// folder (never the user's output/), serves that folder, rebuilds when the
// sources or the theme change, and makes every open page reload itself.
// When the sources have errors, every page shows them instead.
#pragma once

#include <optional>
#include <string>

#include "build.h"
#include "diagnostics.h"

namespace ck {

struct ServeOptions {
  BuildOptions build;  // out_dir is ignored: the preview builds into a private folder
  std::string bind = "127.0.0.1";
  int port = 8000;
  Lang lang = Lang::vi;
};

// Runs until SIGINT or SIGTERM. Returns the exit status: 0 after a clean
// stop, 1 when the server could not start (e.g. the port is busy).
int serve_site(const ServeOptions& options);

// The file a request path names inside the built site, or nullopt when it
// must be refused (404): "..", NUL, backslashes, hidden names, empty
// segments, and anything whose real path (after following symlinks) is not
// inside `root`. `url_path` is still percent-encoded, as it came from the
// request line; it is decoded exactly once here. A directory names its
// index.html.
std::optional<std::string> resolve_site_path(const std::string& root, const std::string& url_path);

// The Content-Type to send for a file, from its extension.
std::string content_type_for(const std::string& path);

// The script that makes a preview page reload after a rebuild, as an HTML
// <script> element. Only preview responses carry it, never build output.
std::string reload_script(unsigned long long version);

// Adds the reload script before </body> (or at the end).
std::string inject_reload_script(std::string html, unsigned long long version);

// A page listing every problem (file, line, message, hint), all escaped.
std::string error_page(const Diagnostics& diags, const std::string& failure, Lang lang,
                       unsigned long long version);

}  // namespace ck
