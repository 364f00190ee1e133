// The preview's HTTP server: the one file that talks to cpp-httplib. It is
// built as a module of its own, loaded only by `congkhai serve` (see http.h).
#include <httplib.h>
#include <sys/socket.h>

#include "http.h"

namespace ck {
namespace {

class HttplibServer final : public HttpServer {
 public:
  HttplibServer() {
    // httplib's default also sets SO_REUSEPORT, which would let a second
    // preview share the port silently; a busy port must be refused instead.
    server_.set_socket_options([](int socket) {
      int yes = 1;
      setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
  }
  void on_get(HttpHandler handler) override {
    server_.Get(".*",
                [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
                  HttpReply reply = handler({request.path, request.target});
                  response.status = reply.status;
                  response.set_header("Cache-Control", "no-store");
                  response.set_content(std::move(reply.body), reply.content_type.c_str());
                });
  }
  bool bind(const std::string& host, int port) override { return server_.bind_to_port(host.c_str(), port); }
  void listen() override { server_.listen_after_bind(); }
  void stop() override { server_.stop(); }

 private:
  httplib::Server server_;
};

}  // namespace
}  // namespace ck

extern "C" __attribute__((visibility("default"))) ck::HttpServer* congkhai_make_http_server() {
  return new ck::HttplibServer();
}
