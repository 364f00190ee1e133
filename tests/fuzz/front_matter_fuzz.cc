// Arbitrary bytes as every kind of source file: front matter, typed YAML
// fields and the model's cross-file checks must report, never crash, and a
// model without errors must only hold slugs that stay inside the output.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fields.h"
#include "load.h"
#include "model.h"
#include "slug.h"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check_places(const ck::Diagnostics& diags) {
  for (const ck::Diagnostic& d : diags.sorted()) {
    require(d.pos.file == "fuzz.md");
    require(d.pos.line >= 0 && d.pos.col >= 0);
    require(!ck::format_diagnostic(d, ck::Lang::vi).empty());
  }
}

// The tree built from parser events equals the one from yaml-cpp's nodes.
// Aliases that expand too far stop the events early, where yaml-cpp parses
// the whole text first: that side may find a syntax error instead.
void check_yaml_tree(const std::string& yaml) {
  ck::YamlParse events = ck::parse_yaml(yaml), nodes = ck::parse_yaml_with_nodes(yaml);
  if (events.too_large || nodes.too_large) {
    require(!events.root && !nodes.root);
    return;
  }
  require(!events.root == !nodes.root);
  if (events.root) require(*events.root == *nodes.root);
  else require(events.error == nodes.error && events.error_line == nodes.error_line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ck::SourceFile file{"fuzz.md", std::string(reinterpret_cast<const char*>(data), size)};
  check_yaml_tree(file.text);
  ck::Diagnostics diags;
  if (!ck::prepare_source_text(file, diags)) return 0;
  ck::Sources sources;
  if (auto config = ck::load_site_config(file, diags)) sources.config = std::move(*config);
  sources.domains = ck::load_domains(file, diags);
  if (auto procedure = ck::load_procedure(file, diags)) sources.procedures.push_back(std::move(*procedure));
  if (auto page = ck::load_page(file, diags)) sources.pages.push_back(std::move(*page));
  ck::Site site = ck::build_model(std::move(sources), diags);
  check_places(diags);
  if (!diags.has_errors()) {
    for (const ck::Procedure& p : site.procedures) require(ck::is_valid_slug(p.slug));
    for (const ck::Page& p : site.pages) require(ck::is_valid_slug(p.slug));
  }
  return 0;
}
