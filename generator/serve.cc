// The preview server: builds, watches and answers requests through the
// HTTP module (see http.h).
#include "serve.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "console.h"
#include "disk.h"
#include "http.h"
#include "watch.h"

namespace fs = std::filesystem;

namespace ck {
namespace {

// A folder of our own under the system's temporary folder, removed on exit.
class PrivateFolder {
 public:
  PrivateFolder() {
    std::string pattern = (fs::temp_directory_path() / "congkhai-preview-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~PrivateFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// One line on the terminal after each rebuild.
std::string rebuild_message(bool ok, const BuildReport& report, Lang lang) {
  bool vi = lang == Lang::vi;
  if (!ok) return vi ? "Có lỗi; trình duyệt hiện danh sách lỗi.\n" : "Errors; the browser shows them.\n";
  if (report.up_to_date) return vi ? "Không có gì thay đổi.\n" : "Nothing changed.\n";
  std::string pages = std::to_string(report.pages), time = seconds_text(report.seconds, lang);
  return vi ? "Đã tạo lại " + pages + " trang trong " + time + " giây.\n"
            : "Rebuilt " + pages + " pages in " + time + " s.\n";
}

// The state of the preview, shared by the watcher and the request threads.
class Preview {
 public:
  explicit Preview(const ServeOptions& options, std::string site_dir)
      : options_(options), site_dir_(std::move(site_dir)) {}

  // Builds the site; on errors, keeps an error page to show instead.
  void rebuild() {
    BuildOptions build = options_.build;
    build.out_dir = site_dir_;
    Diagnostics diags;
    BuildReport report;
    bool ok = build_site(build, diags, report);
    Console console = detect_console(options_.lang, false);
    std::cerr << format_for_console(diags, console);
    if (!report.failure.empty()) std::cerr << "congkhai: error: " << report.failure << "\n";
    std::lock_guard lock(mutex_);
    ++version_;
    ok_ = ok;
    error_html_ = ok ? "" : error_page(diags, report.failure, options_.lang, version_);
    std::cerr << rebuild_message(ok, report, options_.lang);
  }

  unsigned long long version() const {
    std::lock_guard lock(mutex_);
    return version_;
  }

  HttpReply answer(const HttpRequest& request) const {
    if (request.path == "/__congkhai/version")
      return {200, "text/plain; charset=utf-8", std::to_string(version())};
    unsigned long long version;
    {
      std::lock_guard lock(mutex_);
      version = version_;
      if (!ok_) return {500, "text/html; charset=utf-8", error_html_};
    }
    HttpReply reply;
    std::optional<std::string> path = resolve_site_path(site_dir_, request.target);
    if (!path) path = resolve_site_path(site_dir_, "/404.html"), reply.status = 404;
    std::string error;
    std::optional<std::string> bytes = path ? RealDisk().read_file(*path, &error) : std::nullopt;
    if (!bytes) return {404, "text/plain; charset=utf-8", "404\n"};
    reply.content_type = content_type_for(*path);
    if (reply.content_type.starts_with("text/html"))
      *bytes = inject_reload_script(std::move(*bytes), version);
    reply.body = std::move(*bytes);
    return reply;
  }

 private:
  const ServeOptions& options_;
  std::string site_dir_;
  mutable std::mutex mutex_;
  unsigned long long version_ = 0;
  bool ok_ = false;
  std::string error_html_;
};

// Rebuilds after each change until told to stop. Waits for the files to
// settle first, because editors save a file in several steps.
class Rebuilder {
 public:
  Rebuilder(Preview& preview, std::vector<std::string> folders)
      : preview_(preview), watcher_(std::move(folders)), thread_([this] { run(); }) {}
  ~Rebuilder() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  bool sleep(std::chrono::milliseconds time) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, time, [this] { return stop_; });
  }
  void run() {
    while (sleep(std::chrono::milliseconds(100))) {
      if (!watcher_.changed()) continue;
      while (sleep(std::chrono::milliseconds(50)) && watcher_.changed()) {
      }
      preview_.rebuild();
    }
  }

  Preview& preview_;
  ChangeWatcher watcher_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after everything it uses
};

std::string theme_folder(const BuildOptions& build) {
  return build.themes_dir.empty() ? std::string("themes") : build.themes_dir;
}

// Blocks SIGINT and SIGTERM in this thread and every thread it starts, so
// that they can be waited for with sigwait() instead of a handler.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

}  // namespace

int serve_site(const ServeOptions& options) {
  bool vi = options.lang == Lang::vi;
  sigset_t stop_signals = block_stop_signals();
  PrivateFolder folder;
  if (folder.path().empty()) {
    std::cerr << (vi ? "congkhai: lỗi: không tạo được thư mục tạm\n"
                     : "congkhai: error: cannot create a temporary folder\n");
    return 1;
  }
  Preview preview(options, folder.path() + "/site");
  std::string module_error;
  std::optional<HttpServerModule> module = HttpServerModule::load(&module_error);
  if (!module) {
    std::cerr << (vi ? "congkhai: lỗi: không nạp được máy chủ xem trước (" + module_error +
                           "); cài lại congkhai\n"
                     : "congkhai: error: cannot load the preview server (" + module_error +
                           "); reinstall congkhai\n");
    return 1;
  }
  HttpServer& server = module->server();
  server.on_get([&](const HttpRequest& request) { return preview.answer(request); });
  if (!server.bind(options.bind, options.port)) {
    std::cerr << (vi ? "congkhai: lỗi: không mở được cổng " + std::to_string(options.port) + " trên " +
                           options.bind + " (cổng đang bận?); chọn cổng khác bằng --port\n"
                     : "congkhai: error: cannot listen on " + options.bind + " port " +
                           std::to_string(options.port) + " (busy?); choose another with --port\n");
    return 1;
  }
  preview.rebuild();
  std::string address = "http://" + options.bind + ":" + std::to_string(options.port) + "/";
  std::cout << (vi ? "Xem trước tại " + address + " (thư mục tạm " + folder.path() +
                         "). Nhấn Ctrl-C để dừng.\n"
                   : "Previewing at " + address + " (temporary folder " + folder.path() +
                         "). Press Ctrl-C to stop.\n")
            << std::flush;
  std::thread listener([&] { server.listen(); });
  {
    Rebuilder rebuilder(preview, {options.build.sources.procedures, options.build.sources.content,
                                  theme_folder(options.build)});
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    listener.join();
  }
  std::cout << (vi ? "Đã dừng xem trước.\n" : "Preview stopped.\n");
  return 0;
}

}  // namespace ck
