// Draws the pages of separately drawn PDF documents onto the pages of
// another. The booklet and the domain sheets are drawn in parts, so that a
// rebuild after one procedure is renamed redraws the few pages that show
// it, not 800, and the booklet and a domain's sheet share the same parts.
// The frame (the contents, with the links and bookmarks that point into
// the booklet, then a page with its footer for each page to come) keeps
// the page objects those point at; each part's page becomes a form (a
// drawing with its own resources) that a frame's page draws under its own
// drawing, and only what the pages use is written.
//
// Reads documents as cairo writes them: a classic cross-reference table, a
// flat page tree, one drawing and one resources object per page. Anything
// else is refused, and the caller draws the whole document instead.
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
  // Where a part's page is drawn: on the frame's page `page` (0-based),
  // moved `down` points from where it was drawn.
  struct Place {
    std::size_t page = 0;
    double down = 0;
  };

  // The frame `frame`, whose `places` (in the order of their pages) each
  // receive a part's page; nullopt when it cannot be read. `expected_bytes`:
  // room for the merged document, so that it is not copied as it grows.
  static std::optional<PdfMerge> start(std::string_view frame, const std::vector<Place>& places,
                                       std::size_t expected_bytes = 0);

  // Draws `part`'s pages onto the next places, in order. False when the
  // part cannot be read or has more pages than places are left.
  bool add(std::string_view part);
  std::size_t places_left() const { return forms_.size() - filled_; }

  // The merged document; nullopt while a place is left empty or an object
  // is missing.
  std::optional<std::string> finish();

 private:
  PdfMerge() = default;
  std::uint32_t new_object();  // its number
  std::string out_;
  std::vector<std::size_t> offsets_;  // by new object number; 0: not written yet
  std::vector<std::uint32_t> forms_;  // the numbers of the forms the places draw, in order
  std::size_t filled_ = 0;
  std::uint32_t root_ = 0;
  std::uint32_t info_ = 0;
};

}  // namespace ck
