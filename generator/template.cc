#include "template.h"

namespace ck {

std::optional<Template> Template::parse(const std::string& text, const std::string& file,
                                        Diagnostics& diags) {
  auto compiled = std::make_shared<kainjow::mustache::mustache>(text);
  if (!compiled->is_valid()) {
    diags.error({file, 0, 0},
                {"mẫu trang lỗi: " + compiled->error_message(), "template error: " + compiled->error_message()},
                {"kiểm tra các cặp {{#…}} và {{/…}} trong mẫu", "check that every {{#…}} has its {{/…}}"});
    return std::nullopt;
  }
  Template t;
  t.compiled_ = std::move(compiled);
  return t;
}

namespace {

// kainjow renders into an ostringstream and copies its text out; appending
// to the result directly holds a page once, not twice or three times (the
// print index of 10,000 procedures is 3.5 MB).
struct AppendTo {
  std::string& out;
  AppendTo& operator<<(const std::string& text) {
    out += text;
    return *this;
  }
};

}  // namespace

void Template::render_into(std::string& out, const TemplateData& data, const TemplateData* beneath) const {
  kainjow::mustache::context<std::string> layers(beneath ? beneath : &data);
  if (beneath) layers.push(&data);
  AppendTo sink{out};
  compiled_->render(layers, sink);
}

std::string Template::render(const TemplateData& data, const TemplateData* beneath) const {
  std::string out;
  render_into(out, data, beneath);
  return out;
}

}  // namespace ck
