// Puts the pages of separately drawn PDF documents in place of the blank
// pages of another. The booklet is drawn in parts, so that a rebuild after
// one procedure is renamed redraws the few pages that show it, not 800.
// The frame (the contents, with the links and bookmarks that point into the
// booklet, then one blank page per page to come) keeps the page objects
// those point at; each part's page takes the place of a blank one, and only
// what the pages use is written.
//
// Reads documents as cairo writes them: a classic cross-reference table and
// a flat page tree. Anything else is refused, and the caller draws the
// whole document instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

class PdfMerge {
 public:
  // The frame `frame`, whose pages from `first_place` (0-based) on are to be
  // filled; nullopt when it cannot be read. `expected_bytes`: room for the
  // merged document, so that it is not copied as it grows.
  static std::optional<PdfMerge> start(std::string_view frame, std::size_t first_place,
                                       std::size_t expected_bytes = 0);

  // Fills the next places with `part`'s pages, in order. False when the
  // part cannot be read or has more pages than places are left.
  bool add(std::string_view part);
  std::size_t places_left() const { return places_.size() - filled_; }

  // The merged document; nullopt while a place is left empty.
  std::optional<std::string> finish();

 private:
  PdfMerge() = default;
  std::string out_;
  std::vector<std::size_t> offsets_;   // by new object number; 0: not written yet
  std::vector<std::uint32_t> places_;  // new numbers of the pages to fill
  std::size_t filled_ = 0;
  std::uint32_t pages_node_ = 0;  // the new number of the frame's page tree
  std::uint32_t root_ = 0;
  std::uint32_t info_ = 0;
};

}  // namespace ck
