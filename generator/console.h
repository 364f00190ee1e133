// What the command prints on the terminal: diagnostics (in colour only on a
// terminal and never with NO_COLOR), a progress bar for long builds and the
// one-line summary. Quiet mode (--quiet, or CI without a terminal) keeps
// only the errors.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

#include "build.h"
#include "diagnostics.h"

namespace ck {

struct Console {
  Lang lang = Lang::vi;
  bool quiet = false;     // only errors
  bool color = false;     // ANSI colours on stderr
  bool progress = false;  // a progress bar on stderr
};

// Decides from the flags, the terminal and the environment (NO_COLOR, CI).
Console detect_console(Lang lang, bool quiet_flag);

// Every diagnostic (warnings left out when quiet), coloured when asked:
// file:line bold, "error" red, "warning" yellow.
std::string format_for_console(const Diagnostics& diags, const Console& console);

// 0.4231 -> "0,42" in Vietnamese, "0.42" in English.
std::string seconds_text(double seconds, Lang lang);

// "Đã tạo 187 trang trong 0,42 giây (…)." on one line.
std::string build_summary(const BuildReport& report, const Diagnostics& diags, const std::string& out_dir,
                          Lang lang);

// A bar with counts, redrawn in place on stderr. It appears only once a
// build has taken a moment, so quick builds do not flicker; thread-safe.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();  // clears the bar's line
  void update(std::size_t done, std::size_t total);

 private:
  bool enabled_;
  bool drawn_ = false;
  int last_percent_ = -1;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ck
