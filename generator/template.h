// Mustache templates, the one place that includes kainjow mustache.
// {{name}} is HTML-escaped; {{{name}}} inserts generator-made HTML only.
#pragma once

#include <kainjow/mustache.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"

namespace ck {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// kainjow's set() copies its value deeply, and its move constructor is not
// noexcept, so a growing std::vector of data copies every item again. Lists
// of thousands of procedures, and pages of megabytes, are moved in with
// these. The value lives in a map that is not const, so writing through
// get() is sound.
inline void set_moved(TemplateData& data, const std::string& key, TemplateData&& value) {
  data.set(key, TemplateData(false));
  *const_cast<TemplateData*>(data.get(key)) = std::move(value);
}
inline TemplateData list_data(TemplateList&& items) {
  TemplateData list(TemplateData::type::list);
  const_cast<TemplateList&>(list.list_value()) = std::move(items);
  return list;
}
inline TemplateData text_data(std::string&& text) {
  TemplateData data(TemplateData::type::string);
  const_cast<std::string&>(data.string_value()) = std::move(text);
  return data;
}

// Sets `key` only when `value` is non-empty: in a template, {{#key}} …
// {{/key}} then shows a block only for values the editor gave.
inline void put(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

// Sets a list and a flag "has_<key>", since {{#key}} iterates and cannot
// also wrap a heading shown once for a non-empty list.
inline void put_list(TemplateData& data, const std::string& key, TemplateList list) {
  data.set("has_" + key, !list.empty());
  set_moved(data, key, list_data(std::move(list)));
}

// Text safe inside XML and HTML text and attribute values: the five
// characters they give meaning to, as entities. Templates escape {{name}}
// with it too.
std::string escape_xml(std::string_view text);

class Template {
 public:
  // Parses once; reports a syntax error against `file`.
  static std::optional<Template> parse(const std::string& text, const std::string& file,
                                       Diagnostics& diags);
  // Names not in `data` are looked up in `beneath`: pages share the site's
  // data without each copying it.
  std::string render(const TemplateData& data, const TemplateData* beneath = nullptr) const;
  // Appends to `out`.
  void render_into(std::string& out, const TemplateData& data, const TemplateData* beneath = nullptr) const;

 private:
  std::shared_ptr<kainjow::mustache::mustache> compiled_;
};

}  // namespace ck
