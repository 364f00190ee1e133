// A source file as read from disk: its display path and its text.
#pragma once

#include <string>

#include "diagnostics.h"

namespace ck {

struct SourceFile {
  std::string path;  // as shown in diagnostics, relative to where the user ran congkhai
  std::string text;  // valid UTF-8, normalized to NFC
};

// Checks UTF-8 (reporting the line and column of the first bad byte) and
// normalizes to NFC. Returns false when the text cannot be used.
bool prepare_source_text(SourceFile& file, Diagnostics& diags);

// Line and column (1-based, columns in code points) of a byte offset.
SourcePos position_of(const SourceFile& file, std::size_t offset);

}  // namespace ck
