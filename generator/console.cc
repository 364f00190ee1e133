#include "console.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace ck {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kReset = "\033[0m";

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

// Colours the first line of a formatted diagnostic: "place: error: …".
std::string colour(const std::string& text, Severity severity) {
  std::string marker = severity == Severity::error ? ": error: " : ": warning: ";
  std::size_t at = text.find(marker);
  if (at == std::string::npos) return text;
  std::string word = marker.substr(2, marker.size() - 4);
  return kBold + text.substr(0, at) + kReset + ": " + (severity == Severity::error ? kRed : kYellow) + word +
         kReset + ": " + text.substr(at + marker.size());
}

}  // namespace

Console detect_console(Lang lang, bool quiet_flag) {
  Console console;
  console.lang = lang;
  bool out_terminal = isatty(STDOUT_FILENO);
  bool err_terminal = isatty(STDERR_FILENO);
  console.quiet = quiet_flag || (!out_terminal && env_set("CI"));
  console.color = err_terminal && !env_set("NO_COLOR");
  console.progress = err_terminal && !console.quiet;
  return console;
}

std::string format_for_console(const Diagnostics& diags, const Console& console) {
  std::string out;
  for (const Diagnostic& d : diags.sorted()) {
    if (console.quiet && d.severity == Severity::warning) continue;
    std::string text = format_diagnostic(d, console.lang);
    out += console.color ? colour(text, d.severity) : text;
  }
  return out;
}

std::string seconds_text(double seconds, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", seconds);
  std::string text = buffer;
  if (lang == Lang::vi) text[text.find('.')] = ',';  // Vietnamese decimal comma
  return text;
}

std::string build_summary(const BuildReport& report, const Diagnostics& diags, const std::string& out_dir,
                          Lang lang) {
  std::string pages = std::to_string(report.pages), files = std::to_string(report.files);
  std::string changed = std::to_string(report.written), warnings = std::to_string(diags.warning_count());
  std::string time = seconds_text(report.seconds, lang);
  bool news = report.posts || report.drafts_held || report.future_held;
  std::string posts = std::to_string(report.posts), drafts = std::to_string(report.drafts_held),
              future = std::to_string(report.future_held);
  if (lang == Lang::vi)
    return "Đã tạo " + pages + " trang trong " + time + " giây (" + files + " tệp, " + changed +
           " mới hoặc thay đổi" + (diags.warning_count() ? ", " + warnings + " cảnh báo" : "") + ")" +
           (news ? "; " + posts + " tin đã đăng, giữ lại " + drafts + " bản nháp và " + future + " tin hẹn giờ" : "") +
           "; mở " + out_dir + "/index.html để xem.\n";
  return "Built " + pages + " pages in " + time + " s (" + files + " files, " + changed + " new or changed" +
         (diags.warning_count() ? ", " + warnings + " warnings" : "") + ")" +
         (news ? "; " + posts + " posts published, held back " + drafts + " drafts and " + future + " scheduled" : "") +
         "; open " + out_dir + "/index.html to see them.\n";
}

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  std::lock_guard lock(mutex_);
  if (!drawn_ && std::chrono::steady_clock::now() - start_ < std::chrono::milliseconds(300)) return;
  int percent = static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  drawn_ = true;
  constexpr int kWidth = 30;
  int filled = percent * kWidth / 100;
  std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '-');
  std::fprintf(stderr, "\r[%s] %zu/%zu", bar.c_str(), done, total);
  std::fflush(stderr);
}

}  // namespace ck
