// Numbers written the Vietnamese way: "." groups thousands, "," marks
// decimals (2.528; 97,87). Rates are kept as whole hundredths of a percent so
// that rounding happens once, on integers, and never drifts.
#pragma once

#include <string>

namespace ck {

// 2528 -> "2.528"; -1234 -> "-1.234".
std::string vn_count(long long n);
// 9787 hundredths -> "97,87"; always two decimals.
std::string vn_hundredths(long long hundredths);
// 9787 -> "97.87": the same value for machine-readable files.
std::string dot_hundredths(long long hundredths);
// numerator ÷ denominator × scale, rounded half away from zero. The
// denominator must be positive.
long long round_ratio(long long numerator, long long denominator, long long scale);

}  // namespace ck
