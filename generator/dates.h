// Calendar dates as editors write them (ISO 8601) and as citizens read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ck {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

// "2023-05-25" -> Date; nullopt for any other shape or an impossible day.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso(const Date& date);         // "2023-05-25"
std::string format_vietnamese(const Date& date);  // "25/5/2023"

// Vietnam's offset from UTC, in seconds: a time written without an offset is
// Vietnam time, never UTC.
inline constexpr long long kVietnamOffset = 7 * 3600;

// An instant as editors write it: a date, or a date and time, with the
// offset it was written in (Vietnam's when none was written).
struct DateTime {
  Date date;
  int hour = 0, minute = 0, second = 0;
  long long offset = kVietnamOffset;  // seconds east of UTC
  long long utc_seconds() const;      // since 1970-01-01T00:00:00Z
  auto operator<=>(const DateTime& other) const { return utc_seconds() <=> other.utc_seconds(); }
  bool operator==(const DateTime& other) const { return utc_seconds() == other.utc_seconds(); }
};

// "2023-05-25", "2023-05-25T08:30", "2023-05-25 08:30:00+07:00",
// "2023-05-25T01:30:00Z"; nullopt for any other shape.
std::optional<DateTime> parse_iso_datetime(std::string_view text);
// RFC 3339 in the instant's own offset: "2023-05-25T08:30:00+07:00".
std::string format_rfc3339(const DateTime& when);
// The instant `utc_seconds` as a calendar moment in Vietnam.
DateTime vietnam_time(long long utc_seconds);

}  // namespace ck
