// The parts of the preview server that do not talk HTTP: which file a
// request names, its content type, the reload script and the error page.
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <string_view>

#include "render.h"
#include "serve.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes once; nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// Segments of a decoded path, or nullopt when one of them is not a plain
// name: "..", ".", hidden names, empty segments, NUL or backslash.
std::optional<std::vector<std::string>> plain_segments(const std::string& path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return std::nullopt;
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    bool last = end == path.size();
    if (segment.empty() && !last) return std::nullopt;                    // "//", also "//etc/passwd"
    if (!segment.empty() && segment.front() == '.') return std::nullopt;  // "..", ".", hidden files
    if (!segment.empty()) segments.push_back(std::move(segment));
    start = end + 1;
  }
  return segments;
}

std::optional<std::string> real_path(const fs::path& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (!resolved) return std::nullopt;
  std::string out = resolved;
  free(resolved);
  return out;
}

bool is_inside(const std::string& path, const std::string& root) {
  return path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/';
}

}  // namespace

std::optional<std::string> resolve_site_path(const std::string& root, const std::string& url_path) {
  std::string_view target = url_path;
  target = target.substr(0, target.find_first_of("?#"));
  std::optional<std::string> decoded = percent_decode(target);
  if (!decoded) return std::nullopt;
  std::optional<std::vector<std::string>> segments = plain_segments(*decoded);
  std::optional<std::string> real_root = real_path(root);
  if (!segments || !real_root) return std::nullopt;
  fs::path candidate = *real_root;
  for (const std::string& segment : *segments) candidate /= segment;
  std::error_code ec;
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  std::optional<std::string> real = real_path(candidate);
  if (!real || !is_inside(*real, *real_root) || !fs::is_regular_file(*real, ec)) return std::nullopt;
  return real;
}

std::string content_type_for(const std::string& path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".woff2", "font/woff2"},
      {".atom", "application/atom+xml"},
      {".rss", "application/rss+xml"},
  }};
  std::string extension = fs::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [ext, type] : kTypes)
    if (extension == ext) return std::string(type);
  return "application/octet-stream";
}

std::string reload_script(unsigned long long version) {
  // Polls the preview's version and reloads when a rebuild changed it.
  return "<script>(function(){var v=\"" + std::to_string(version) +
         "\";setInterval(function(){fetch(\"/__congkhai/version\",{cache:\"no-store\"})"
         ".then(function(r){return r.text()}).then(function(t){if(t!==v)location.reload()})"
         ".catch(function(){})},400)})();</script>";
}

std::string inject_reload_script(std::string html, unsigned long long version) {
  std::size_t body_end = html.rfind("</body>");
  if (body_end == std::string::npos) body_end = html.size();
  html.insert(body_end, reload_script(version));
  return html;
}

std::string error_page(const Diagnostics& diags, const std::string& failure, Lang lang,
                       unsigned long long version) {
  bool vi = lang == Lang::vi;
  std::string html =
      std::string("<!DOCTYPE html>\n<html lang=\"") + (vi ? "vi" : "en") +
      "\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
      (vi ? "Lỗi trong tệp nguồn" : "Errors in the sources") +
      "</title><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:1rem auto;"
      "padding:0 1rem;color:#1a1a1a}li{margin:0 0 1rem}.error{color:#a00000}"
      ".warning{color:#7a5200}code{font-weight:bold;overflow-wrap:anywhere}</style></head><body><main><h1>" +
      (vi ? "Chưa tạo được trang: các tệp nguồn có lỗi" : "The site was not built: the sources have errors") +
      "</h1><p>" +
      (vi ? "Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại."
          : "Fix the problems below and save; this page reloads by itself.") +
      "</p><ol>";
  for (const Diagnostic& d : diags.sorted()) {
    std::string place = d.pos.file.empty() ? "congkhai" : d.pos.file;
    if (d.pos.line > 0) place += ":" + std::to_string(d.pos.line);
    if (d.pos.line > 0 && d.pos.col > 0) place += ":" + std::to_string(d.pos.col);
    bool error = d.severity == Severity::error;
    html += "<li><code>" + escape_xml(place) + "</code> <strong class=\"" + (error ? "error" : "warning") +
            "\">" + (error ? (vi ? "lỗi" : "error") : (vi ? "cảnh báo" : "warning")) + ":</strong> " +
            escape_xml(pick(d.message, lang));
    const std::string& hint = pick(d.hint, lang);
    if (!hint.empty()) html += "<br>" + std::string(vi ? "Gợi ý: " : "Hint: ") + escape_xml(hint);
    html += "</li>";
  }
  if (!failure.empty()) html += "<li>" + escape_xml(failure) + "</li>";
  html += "</ol></main>" + reload_script(version) + "</body></html>\n";
  return html;
}

}  // namespace ck
