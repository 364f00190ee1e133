#include "qr.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace ck {
namespace {

struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrcodePtr = std::unique_ptr<QRcode, QrcodeDeleter>;

QRecLevel to_qrencode(QrLevel level) { return level == QrLevel::Q ? QR_ECLEVEL_Q : QR_ECLEVEL_M; }

// Byte-mode capacities of versions 1–40 at levels M and Q (ISO/IEC 18004, table 7).
constexpr int kBytesM[40] = {14,  26,  42,  62,  84,  106, 122, 152, 180, 213, 251, 287, 331, 362,
                             412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190,
                             1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};
constexpr int kBytesQ[40] = {11,  20,  32,  46,  60,  74,  86,  108, 130, 151, 177, 203, 241, 258,
                             292, 322, 364, 394, 442, 482, 509, 565, 611, 661, 715, 751, 805, 868,
                             908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663};

QrMatrix with_quiet_zone(const QRcode& code, int quiet_zone) {
  const int size = code.width + 2 * quiet_zone;
  std::vector<bool> dark(static_cast<std::size_t>(size) * size, false);
  for (int y = 0; y < code.width; ++y)
    for (int x = 0; x < code.width; ++x)
      dark[static_cast<std::size_t>(y + quiet_zone) * size + x + quiet_zone] = code.data[y * code.width + x] & 1;
  return QrMatrix(size, quiet_zone, code.version, std::move(dark));
}

}  // namespace

int qr_capacity(const QrOptions& options) {
  int version = std::clamp(options.max_version, 1, 40);
  return (options.level == QrLevel::Q ? kBytesQ : kBytesM)[version - 1];
}

const char* qr_level_name(QrLevel level) { return level == QrLevel::Q ? "Q" : "M"; }

std::string qr_encoder_version() {
  return QRcode_APIVersionString();
}

QrResult encode_qr(std::string_view payload, const QrOptions& options) {
  if (payload.empty()) return {std::nullopt, QrError::empty};
  if (static_cast<int>(payload.size()) > qr_capacity(options)) return {std::nullopt, QrError::too_long};
  // QRcode_encodeData takes raw bytes, so a NUL or any UTF-8 is kept as is.
  QrcodePtr code(QRcode_encodeData(static_cast<int>(payload.size()),
                                   reinterpret_cast<const unsigned char*>(payload.data()), 0,
                                   to_qrencode(options.level)));
  if (!code || code->version > options.max_version) return {std::nullopt, QrError::too_long};
  return {with_quiet_zone(*code, std::max(options.quiet_zone, 0)), QrError::none};
}

}  // namespace ck
