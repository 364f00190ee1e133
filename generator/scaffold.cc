#include "scaffold.h"

#include "slug.h"

namespace ck {

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
  return "---\n"
         "# Mã thủ tục trên Cơ sở dữ liệu quốc gia, trong ngoặc kép, ví dụ \"1.001193\".\n"
         "# Thiếu mã thì thủ tục không có địa chỉ ngắn /tthc/<mã>/ để in mã QR.\n"
         "code:\n"
         "# Tên thủ tục theo quyết định công bố.\n"
         "name: " + yaml_quoted(name) + "\n"
         "# Lĩnh vực: một slug trong procedures/domains.yaml.\n"
         "domain: " + domain + "\n"
         "# Địa chỉ trang, đã ghim để không đổi khi sửa tên (chữ thường không dấu, gạch ngang).\n"
         "slug: " + slugify(name) + "\n"
         "# Cấp thực hiện.\n"
         "level: Cấp xã\n"
         "# Loại thủ tục; để trống nếu không rõ.\n"
         "type:\n"
         "# Một câu dễ hiểu: thủ tục này dùng để làm gì.\n"
         "summary:\n"
         "# Ai được nộp hồ sơ (một dòng, hoặc danh sách).\n"
         "applicants:\n"
         "# Cơ quan thực hiện, có thẩm quyền, phối hợp (để trống nếu không có).\n"
         "agency:\n"
         "  performing:\n"
         "  authority:\n"
         "  coordinating:\n"
         "# Nơi nộp hồ sơ nếu khác trụ sở xã; để trống thì dùng địa chỉ trong site.yaml.\n"
         "submit_at:\n"
         "# Dịch vụ công trực tuyến: toan-trinh, mot-phan hoặc khong.\n"
         "online_service: khong\n"
         "# Liên kết tới thủ tục trên Cổng Dịch vụ công (https://…), nếu có.\n"
         "online_url:\n"
         "# Cách thức thực hiện: truc-tiep, truc-tuyen hoặc buu-chinh; mỗi cách một mục.\n"
         "channels:\n"
         "  - channel: truc-tiep\n"
         "    # Thời hạn giải quyết, ví dụ: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.\n"
         "    time_limit: \"CẦN ĐIỀN: thời hạn giải quyết\"\n"
         "    # Phí, lệ phí; ghi Không nếu không thu.\n"
         "    fee: \"CẦN ĐIỀN: phí, lệ phí\"\n"
         "    # Ghi chú riêng cho cách thức này, nếu có.\n"
         "    note:\n"
         "# Thành phần hồ sơ: bỏ dấu # ở các dòng dưới và sửa lại.\n"
         "documents:\n"
         "  # - name: Tờ khai theo mẫu\n"
         "  #   originals: 1   # số bản chính\n"
         "  #   copies: 0      # số bản sao\n"
         "  #   form:          # mẫu đơn để tải về (https://…)\n"
         "  #   note:\n"
         "# Kết quả người dân nhận được.\n"
         "result:\n"
         "# Yêu cầu, điều kiện (một dòng, hoặc danh sách).\n"
         "conditions: []\n"
         "# Căn cứ pháp lý: bỏ dấu # ở các dòng dưới và sửa lại.\n"
         "legal_basis:\n"
         "  # - number: 60/2014/QH13\n"
         "  #   title: Luật Hộ tịch\n"
         "  #   date: 2014-11-20     # NĂM-THÁNG-NGÀY\n"
         "  #   issuer: Quốc hội\n"
         "# Từ khóa giúp tìm kiếm, cả cách nói thông thường của người dân.\n"
         "keywords: []\n"
         "# Mã các thủ tục liên quan, mỗi mã trong ngoặc kép.\n"
         "related: []\n"
         "---\n"
         "## Trình tự thực hiện\n"
         "\n"
         "1. **Bước 1:** …\n"
         "2. **Bước 2:** …\n";
}

std::string page_scaffold(const std::string& title) {
  return "---\n"
         "# Tiêu đề trang.\n"
         "title: " + yaml_quoted(title) + "\n"
         "# Địa chỉ trang, đã ghim để không đổi khi sửa tiêu đề.\n"
         "slug: " + slugify(title) + "\n"
         "# Một câu giới thiệu trang (hiện trên kết quả tìm kiếm).\n"
         "description:\n"
         "# Vị trí trên menu chính (số nhỏ đứng trước); để trống thì trang không lên menu.\n"
         "menu:\n"
         "---\n"
         "Nội dung trang viết bằng Markdown.\n";
}

}  // namespace ck
