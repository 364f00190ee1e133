#include "front_matter.h"

#include <algorithm>
#include <string_view>

namespace ck {
namespace {

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

std::optional<FrontMatter> split_front_matter(const SourceFile& file, Diagnostics& diags) {
  std::string_view text(file.text);
  std::size_t first_end = text.find('\n');
  if (text.empty() || !is_fence(text.substr(0, first_end), false)) {
    diags.error({file.path, 1, 1},
                {"tệp phải bắt đầu bằng một dòng \"---\" (phần thông tin YAML)",
                 "file must start with a line \"---\" (the YAML front matter)"},
                {"thêm dòng --- ở đầu tệp và một dòng --- sau các trường thông tin",
                 "add a line --- at the top and another after the fields"});
    return std::nullopt;
  }
  std::size_t yaml_start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  int line_no = 2;
  for (std::size_t at = yaml_start; at < text.size(); ++line_no) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (is_fence(text.substr(at, end - at), true)) {
      FrontMatter fm;
      fm.yaml = std::string(text.substr(yaml_start, at - yaml_start));
      fm.yaml_first_line = 2;
      fm.body = std::string(text.substr(std::min(end + 1, text.size())));
      fm.body_first_line = line_no + 1;
      return fm;
    }
    at = end + 1;
  }
  diags.error({file.path, 1, 1},
              {"phần thông tin YAML không có dòng \"---\" kết thúc",
               "the YAML front matter has no closing \"---\" line"},
              {"thêm một dòng --- ngay sau trường cuối cùng", "add a line --- after the last field"});
  return std::nullopt;
}

std::optional<Document> read_document(const SourceFile& file, Diagnostics& diags) {
  auto fm = split_front_matter(file, diags);
  if (!fm) return std::nullopt;
  auto fields = Fields::parse(fm->yaml, {file.path, fm->yaml_first_line, 1}, diags);
  if (!fields) return std::nullopt;
  return Document{std::move(*fields), {std::move(fm->body), {file.path, fm->body_first_line, 1}}};
}

}  // namespace ck
