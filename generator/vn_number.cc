#include "vn_number.h"

#include <cstdlib>

namespace ck {
namespace {

std::string group_thousands(unsigned long long n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string with_decimals(long long hundredths, char thousands, char decimal) {
  unsigned long long magnitude = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                : static_cast<unsigned long long>(hundredths);
  std::string whole = thousands ? group_thousands(magnitude / 100) : std::to_string(magnitude / 100);
  unsigned long long cents = magnitude % 100;
  return std::string(hundredths < 0 ? "-" : "") + whole + decimal + static_cast<char>('0' + cents / 10) +
         static_cast<char>('0' + cents % 10);
}

}  // namespace

std::string vn_count(long long n) {
  if (n >= 0) return group_thousands(static_cast<unsigned long long>(n));
  return "-" + group_thousands(0ULL - static_cast<unsigned long long>(n));
}

std::string vn_hundredths(long long hundredths) {
  return with_decimals(hundredths, '.', ',');
}

std::string dot_hundredths(long long hundredths) {
  return with_decimals(hundredths, 0, '.');
}

long long round_ratio(long long numerator, long long denominator, long long scale) {
  // Twice the scaled quotient, plus one denominator, halved: exact half-up on
  // magnitudes, then the sign is put back (half away from zero).
  bool negative = numerator < 0;
  __int128 scaled = static_cast<__int128>(negative ? -numerator : numerator) * scale;
  __int128 rounded = (2 * scaled + denominator) / (2 * static_cast<__int128>(denominator));
  return negative ? -static_cast<long long>(rounded) : static_cast<long long>(rounded);
}

}  // namespace ck
