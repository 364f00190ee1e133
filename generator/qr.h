// QR codes: the one place that talks to libqrencode. A payload becomes a
// matrix of modules, quiet zone included, that the SVG, PNG and PDF writers
// draw. Nothing here knows about sites or procedures.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

enum class QrLevel { M, Q };  // M for clean indoor posters, Q where they get dirty

struct QrOptions {
  QrLevel level = QrLevel::M;
  int quiet_zone = 4;  // modules of white around the code, as the standard asks
  // Larger versions pack modules too small to scan in a 3 cm grid cell.
  int max_version = 10;
};

// A square of modules, true = dark, including the quiet zone.
class QrMatrix {
 public:
  QrMatrix(int size, int quiet_zone, int version, std::vector<bool> dark)
      : size_(size), quiet_zone_(quiet_zone), version_(version), dark_(std::move(dark)) {}
  int size() const { return size_; }  // modules per side, quiet zone included
  int quiet_zone() const { return quiet_zone_; }
  int symbol_size() const { return size_ - 2 * quiet_zone_; }  // modules of the code itself
  int version() const { return version_; }
  bool dark(int x, int y) const { return dark_[static_cast<std::size_t>(y) * size_ + x]; }

  // Calls fn(x, y, length) for each horizontal run of dark modules, row by
  // row: drawing runs instead of single modules keeps SVG and PDF small.
  template <typename Fn>
  void for_each_dark_run(Fn&& fn) const {
    for (int y = 0; y < size_; ++y)
      for (int x = 0; x < size_;) {
        if (!dark(x, y)) {
          ++x;
          continue;
        }
        int start = x;
        while (x < size_ && dark(x, y)) ++x;
        fn(start, y, x - start);
      }
  }

 private:
  int size_;
  int quiet_zone_;
  int version_;
  std::vector<bool> dark_;
};

enum class QrError { none, empty, too_long };

struct QrResult {
  std::optional<QrMatrix> matrix;
  QrError error = QrError::none;
};

// Encodes `payload` in byte mode, case preserved, in the smallest version
// that holds it at `options.level`; too_long when not even max_version does.
QrResult encode_qr(std::string_view payload, const QrOptions& options);

// The most bytes a code of options.max_version holds at options.level, for
// messages that tell an editor how much to shorten.
int qr_capacity(const QrOptions& options);

// "M" or "Q".
const char* qr_level_name(QrLevel level);

// The encoder's version: another version may choose other masks, so codes
// kept from a build are only reused by the same one.
std::string qr_encoder_version();

}  // namespace ck
