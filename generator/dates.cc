#include "dates.h"

#include <charconv>

namespace ck {
namespace {

bool read_number(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

bool read_bounded(std::string_view text, int max, int& out) {
  return text.size() == 2 && read_number(text, out) && out >= 0 && out <= max;
}

// "+07:00", "-05:30" or "Z" -> seconds east of UTC.
std::optional<long long> parse_offset(std::string_view text) {
  if (text == "Z") return 0;
  int h = 0, m = 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  if (!read_bounded(text.substr(1, 2), 14, h) || !read_bounded(text.substr(4, 2), 59, m)) return std::nullopt;
  return (text[0] == '-' ? -1 : 1) * (h * 3600LL + m * 60LL);
}

// "08:30" or "08:30:15", then an optional offset.
bool parse_time(std::string_view text, DateTime& out) {
  if (text.size() < 5 || text[2] != ':') return false;
  if (!read_bounded(text.substr(0, 2), 23, out.hour) || !read_bounded(text.substr(3, 2), 59, out.minute))
    return false;
  text.remove_prefix(5);
  if (text.size() >= 3 && text[0] == ':') {
    if (!read_bounded(text.substr(1, 2), 59, out.second)) return false;
    text.remove_prefix(3);
  }
  if (text.empty()) return true;
  auto offset = parse_offset(text);
  if (offset) out.offset = *offset;
  return offset.has_value();
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d;
  if (!read_number(text.substr(0, 4), d.year) || !read_number(text.substr(5, 2), d.month) ||
      !read_number(text.substr(8, 2), d.day))
    return std::nullopt;
  if (d.year < 1900 || d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string format_iso(const Date& date) {
  return std::to_string(date.year) + "-" + two_digits(date.month) + "-" + two_digits(date.day);
}

std::string format_vietnamese(const Date& date) {
  return std::to_string(date.day) + "/" + std::to_string(date.month) + "/" +
         std::to_string(date.year);
}

long long DateTime::utc_seconds() const {
  long long days = days_from_civil(date.year, date.month, date.day);
  return days * 86400 + hour * 3600LL + minute * 60LL + second - offset;
}

std::optional<DateTime> parse_iso_datetime(std::string_view text) {
  DateTime when;
  auto date = parse_iso_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  when.date = *date;
  if (text.size() == 10) return when;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (!parse_time(text.substr(11), when)) return std::nullopt;
  return when;
}

std::string format_rfc3339(const DateTime& when) {
  long long offset = when.offset < 0 ? -when.offset : when.offset;
  std::string zone = when.offset == 0 ? "Z"
                                      : std::string(when.offset < 0 ? "-" : "+") +
                                            two_digits(static_cast<int>(offset / 3600)) + ":" +
                                            two_digits(static_cast<int>(offset % 3600 / 60));
  return format_iso(when.date) + "T" + two_digits(when.hour) + ":" + two_digits(when.minute) + ":" +
         two_digits(when.second) + zone;
}

DateTime vietnam_time(long long utc_seconds) {
  long long local = utc_seconds + kVietnamOffset;
  long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  long long rest = local - days * 86400;
  DateTime when;
  when.date = civil_from_days(days);
  when.hour = static_cast<int>(rest / 3600);
  when.minute = static_cast<int>(rest % 3600 / 60);
  when.second = static_cast<int>(rest % 60);
  return when;
}

}  // namespace ck
