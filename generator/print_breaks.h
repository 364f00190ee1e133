// Where a printed label's lines break. Pango breaks greedily, at the last
// space that fits, and so cuts Vietnamese words: a word is one to three
// syllables written apart ("Cấp bản sao Trích lục hộ / tịch"), and a reader
// takes the two halves of "hộ tịch" for two words. Among the breaks that
// give as few lines as greedy breaking does, this takes those between
// words (after punctuation and before a word like "của" or "tại" best, and
// never between the syllables of a word it knows when another break
// exists), with lines as even as it can.
#pragma once

#include <string>
#include <string_view>

#include "pdf.h"

namespace ck {

// `text` with a line feed at each chosen break, to be drawn in `style`
// wrapped to `width` (which still wraps a word too long for a line).
std::string with_line_breaks(PdfDocument& doc, std::string_view text, const PdfTextStyle& style,
                             double width);

// The cost of breaking between the words `before` and `after`: 0 after
// punctuation, low before a function word, high inside a known word.
double break_cost(std::string_view before, std::string_view after);

}  // namespace ck
