#include "dates.h"

#include <gtest/gtest.h>

namespace ck {
namespace {

long long utc(const char* text) {
  return parse_iso_datetime(text).value().utc_seconds();
}

TEST(Dates, DateWithoutOffsetIsVietnamMidnightNotUtc) {
  // 2023-05-25 00:00 in Vietnam is 2023-05-24 17:00 UTC.
  EXPECT_EQ(utc("2023-05-25"), utc("2023-05-24T17:00:00Z"));
  EXPECT_EQ(utc("2023-05-25T00:00"), utc("2023-05-25T00:00:00+07:00"));
  EXPECT_NE(utc("2023-05-25"), utc("2023-05-25T00:00:00Z"));
}

TEST(Dates, UtcEveningIsTheNextDayInVietnam) {
  DateTime late = vietnam_time(utc("2023-05-24T17:00:00Z"));
  EXPECT_EQ(format_vietnamese(late.date), "25/5/2023");
  EXPECT_EQ(late.hour, 0);
  DateTime before = vietnam_time(utc("2023-05-24T16:59:59Z"));
  EXPECT_EQ(format_vietnamese(before.date), "24/5/2023");
  EXPECT_EQ(before.hour, 23);
}

TEST(Dates, MidnightAcrossAYearAndALeapDay) {
  EXPECT_EQ(format_vietnamese(vietnam_time(utc("2023-12-31T17:00:00Z")).date), "1/1/2024");
  EXPECT_EQ(format_vietnamese(vietnam_time(utc("2024-02-28T17:00:00Z")).date), "29/2/2024");
  EXPECT_EQ(format_vietnamese(vietnam_time(utc("1969-12-31T17:00:00Z")).date), "1/1/1970");
}

TEST(Dates, AcceptedShapes) {
  EXPECT_EQ(format_rfc3339(parse_iso_datetime("2023-05-25").value()), "2023-05-25T00:00:00+07:00");
  EXPECT_EQ(format_rfc3339(parse_iso_datetime("2023-05-25 08:30").value()), "2023-05-25T08:30:00+07:00");
  EXPECT_EQ(format_rfc3339(parse_iso_datetime("2023-05-25T08:30:15Z").value()), "2023-05-25T08:30:15Z");
  EXPECT_EQ(format_rfc3339(parse_iso_datetime("2023-05-25T08:30-05:30").value()),
            "2023-05-25T08:30:00-05:30");
}

TEST(Dates, RejectedShapes) {
  for (const char* bad : {"25/5/2023", "2023-02-30", "2023-05-25T24:00", "2023-05-25T08", "2023-05-25T08:60",
                          "2023-05-25T08:30+7", "2023-05-25x08:30", "2023-05-25T08:30:00 ", ""})
    EXPECT_FALSE(parse_iso_datetime(bad)) << bad;
}

TEST(Dates, RoundTripThroughVietnamTime) {
  long long t = utc("2023-05-31T16:30");
  EXPECT_EQ(vietnam_time(t).utc_seconds(), t);
  EXPECT_EQ(format_rfc3339(vietnam_time(t)), "2023-05-31T16:30:00+07:00");
}

}  // namespace
}  // namespace ck
