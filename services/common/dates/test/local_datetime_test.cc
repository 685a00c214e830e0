#include "pif/dates/local_datetime.h"

#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "pif/dates/date.h"

namespace pif::dates {
namespace {

// The date of a YYYY-MM-DD literal (throws, failing the test, when it is not one).
Date D(const char* text) { return ParseDate(text).value(); }

// The wall time of a YYYY-MM-DDTHH:MM[:SS] literal (throws, failing the test, when it is not one).
LocalDateTime L(const char* text) { return ParseLocalDateTime(text).value(); }

// The instant y-m-d h:mi:s UTC.
absl::Time Utc(int y, int m, int d, int h, int mi, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, h, mi, s), absl::UTCTimeZone());
}

TEST(ParseLocalDateTimeTest, AcceptsMinutesOrSeconds) {
  const LocalDateTime a = L("2023-10-29T01:30");
  EXPECT_EQ(a.date(), D("2023-10-29"));
  EXPECT_EQ(a.hour(), 1);
  EXPECT_EQ(a.minute(), 30);
  EXPECT_EQ(a.second(), 0);
  const LocalDateTime b = L("2024-02-29T23:59:59");
  EXPECT_EQ(b.date(), D("2024-02-29"));
  EXPECT_EQ(b.hour(), 23);
  EXPECT_EQ(b.minute(), 59);
  EXPECT_EQ(b.second(), 59);
  EXPECT_EQ(L("2023-01-01T00:00"), L("2023-01-01T00:00:00"));
  EXPECT_EQ(L("1900-01-01T00:00").ToString(), "1900-01-01T00:00:00");
  EXPECT_EQ(L("2100-12-31T23:59:59").ToString(), "2100-12-31T23:59:59");
}

TEST(ParseLocalDateTimeTest, RejectsWithAMessageNamingTheRule) {
  const std::string form = " is not a date-time in the form YYYY-MM-DDTHH:MM[:SS]";
  const std::string clock = " is not a time of day (hour 00-23, minute 00-59, second 00-59)";
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"2023-10-29 01:30", "\"2023-10-29 01:30\"" + form},
      {"2023-10-29t01:30", "\"2023-10-29t01:30\"" + form},
      {"2023-10-29T1:30", "\"2023-10-29T1:30\"" + form},
      {"2023-10-29T01:3", "\"2023-10-29T01:3\"" + form},
      {"2023-10-29T01:30:5", "\"2023-10-29T01:30:5\"" + form},
      {"2023-10-29T01:30Z", "\"2023-10-29T01:30Z\"" + form},
      {"2023-10-29T01:30:00Z", "\"2023-10-29T01:30:00Z\"" + form},
      {"2023-10-29T01:30:00+01:00", "\"2023-10-29T01:30:00+01:00\"" + form},
      {"2023-10-29T01:30:00.000", "\"2023-10-29T01:30:00.000\"" + form},
      {"2023-10-29T01", "\"2023-10-29T01\"" + form},
      {"2023-10-29", "\"2023-10-29\"" + form},
      {"2023-10-29T", "\"2023-10-29T\"" + form},
      {"", "\"\"" + form},
      {" 2023-10-29T01:30", "\" 2023-10-29T01:30\"" + form},
      {"2023-10-29T01:30 ", "\"2023-10-29T01:30 \"" + form},
      {"2023-10-29T-1:30", "\"2023-10-29T-1:30\"" + form},
      {"2023-10-29T01-30", "\"2023-10-29T01-30\"" + form},
      {"2023-10-29T01:30-00", "\"2023-10-29T01:30-00\"" + form},
      {"2023-10-2xT01:30", "\"2023-10-2xT01:30\"" + form},
      {"2023/10/29T01:30", "\"2023/10/29T01:30\"" + form},
      {"20231029T013000", "\"20231029T013000\"" + form},
      {"2023-10-29T24:00", "2023-10-29T24:00" + clock},
      {"2023-10-29T23:60", "2023-10-29T23:60" + clock},
      {"2023-10-29T23:59:60", "2023-10-29T23:59:60" + clock},
      {"2023-10-29T99:99:99", "2023-10-29T99:99:99" + clock},
      {"2023-02-29T10:00", "2023-02-29T10:00 is not on a calendar date"},
      {"2023-13-01T10:00", "2023-13-01T10:00 is not on a calendar date"},
      {"1899-12-31T23:59", "1899-12-31T23:59 is outside the years 1900-2100"},
      {"2101-01-01T00:00", "2101-01-01T00:00 is outside the years 1900-2100"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<LocalDateTime> t = ParseLocalDateTime(c.text);
    ASSERT_FALSE(t.ok()) << *t;
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(t.status().message(), c.message);
  }
}

TEST(LocalDateTimeTest, OfRejectsFieldsOutOfRange) {
  const Date d = D("2023-10-29");
  EXPECT_FALSE(LocalDateTime::Of(d, 24, 0).has_value());
  EXPECT_FALSE(LocalDateTime::Of(d, -1, 0).has_value());
  EXPECT_FALSE(LocalDateTime::Of(d, 0, 60).has_value());
  EXPECT_FALSE(LocalDateTime::Of(d, 0, -1).has_value());
  EXPECT_FALSE(LocalDateTime::Of(d, 0, 0, 60).has_value());
  EXPECT_FALSE(LocalDateTime::Of(d, 0, 0, -1).has_value());
  ASSERT_TRUE(LocalDateTime::Of(d, 23, 59, 59).has_value());
  EXPECT_EQ(LocalDateTime::Of(d, 23, 59, 59)->ToString(), "2023-10-29T23:59:59");
  EXPECT_EQ(LocalDateTime::Of(d, 7, 5)->ToString(), "2023-10-29T07:05:00");
}

TEST(LocalDateTimeTest, StartOfIsMidnight) {
  EXPECT_EQ(LocalDateTime::StartOf(D("2023-08-01")), L("2023-08-01T00:00"));
}

TEST(LocalDateTimeTest, ItsLocalDateIsItsDateFieldEvenWhenUtcIsTheDayBefore) {
  const LocalDateTime t = L("2023-07-01T00:30");
  EXPECT_EQ(t.date(), D("2023-07-01"));
  EXPECT_EQ(ToInstant(t), Utc(2023, 6, 30, 23, 30));
}

TEST(LocalDateTimeTest, ComparesInWallClockOrder) {
  EXPECT_LT(L("2023-10-29T01:30"), L("2023-10-29T01:30:01"));
  EXPECT_LT(L("2023-10-28T23:59:59"), L("2023-10-29T00:00"));
  EXPECT_GT(L("2023-10-29T02:00"), L("2023-10-29T01:59:59"));
  EXPECT_LE(L("2023-10-29T02:00"), L("2023-10-29T02:00"));
  EXPECT_GE(L("2023-10-29T02:00"), L("2023-10-29T02:00"));
  EXPECT_NE(L("2023-10-29T02:00"), L("2023-10-29T02:01"));
}

TEST(LocalDateTimeTest, StreamsWithSeconds) {
  std::ostringstream out;
  out << L("2024-03-31T01:30");
  EXPECT_EQ(out.str(), "2024-03-31T01:30:00");
}

TEST(LondonTimeZoneTest, LoadsEuropeLondon) {
  EXPECT_EQ(LondonTimeZone().name(), "Europe/London");
  EXPECT_EQ(&LondonTimeZone(), &LondonTimeZone());
}

// Clocks go forward at 01:00 GMT (to 02:00 BST) on 2023-03-26 and 2024-03-31, and back at
// 02:00 BST (to 01:00 GMT) on 2023-10-29 and 2024-10-27.
TEST(ToInstantTest, GivesExactUtcInstantsAroundThe2023And2024ClockChanges) {
  enum Reading { kUnique, kSkipped, kRepeated };
  struct Case {
    const char* local;
    absl::Time utc;
    Reading reading;
  };
  const Case cases[] = {
      {"2023-01-15T12:00", Utc(2023, 1, 15, 12, 0), kUnique},
      {"2023-07-01T12:00", Utc(2023, 7, 1, 11, 0), kUnique},
      // 2023 spring: 01:00-01:59:59 does not exist and is read as GMT.
      {"2023-03-26T00:59:59", Utc(2023, 3, 26, 0, 59, 59), kUnique},
      {"2023-03-26T01:00", Utc(2023, 3, 26, 1, 0), kSkipped},
      {"2023-03-26T01:30", Utc(2023, 3, 26, 1, 30), kSkipped},
      {"2023-03-26T01:59:59", Utc(2023, 3, 26, 1, 59, 59), kSkipped},
      {"2023-03-26T02:00", Utc(2023, 3, 26, 1, 0), kUnique},
      {"2023-03-26T02:30", Utc(2023, 3, 26, 1, 30), kUnique},
      // 2023 autumn: 01:00-01:59:59 happens twice and is its first occurrence (BST).
      {"2023-10-29T00:59:59", Utc(2023, 10, 28, 23, 59, 59), kUnique},
      {"2023-10-29T01:00", Utc(2023, 10, 29, 0, 0), kRepeated},
      {"2023-10-29T01:30", Utc(2023, 10, 29, 0, 30), kRepeated},
      {"2023-10-29T01:59:59", Utc(2023, 10, 29, 0, 59, 59), kRepeated},
      {"2023-10-29T02:00", Utc(2023, 10, 29, 2, 0), kUnique},
      // 2024 spring.
      {"2024-03-31T00:30", Utc(2024, 3, 31, 0, 30), kUnique},
      {"2024-03-31T01:00", Utc(2024, 3, 31, 1, 0), kSkipped},
      {"2024-03-31T01:30", Utc(2024, 3, 31, 1, 30), kSkipped},
      {"2024-03-31T02:00", Utc(2024, 3, 31, 1, 0), kUnique},
      {"2024-03-31T02:30", Utc(2024, 3, 31, 1, 30), kUnique},
      // 2024 autumn.
      {"2024-10-27T00:30", Utc(2024, 10, 26, 23, 30), kUnique},
      {"2024-10-27T01:00", Utc(2024, 10, 27, 0, 0), kRepeated},
      {"2024-10-27T01:30", Utc(2024, 10, 27, 0, 30), kRepeated},
      {"2024-10-27T01:59:59", Utc(2024, 10, 27, 0, 59, 59), kRepeated},
      {"2024-10-27T02:00", Utc(2024, 10, 27, 2, 0), kUnique},
      {"2024-10-27T02:30", Utc(2024, 10, 27, 2, 30), kUnique},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.local);
    const LocalDateTime t = L(c.local);
    EXPECT_EQ(ToInstant(t), c.utc) << absl::FormatTime(ToInstant(t), absl::UTCTimeZone());
    // The case really sits where the table says (guards against a tzdata surprise).
    const absl::CivilSecond civil(t.date().year(), t.date().month(), t.date().day(), t.hour(),
                                  t.minute(), t.second());
    const auto kind = LondonTimeZone().At(civil).kind;
    switch (c.reading) {
      case kUnique:
        EXPECT_EQ(kind, absl::TimeZone::TimeInfo::UNIQUE);
        break;
      case kSkipped:
        EXPECT_EQ(kind, absl::TimeZone::TimeInfo::SKIPPED);
        break;
      case kRepeated:
        EXPECT_EQ(kind, absl::TimeZone::TimeInfo::REPEATED);
        break;
    }
  }
}

// Every quarter hour of 2023 and 2024: a unique wall time reads back to itself, a repeated one is
// BST (UTC+1) and a skipped one is GMT (UTC+0); exactly one hour a year is skipped and one
// repeated.
TEST(ToInstantTest, FollowsTheRuleOnEveryQuarterHourOf2023And2024) {
  const absl::TimeZone& london = LondonTimeZone();
  for (int year : {2023, 2024}) {
    int skipped = 0;
    int repeated = 0;
    for (absl::CivilMinute m(year, 1, 1, 0, 0); m < absl::CivilMinute(year + 1, 1, 1, 0, 0);
         m += 15) {
      const LocalDateTime t = *LocalDateTime::Of(
          *Date::FromYmd(static_cast<int>(m.year()), m.month(), m.day()), m.hour(), m.minute());
      const absl::Time instant = ToInstant(t);
      const absl::Time as_utc = absl::FromCivil(absl::CivilSecond(m), absl::UTCTimeZone());
      switch (london.At(absl::CivilSecond(m)).kind) {
        case absl::TimeZone::TimeInfo::UNIQUE:
          ASSERT_EQ(absl::ToCivilSecond(instant, london), absl::CivilSecond(m)) << m;
          break;
        case absl::TimeZone::TimeInfo::SKIPPED:
          ++skipped;
          ASSERT_EQ(instant, as_utc) << m;
          break;
        case absl::TimeZone::TimeInfo::REPEATED:
          ++repeated;
          ASSERT_EQ(instant, as_utc - absl::Hours(1)) << m;
          ASSERT_EQ(absl::ToCivilSecond(instant, london), absl::CivilSecond(m)) << m;
          ASSERT_EQ(absl::ToCivilSecond(instant + absl::Hours(1), london), absl::CivilSecond(m))
              << m << " occurs a second time an hour later";
          break;
      }
    }
    EXPECT_EQ(skipped, 4) << year;
    EXPECT_EQ(repeated, 4) << year;
  }
}

TEST(ElapsedBetweenTest, IsRealTimeAcrossClockChanges) {
  struct Case {
    const char* from;
    const char* to;
    absl::Duration elapsed;
  };
  const Case cases[] = {
      // Noon to noon is 23 hours over the spring change and 25 over the autumn one.
      {"2023-03-25T12:00", "2023-03-26T12:00", absl::Hours(23)},
      {"2023-10-28T12:00", "2023-10-29T12:00", absl::Hours(25)},
      {"2024-03-30T12:00", "2024-03-31T12:00", absl::Hours(23)},
      {"2024-10-26T12:00", "2024-10-27T12:00", absl::Hours(25)},
      {"2023-07-01T10:00", "2023-07-02T10:00", absl::Hours(24)},
      {"2023-01-01T10:00", "2023-01-02T10:00", absl::Hours(24)},
      {"2023-01-01T10:00", "2023-01-01T10:00", absl::ZeroDuration()},
      {"2023-01-01T10:00", "2023-01-01T10:00:01", absl::Seconds(1)},
      {"2023-07-02T10:00", "2023-07-01T10:00", -absl::Hours(24)},
      {"2023-03-26T00:30", "2023-03-26T02:30", absl::Hours(1)},
      {"2023-10-29T00:30", "2023-10-29T01:30", absl::Hours(1)},
      {"2023-10-29T01:30", "2023-10-29T02:00", absl::Minutes(90)},
      {"2023-10-29T00:30", "2023-10-29T02:30", absl::Hours(3)},
      // A skipped time read as GMT can be later than the valid time just after the gap.
      {"2023-03-26T01:30", "2023-03-26T02:00", -absl::Minutes(30)},
      // From a start to 00:00 on the next day across the spring change.
      {"2023-03-25T23:00", "2023-03-27T00:00", absl::Hours(24)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.from << " -> " << c.to);
    EXPECT_EQ(ElapsedBetween(L(c.from), L(c.to)), c.elapsed);
  }
}

}  // namespace
}  // namespace pif::dates
