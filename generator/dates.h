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

}  // namespace ck
