// Splits a Markdown source into its YAML front matter and its body.
#pragma once

#include <optional>
#include <string>

#include "fields.h"
#include "model.h"
#include "source.h"

namespace ck {

struct FrontMatter {
  std::string yaml;
  int yaml_first_line = 0;  // 1-based line of the file where the YAML starts
  std::string body;
  int body_first_line = 0;
};

// The file must start with a line "---" and the YAML ends at the next line
// "---" (or "..."). Reports an error and returns nullopt otherwise.
std::optional<FrontMatter> split_front_matter(const SourceFile& file, Diagnostics& diags);

}  // namespace ck

namespace ck {

// A Markdown source read whole: its front matter fields and its body.
struct Document {
  Fields fields;
  MarkdownSource body;
};

// Splits the file and parses its front matter; reports why it cannot.
std::optional<Document> read_document(const SourceFile& file, Diagnostics& diags);

}  // namespace ck
