#include "theme.h"

#include <algorithm>

#include "fields.h"
#include "load.h"

namespace ck {
namespace {

// Every template a theme must provide (from itself or the default theme).
const std::vector<std::string> kTemplateNames = {
    "layout", "home", "catalog", "domain", "procedure", "page", "search", "404", "shortlink",
    "print-index", "print-poster", "print-sheet", "print-booklet", "print-survey",
    "results", "results-kpi", "results-tiles", "news", "post"};

std::vector<std::string> search_dirs(const ThemeLocation& where, const Disk& disk) {
  std::vector<std::string> dirs;
  if (!where.site_templates.empty() && disk.is_directory(where.site_templates))
    dirs.push_back(where.site_templates);
  if (where.name != "default") dirs.push_back(where.themes_dir + "/" + where.name);
  dirs.push_back(where.themes_dir + "/default");
  return dirs;
}

// The first of `dirs` holding `relative`, as a full path; "" when none does.
std::string find_in(const std::vector<std::string>& dirs, const std::string& relative, const Disk& disk) {
  for (const std::string& dir : dirs) {
    std::string error;
    std::string path = dir + "/" + relative;
    if (disk.read_file(path, &error) || error != "does not exist") return path;
  }
  return {};
}

std::vector<std::string> template_dirs(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const std::string& dir : dirs) out.push_back(dir.ends_with("/templates") ? dir : dir + "/templates");
  return out;
}

void load_strings(const std::vector<std::string>& dirs, const std::string& language, const Disk& disk,
                  std::map<std::string, std::string>& table, Diagnostics& diags) {
  // Later directories are fallbacks, so read them first and let earlier ones win.
  for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir) {
    std::string path = *dir + "/i18n/" + language + ".yaml";
    std::string error;
    if (!disk.read_file(path, &error)) continue;
    if (auto file = read_source(disk, path, diags))
      if (auto fields = Fields::parse(file->text, {path, 1, 1}, diags))
        for (auto& [key, value] : fields->entries()) table[key] = value;
  }
}

// Room for a small page with the layout's own text, so that most pages
// are never copied as they grow.
constexpr std::size_t kLayoutReserve = 16384;

// The names of the tags in a template's text: "content" for {{{content}}},
// {{#content}} or {{ content }}.
std::vector<std::string_view> tag_names(std::string_view text) {
  std::vector<std::string_view> names;
  for (std::size_t open; (open = text.find("{{")) != std::string_view::npos;) {
    std::size_t close = text.find("}}", open);
    if (close == std::string_view::npos) break;
    std::string_view tag = text.substr(open + 2, close - open - 2);
    std::size_t first = tag.find_first_not_of("{#^/&> ");
    std::size_t last = tag.find_last_not_of("} ");
    if (first != std::string_view::npos && last >= first)
      names.push_back(tag.substr(first, last - first + 1));
    text.remove_prefix(close + 2);
  }
  return names;
}

// The halves of a layout whose only use of "content" is {{{content}}} on a
// line with no other tag; both halves must parse on their own, and with the
// usual delimiters.
std::optional<std::pair<std::string, std::string>> split_at_content(const std::string& layout) {
  constexpr std::string_view kContent = "{{{content}}}";
  if (layout.find("{{=") != std::string::npos) return std::nullopt;
  auto names = tag_names(layout);
  if (std::count(names.begin(), names.end(), "content") != 1) return std::nullopt;
  std::size_t at = layout.find(kContent);
  if (at == std::string::npos) return std::nullopt;
  std::size_t line_start = layout.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  std::size_t line_end = std::min(layout.find('\n', at), layout.size());
  std::string_view line(layout.data() + line_start, line_end - line_start);
  if (tag_names(line).size() != 1) return std::nullopt;
  return std::pair{layout.substr(0, at), layout.substr(at + kContent.size())};
}

}  // namespace

std::string expand_partials(const std::string& text, const std::vector<std::string>& dirs,
                            const Disk& disk, const std::string& file, Diagnostics& diags, int depth) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = text.find("{{>", at)) != std::string::npos;) {
    std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    out.append(text, at, open - at);
    std::string path = find_in(dirs, "partials/" + name + ".mustache", disk);
    std::string error;
    auto partial = path.empty() ? std::nullopt : disk.read_file(path, &error);
    if (!partial || depth > 8)
      diags.error({file, 0, 0}, {"không tìm thấy mẫu con \"" + name + "\"", "partial \"" + name + "\" not found"},
                  {"tạo tệp partials/" + name + ".mustache trong giao diện", "create partials/" + name + ".mustache in the theme"});
    else
      out += expand_partials(*partial, dirs, disk, path, diags, depth + 1);
    at = close + 2;
  }
  out.append(text, at);
  return out;
}

std::optional<Theme> Theme::load(const ThemeLocation& where, const Disk& disk, Diagnostics& diags) {
  if (!disk.is_directory(where.themes_dir + "/" + where.name)) {
    diags.error({where.themes_dir + "/" + where.name, 0, 0},
                {"không tìm thấy giao diện \"" + where.name + "\"", "theme \"" + where.name + "\" not found"},
                {"kiểm tra trường theme trong content/site.yaml, hoặc chỉ thư mục giao diện bằng --themes",
                 "check theme in content/site.yaml, or point at the themes folder with --themes"});
    return std::nullopt;
  }
  const std::vector<std::string> dirs = search_dirs(where, disk);
  const std::vector<std::string> tdirs = template_dirs(dirs);
  Theme theme;
  for (const std::string& name : kTemplateNames) {
    std::string path = find_in(tdirs, name + ".mustache", disk);
    std::string error;
    auto text = path.empty() ? std::nullopt : disk.read_file(path, &error);
    if (!text) {
      diags.error({where.themes_dir + "/default/templates/" + name + ".mustache", 0, 0},
                  {"giao diện thiếu mẫu trang \"" + name + "\"", "the theme has no \"" + name + "\" template"},
                  {"cài lại giao diện mặc định", "reinstall the default theme"});
      continue;
    }
    const std::string expanded = expand_partials(*text, tdirs, disk, path, diags);
    if (auto t = Template::parse(expanded, path, diags)) theme.templates_.emplace(name, std::move(*t));
    if (name == "layout") theme.split_layout_ = split_layout(expanded, path);
  }
  load_strings(dirs, where.language, disk, theme.string_table_, diags);
  for (const auto& [key, value] : theme.string_table_) theme.strings_.set(key, value);
  std::map<std::string, std::string> assets;  // output path -> source, first directory wins
  for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir)
    for (const std::string& path : disk.list(*dir + "/static", ""))
      assets[path.substr(dir->size() + 8)] = path;
  for (const auto& [out, src] : assets) theme.assets_.push_back({"assets/" + out, src});
  if (diags.has_errors()) return std::nullopt;
  return theme;
}

std::string Theme::render(const std::string& name, const TemplateData& data,
                          const TemplateData* beneath) const {
  return templates_.at(name).render(data, beneath);
}

std::optional<Theme::SplitLayout> Theme::split_layout(const std::string& layout, const std::string& path) {
  auto halves = split_at_content(layout);
  if (!halves) return std::nullopt;
  Diagnostics ignored;  // a half that does not parse alone: the layout is used whole
  auto head = Template::parse(halves->first, path, ignored);
  auto tail = Template::parse(halves->second, path, ignored);
  if (!head || !tail) return std::nullopt;
  return SplitLayout{std::move(*head), std::move(*tail)};
}

std::string Theme::render_page(const std::string& name, TemplateData data,
                               const TemplateData* beneath) const {
  if (split_layout_) {
    std::string page;
    page.reserve(kLayoutReserve);
    split_layout_->head.render_into(page, data, beneath);
    templates_.at(name).render_into(page, data, beneath);
    split_layout_->tail.render_into(page, data, beneath);
    return page;
  }
  set_moved(data, "content", text_data(templates_.at(name).render(data, beneath)));
  return templates_.at("layout").render(data, beneath);
}

const std::string& Theme::string(const std::string& key) const {
  static const std::string missing;
  auto it = string_table_.find(key);
  return it == string_table_.end() ? missing : it->second;
}

}  // namespace ck
