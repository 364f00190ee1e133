#include "scaffold.h"

#include "slug.h"

namespace ck {
namespace {

// A YAML double-quoted scalar, so titles with ":" or "#" stay one value.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string post_file_name(const std::string& title, const Date& today) {
  std::string slug = slugify(title);
  return slug.empty() ? "" : "news/" + format_iso(today) + "-" + slug + ".md";
}

std::string post_scaffold(const std::string& title, const Date& today) {
  return "---\n"
         "# Tiêu đề bài viết (bắt buộc).\n"
         "title: " +
         quoted(title) +
         "\n"
         "# Ngày đăng (bắt buộc): NĂM-THÁNG-NGÀY, có thể kèm giờ 2023-05-25T08:30 (giờ Việt Nam).\n"
         "# Bài có ngày trong tương lai chỉ hiện từ ngày đó.\n"
         "date: " +
         format_iso(today) +
         "\n"
         "# Tóm tắt một hai câu, hiện trong danh sách tin và trong bản tin Atom.\n"
         "summary: \"\"\n"
         "# Chủ đề của bài, mỗi chủ đề một dòng bắt đầu bằng \"- \".\n"
         "tags:\n"
         "  - Tin tức\n"
         "# true: bản nháp, chưa đăng. Đổi thành false khi bài đã duyệt.\n"
         "draft: true\n"
         "# Ảnh bìa (không bắt buộc): tệp trong content/static/, ví dụ /static/tin-tuc/anh.jpg.\n"
         "cover: \"\"\n"
         "# Mô tả ảnh bìa cho người không nhìn thấy ảnh (bắt buộc khi có ảnh bìa).\n"
         "cover_alt: \"\"\n"
         "# Người viết hoặc đơn vị đưa tin.\n"
         "author: \"\"\n"
         "# Địa chỉ trang (không bắt buộc): để trống thì tạo từ tiêu đề.\n"
         "slug: \"\"\n"
         "---\n"
         "Viết nội dung bài ở đây (Markdown). Cách chèn ảnh và tệp đính kèm: xem docs/reference.md, "
         "mục Tin tức.\n";
}

}  // namespace ck
