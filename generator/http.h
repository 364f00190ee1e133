// The preview's HTTP server behind a plain interface. cpp-httplib, and with
// it OpenSSL, which a preview on 127.0.0.1 never uses, lives in a module of
// its own (http_server.cc) that only `congkhai serve` loads: every build and
// check would otherwise map 3.5 MB of libraries it does not need.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace ck {

struct HttpRequest {
  std::string path;    // decoded, without the query
  std::string target;  // as the request line gave it, still percent-encoded
};

struct HttpReply {
  int status = 200;
  std::string content_type;
  std::string body;
};

using HttpHandler = std::function<HttpReply(const HttpRequest&)>;

class HttpServer {
 public:
  virtual ~HttpServer() = default;
  // Answers every GET with `handler`; called before bind().
  virtual void on_get(HttpHandler handler) = 0;
  // False when the port cannot be had, busy or shared (no SO_REUSEPORT).
  virtual bool bind(const std::string& host, int port) = 0;
  virtual void listen() = 0;  // until stop()
  virtual void stop() = 0;
};

// The module with its server. The module is unloaded after the server is
// destroyed, since the server's code lives in it.
class HttpServerModule {
 public:
  // Loads the module (see open_module).
  static std::optional<HttpServerModule> load(std::string* error);
  HttpServer& server() { return *server_; }

 private:
  struct Unload {
    void operator()(void* module) const;
  };
  std::unique_ptr<void, Unload> module_;
  std::unique_ptr<HttpServer> server_;
};

// The file name of the module, and the symbol that makes its server.
inline constexpr const char* kHttpModuleName = "congkhai-http.so";
inline constexpr const char* kHttpModuleEntry = "congkhai_make_http_server";

}  // namespace ck
