#include "source.h"

#include <algorithm>

#include "unicode.h"

namespace ck {

SourcePos position_of(const SourceFile& file, std::size_t offset) {
  std::string_view text(file.text);
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  std::size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  int col = 1 + static_cast<int>(count_code_points(before.substr(line_start)));
  return {file.path, line, col};
}

bool prepare_source_text(SourceFile& file, Diagnostics& diags) {
  if (auto bad = find_invalid_utf8(file.text)) {
    diags.error(position_of(file, *bad), {"tệp không phải UTF-8 hợp lệ", "file is not valid UTF-8"},
                {"lưu lại tệp với bảng mã UTF-8 (trong Notepad: Save As, Encoding: UTF-8)",
                 "save the file again with the UTF-8 encoding"});
    return false;
  }
  if (file.text.starts_with("\xEF\xBB\xBF")) file.text.erase(0, 3);  // Windows editors add a BOM
  file.text = to_nfc(file.text);
  return true;
}

}  // namespace ck
