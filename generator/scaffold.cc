#include "scaffold.h"

#include <initializer_list>
#include <utility>

#include "dates.h"
#include "slug.h"

namespace ck {
namespace {

// The files as editors will see them; @NAME@-style marks are filled in.
constexpr std::string_view kProcedure = R"(---
# Mã thủ tục trên Cơ sở dữ liệu quốc gia, trong ngoặc kép, ví dụ "1.001193".
# Thiếu mã thì thủ tục không có địa chỉ ngắn /tthc/<mã>/ để in mã QR.
code:
# Tên thủ tục theo quyết định công bố.
name: @NAME@
# Lĩnh vực: một slug trong procedures/domains.yaml.
domain: @DOMAIN@
# Địa chỉ trang, đã ghim để không đổi khi sửa tên (chữ thường không dấu, gạch ngang).
slug: @SLUG@
# Cấp thực hiện.
level: Cấp xã
# Loại thủ tục; để trống nếu không rõ.
type:
# Một câu dễ hiểu: thủ tục này dùng để làm gì.
summary:
# Ai được nộp hồ sơ (một dòng, hoặc danh sách).
applicants:
# Cơ quan thực hiện, có thẩm quyền, phối hợp (để trống nếu không có).
agency:
  performing:
  authority:
  coordinating:
# Nơi nộp hồ sơ nếu khác trụ sở xã; để trống thì dùng địa chỉ trong site.yaml.
submit_at:
# Dịch vụ công trực tuyến: toan-trinh, mot-phan hoặc khong.
online_service: khong
# Liên kết tới thủ tục trên Cổng Dịch vụ công (https://…), nếu có.
online_url:
# Cách thức thực hiện: truc-tiep, truc-tuyen hoặc buu-chinh; mỗi cách một mục.
channels:
  - channel: truc-tiep
    # Thời hạn giải quyết, ví dụ: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.
    time_limit: "CẦN ĐIỀN: thời hạn giải quyết"
    # Phí, lệ phí; ghi Không nếu không thu.
    fee: "CẦN ĐIỀN: phí, lệ phí"
    # Ghi chú riêng cho cách thức này, nếu có.
    note:
# Thành phần hồ sơ: bỏ dấu # ở các dòng dưới và sửa lại.
documents:
  # - name: Tờ khai theo mẫu
  #   originals: 1   # số bản chính
  #   copies: 0      # số bản sao
  #   form:          # mẫu đơn để tải về (https://…)
  #   note:
# Kết quả người dân nhận được.
result:
# Yêu cầu, điều kiện (một dòng, hoặc danh sách).
conditions: []
# Căn cứ pháp lý: bỏ dấu # ở các dòng dưới và sửa lại.
legal_basis:
  # - number: 60/2014/QH13
  #   title: Luật Hộ tịch
  #   date: 2014-11-20     # NĂM-THÁNG-NGÀY
  #   issuer: Quốc hội
# Từ khóa giúp tìm kiếm, cả cách nói thông thường của người dân.
keywords: []
# Mã các thủ tục liên quan, mỗi mã trong ngoặc kép.
related: []
---
## Trình tự thực hiện

1. **Bước 1:** …
2. **Bước 2:** …
)";

constexpr std::string_view kPage = R"(---
# Tiêu đề trang.
title: @TITLE@
# Địa chỉ trang, đã ghim để không đổi khi sửa tiêu đề.
slug: @SLUG@
# Một câu giới thiệu trang (hiện trên kết quả tìm kiếm).
description:
# Vị trí trên menu chính (số nhỏ đứng trước); để trống thì trang không lên menu.
menu:
---
Nội dung trang viết bằng Markdown.
)";

// Replaces each mark in `text` with its value.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(text);
  for (const auto& [mark, value] : values)
    for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
      out.replace(at, mark.size(), value);
  return out;
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += c;
  }
  return out + "\"";
}

std::string procedure_scaffold(const std::string& domain, const std::string& name) {
  // The editor's text goes in last, so a mark inside it stays as written.
  return fill(kProcedure, {{"@SLUG@", slugify(name)}, {"@DOMAIN@", domain}, {"@NAME@", yaml_quoted(name)}});
}

std::string page_scaffold(const std::string& title) {
  return fill(kPage, {{"@SLUG@", slugify(title)}, {"@TITLE@", yaml_quoted(title)}});
}

std::string post_file_name(const std::string& title, const Date& today) {
  std::string slug = slugify(title);
  return slug.empty() ? "" : "news/" + format_iso(today) + "-" + slug + ".md";
}

std::string post_scaffold(const std::string& title, const Date& today) {
  return "---\n"
         "# Tiêu đề bài viết (bắt buộc).\n"
         "title: " +
         yaml_quoted(title) +
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
