// A theme: page templates, interface strings and static assets. A site names
// a theme; any file the theme lacks comes from the default theme, and a site
// can override any single template with a same-named file of its own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disk.h"
#include "template.h"

namespace ck {

struct ThemeLocation {
  std::string themes_dir = "themes";  // holds default/ and any other theme
  std::string name = "default";
  std::string language = "vi";
  std::string site_templates;  // e.g. content/templates; may not exist
};

struct AssetFile {
  std::string output_path;  // relative to the site root, e.g. assets/site.css
  std::string source_path;  // on disk
};

class Theme {
 public:
  static std::optional<Theme> load(const ThemeLocation& where, const Disk& disk, Diagnostics& diags);

  // Renders a page template, then wraps it in the layout.
  std::string render_page(const std::string& name, TemplateData data,
                          const TemplateData* beneath = nullptr) const;
  // Renders one template on its own (feeds, redirects, …).
  std::string render(const std::string& name, const TemplateData& data,
                     const TemplateData* beneath = nullptr) const;
  bool has(const std::string& name) const { return templates_.count(name) > 0; }

  // Interface strings of the site's language, as template data "t".
  const TemplateData& strings() const { return strings_; }
  const std::string& string(const std::string& key) const;
  const std::vector<AssetFile>& assets() const { return assets_; }

 private:
  // The layout around its one {{{content}}}, when that stands on a line of
  // its own: a page is then rendered into one string, between the two
  // halves, instead of being copied into the layout's data and again into
  // its text.
  struct SplitLayout {
    Template head, tail;
  };
  static std::optional<SplitLayout> split_layout(const std::string& layout, const std::string& path);
  std::optional<SplitLayout> split_layout_;
  std::map<std::string, Template> templates_;
  std::map<std::string, std::string> string_table_;
  TemplateData strings_;
  std::vector<AssetFile> assets_;
};

// Replaces each {{> name}} by the text of partials/name.mustache, found along
// `dirs`, so partials are parsed once with their page instead of at every use.
std::string expand_partials(const std::string& text, const std::vector<std::string>& dirs,
                            const Disk& disk, const std::string& file, Diagnostics& diags, int depth = 0);

}  // namespace ck
