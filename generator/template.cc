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

std::string Template::render(const TemplateData& data, const TemplateData* beneath) const {
  if (!beneath) return compiled_->render(data);
  kainjow::mustache::context<std::string> layers(beneath);
  layers.push(&data);
  return compiled_->render(layers);
}

}  // namespace ck
