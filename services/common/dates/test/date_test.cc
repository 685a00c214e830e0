#include "pif/dates/date.h"

#include <cstdint>
#include <sstream>
#include <string>

#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::dates {
namespace {

using ::testing::HasSubstr;

// The date of a YYYY-MM-DD literal (throws, failing the test, when it is not one).
Date D(const char* text) { return ParseDate(text).value(); }

TEST(IsLeapYearTest, FollowsTheGregorianRule) {
  struct Case {
    int year;
    bool leap;
  };
  const Case cases[] = {{1900, false}, {2000, true}, {2024, true},  {2023, false},
                        {2100, false}, {1600, true}, {2004, true},  {2019, false},
                        {1996, true},  {2400, true}, {1800, false}, {2028, true}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.year);
    EXPECT_EQ(IsLeapYear(c.year), c.leap);
  }
}

TEST(DaysInMonthTest, GivesEveryMonthLengthInCommonAndLeapYears) {
  const int common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int leap[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    SCOPED_TRACE(month);
    EXPECT_EQ(DaysInMonth(2023, month), common[month - 1]);
    EXPECT_EQ(DaysInMonth(1900, month), common[month - 1]);
    EXPECT_EQ(DaysInMonth(2024, month), leap[month - 1]);
    EXPECT_EQ(DaysInMonth(2000, month), leap[month - 1]);
  }
}

TEST(DaysInMonthTest, IsZeroForAMonthOutsideOneToTwelve) {
  EXPECT_EQ(DaysInMonth(2024, 0), 0);
  EXPECT_EQ(DaysInMonth(2024, 13), 0);
  EXPECT_EQ(DaysInMonth(2024, -1), 0);
}

TEST(DateTest, DefaultIsTheEpoch) {
  EXPECT_EQ(Date(), D("1970-01-01"));
  EXPECT_EQ(Date().days_since_epoch(), 0);
}

TEST(DateTest, CountsDaysFromTheEpoch) {
  EXPECT_EQ(D("1970-01-02").days_since_epoch(), 1);
  EXPECT_EQ(D("1969-12-31").days_since_epoch(), -1);
  EXPECT_EQ(D("2000-03-01").days_since_epoch(), 11017);
  EXPECT_EQ(D("2024-02-29").days_since_epoch(), 19782);
  EXPECT_EQ(D("1900-01-01").days_since_epoch(), -25567);
}

TEST(DateTest, FromYmdAcceptsCalendarDates) {
  struct Case {
    int y, m, d;
  };
  const Case cases[] = {{2024, 2, 29}, {2000, 2, 29}, {2023, 2, 28},  {2023, 12, 31},
                        {2023, 4, 30}, {1, 1, 1},     {9999, 12, 31}, {1900, 2, 28}};
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.y << "-" << c.m << "-" << c.d);
    const std::optional<Date> date = Date::FromYmd(c.y, c.m, c.d);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->year(), c.y);
    EXPECT_EQ(date->month(), c.m);
    EXPECT_EQ(date->day(), c.d);
  }
}

TEST(DateTest, FromYmdRejectsWhatIsNotACalendarDate) {
  struct Case {
    int y, m, d;
  };
  const Case cases[] = {{2023, 2, 29}, {1900, 2, 29}, {2100, 2, 29}, {2024, 2, 30},
                        {2023, 4, 31}, {2023, 6, 31}, {2023, 9, 31}, {2023, 11, 31},
                        {2023, 1, 32}, {2023, 1, 0},  {2023, 0, 1},  {2023, 13, 1},
                        {2023, -1, 1}, {0, 1, 1},     {10000, 1, 1}, {-5, 1, 1}};
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.y << "-" << c.m << "-" << c.d);
    EXPECT_FALSE(Date::FromYmd(c.y, c.m, c.d).has_value());
  }
}

// Every day of the years input may use agrees with absl's civil calendar, field by field.
TEST(DateTest, AgreesWithAbslCivilDayOnEveryDayFrom1900To2100) {
  const absl::CivilDay epoch(1970, 1, 1);
  const absl::CivilDay last(2100, 12, 31);
  int checked = 0;
  for (absl::CivilDay civil(1900, 1, 1); civil <= last; ++civil, ++checked) {
    const std::optional<Date> date =
        Date::FromYmd(static_cast<int>(civil.year()), civil.month(), civil.day());
    ASSERT_TRUE(date.has_value()) << civil;
    ASSERT_EQ(date->days_since_epoch(), civil - epoch) << civil;
    ASSERT_EQ(date->year(), civil.year()) << civil;
    ASSERT_EQ(date->month(), civil.month()) << civil;
    ASSERT_EQ(date->day(), civil.day()) << civil;
    const std::string text = absl::FormatCivilTime(civil);
    ASSERT_EQ(date->ToString(), text);
    ASSERT_EQ(ParseDate(text).value(), *date) << text;
    ASSERT_EQ(Date::FromDaysSinceEpoch(static_cast<std::int32_t>(civil - epoch)), *date);
  }
  EXPECT_EQ(checked, 73414);
}

TEST(DateTest, AgreesWithAbslCivilDayAcrossYearsOneTo9999) {
  const absl::CivilDay epoch(1970, 1, 1);
  const absl::CivilDay last(9999, 12, 31);
  for (absl::CivilDay civil(1, 1, 1); civil <= last; civil += 97) {
    const Date date = Date::FromDaysSinceEpoch(static_cast<std::int32_t>(civil - epoch));
    ASSERT_EQ(date.year(), civil.year()) << civil;
    ASSERT_EQ(date.month(), civil.month()) << civil;
    ASSERT_EQ(date.day(), civil.day()) << civil;
  }
  EXPECT_EQ(Date::FromYmd(9999, 12, 31)->days_since_epoch(), last - epoch);
  EXPECT_EQ(Date::FromYmd(1, 1, 1)->days_since_epoch(), absl::CivilDay(1, 1, 1) - epoch);
}

TEST(DateTest, ToStringPadsToFourDigitYearsAndTwoDigitMonthsAndDays) {
  EXPECT_EQ(Date::FromYmd(1, 1, 1)->ToString(), "0001-01-01");
  EXPECT_EQ(Date::FromYmd(999, 12, 31)->ToString(), "0999-12-31");
  EXPECT_EQ(Date::FromYmd(2023, 3, 5)->ToString(), "2023-03-05");
  EXPECT_EQ(Date::FromYmd(9999, 12, 31)->ToString(), "9999-12-31");
}

TEST(DateTest, StreamsAsYyyyMmDd) {
  std::ostringstream out;
  out << D("2024-02-29");
  EXPECT_EQ(out.str(), "2024-02-29");
}

TEST(DateTest, ComparesInCalendarOrder) {
  const Date a = D("2023-12-31");
  const Date b = D("2024-01-01");
  EXPECT_TRUE(a < b);
  EXPECT_TRUE(a <= b);
  EXPECT_TRUE(b > a);
  EXPECT_TRUE(b >= a);
  EXPECT_TRUE(a != b);
  EXPECT_FALSE(a == b);
  EXPECT_FALSE(b < a);
  EXPECT_FALSE(a > b);
  EXPECT_TRUE(a == D("2023-12-31"));
  EXPECT_TRUE(a <= D("2023-12-31"));
  EXPECT_TRUE(a >= D("2023-12-31"));
  EXPECT_FALSE(a < D("2023-12-31"));
}

TEST(DateTest, HashesEqualDatesEqually) {
  EXPECT_EQ(absl::Hash<Date>()(D("2024-02-29")), absl::Hash<Date>()(*Date::FromYmd(2024, 2, 29)));
  EXPECT_NE(absl::Hash<Date>()(D("2024-02-29")), absl::Hash<Date>()(D("2024-03-01")));
}

TEST(DateTest, AddDaysCrossesMonthsYearsAndLeapDays) {
  struct Case {
    const char* from;
    std::int32_t n;
    const char* to;
  };
  const Case cases[] = {
      {"2024-02-28", 1, "2024-02-29"},      {"2024-02-29", 1, "2024-03-01"},
      {"2023-02-28", 1, "2023-03-01"},      {"1900-02-28", 1, "1900-03-01"},
      {"2000-02-28", 1, "2000-02-29"},      {"2023-12-31", 1, "2024-01-01"},
      {"2024-01-01", -1, "2023-12-31"},     {"2024-03-01", -1, "2024-02-29"},
      {"2023-01-31", 0, "2023-01-31"},      {"2023-01-01", 365, "2024-01-01"},
      {"2024-01-01", 365, "2024-12-31"},    {"2024-01-01", 366, "2025-01-01"},
      {"2023-08-01", 183, "2024-01-31"},    {"2023-08-01", -28, "2023-07-04"},
      {"1970-01-01", -25567, "1900-01-01"}, {"1900-01-01", 73413, "2100-12-31"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.from << " + " << c.n);
    EXPECT_EQ(D(c.from).AddDays(c.n), D(c.to));
    EXPECT_EQ(DaysBetween(D(c.from), D(c.to)), c.n);
  }
}

TEST(DaysBetweenTest, IsSecondMinusFirst) {
  EXPECT_EQ(DaysBetween(D("2023-03-10"), D("2023-03-12")), 2);
  EXPECT_EQ(DaysBetween(D("2023-03-12"), D("2023-03-10")), -2);
  EXPECT_EQ(DaysBetween(D("2023-03-10"), D("2023-03-10")), 0);
  EXPECT_EQ(DaysBetween(D("2023-02-01"), D("2023-03-01")), 28);
  EXPECT_EQ(DaysBetween(D("2024-02-01"), D("2024-03-01")), 29);
}

TEST(DateTest, AddMonthsKeepsTheDayOrClampsToTheMonthsLastDay) {
  struct Case {
    const char* from;
    int n;
    const char* to;
  };
  const Case cases[] = {
      {"2024-01-31", 1, "2024-02-29"},  {"2023-01-31", 1, "2023-02-28"},
      {"1900-01-31", 1, "1900-02-28"},  {"2000-01-31", 1, "2000-02-29"},
      {"2023-03-31", 1, "2023-04-30"},  {"2023-05-31", 1, "2023-06-30"},
      {"2023-08-31", 1, "2023-09-30"},  {"2023-10-31", 1, "2023-11-30"},
      {"2023-01-30", 1, "2023-02-28"},  {"2024-01-29", 1, "2024-02-29"},
      {"2023-01-28", 1, "2023-02-28"},  {"2023-02-28", 1, "2023-03-28"},
      {"2024-02-29", 1, "2024-03-29"},  {"2024-02-29", 12, "2025-02-28"},
      {"2024-02-29", 48, "2028-02-29"}, {"2024-02-29", -12, "2023-02-28"},
      {"2024-03-31", -1, "2024-02-29"}, {"2023-03-31", -1, "2023-02-28"},
      {"2023-05-31", -3, "2023-02-28"}, {"2023-12-15", 1, "2024-01-15"},
      {"2024-01-15", -1, "2023-12-15"}, {"2023-08-01", 12, "2024-08-01"},
      {"2023-07-31", 0, "2023-07-31"},  {"2023-07-31", -13, "2022-06-30"},
      {"2023-01-31", 25, "2025-02-28"}, {"2023-12-31", -120, "2013-12-31"},
      {"2099-12-31", 2, "2100-02-28"},  {"1901-01-31", -11, "1900-02-28"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.from << " + " << c.n << " months");
    EXPECT_EQ(D(c.from).AddMonths(c.n), D(c.to));
  }
}

// Every day of 1996-2004 plus -25..25 months, against absl's civil months.
TEST(DateTest, AddMonthsAgreesWithAbslCivilMonthsClamped) {
  for (absl::CivilDay day(1996, 1, 1); day <= absl::CivilDay(2004, 12, 31); ++day) {
    const Date date = *Date::FromYmd(static_cast<int>(day.year()), day.month(), day.day());
    for (int n = -25; n <= 25; ++n) {
      const absl::CivilMonth target = absl::CivilMonth(day) + n;
      const int length = static_cast<int>(absl::CivilDay(target + 1) - absl::CivilDay(target));
      const int expected_day = day.day() < length ? day.day() : length;
      const Date got = date.AddMonths(n);
      ASSERT_EQ(got.year(), target.year()) << day << " + " << n;
      ASSERT_EQ(got.month(), target.month()) << day << " + " << n;
      ASSERT_EQ(got.day(), expected_day) << day << " + " << n;
    }
  }
}

TEST(DateDeathTest, ArithmeticLeavingYearsOneTo9999Aborts) {
  EXPECT_DEATH(Date::FromYmd(9999, 12, 31)->AddDays(1), "AddDays leaves the years 1-9999");
  EXPECT_DEATH(Date::FromYmd(1, 1, 1)->AddDays(-1), "AddDays leaves the years 1-9999");
  EXPECT_DEATH(Date::FromYmd(9999, 12, 1)->AddMonths(1), "AddMonths leaves the years 1-9999");
  EXPECT_DEATH(Date::FromYmd(1, 1, 31)->AddMonths(-1), "AddMonths leaves the years 1-9999");
  EXPECT_DEATH(Date::FromDaysSinceEpoch(2932897), "FromDaysSinceEpoch leaves");
}

TEST(ParseDateTest, AcceptsCalendarDatesInTheFormYyyyMmDd) {
  const char* accepted[] = {"2023-02-01", "2024-02-29", "2000-02-29", "1900-01-01",
                            "2100-12-31", "2023-12-31", "2023-04-30"};
  for (const char* text : accepted) {
    SCOPED_TRACE(text);
    const absl::StatusOr<Date> date = ParseDate(text);
    ASSERT_TRUE(date.ok()) << date.status();
    EXPECT_EQ(date->ToString(), text);
  }
}

TEST(ParseDateTest, RejectsWithAMessageNamingTheRule) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"2023-2-1", "\"2023-2-1\" is not a date in the form YYYY-MM-DD"},
      {"2023-02-1", "\"2023-02-1\" is not a date in the form YYYY-MM-DD"},
      {"20230201", "\"20230201\" is not a date in the form YYYY-MM-DD"},
      {" 2023-02-01", "\" 2023-02-01\" is not a date in the form YYYY-MM-DD"},
      {"2023-02-01 ", "\"2023-02-01 \" is not a date in the form YYYY-MM-DD"},
      {"2023-02-01x", "\"2023-02-01x\" is not a date in the form YYYY-MM-DD"},
      {"", "\"\" is not a date in the form YYYY-MM-DD"},
      {"2023/02/01", "\"2023/02/01\" is not a date in the form YYYY-MM-DD"},
      {"01-02-2023", "\"01-02-2023\" is not a date in the form YYYY-MM-DD"},
      {"2023-0a-01", "\"2023-0a-01\" is not a date in the form YYYY-MM-DD"},
      {"+023-02-01", "\"+023-02-01\" is not a date in the form YYYY-MM-DD"},
      {"2023-+2-01", "\"2023-+2-01\" is not a date in the form YYYY-MM-DD"},
      {"2023- 2-01", "\"2023- 2-01\" is not a date in the form YYYY-MM-DD"},
      {"2023-02-01T00:00", "\"2023-02-01T00:00\" is not a date in the form YYYY-MM-DD"},
      {std::string("2023-02-0\0", 10), "\"2023-02-0\\x00\" is not a date in the form YYYY-MM-DD"},
      {"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93-02-01",  // full-width digits
       "\"\\xef\\xbc\\x92\\xef\\xbc\\x90\\xef\\xbc\\x92\\xef\\xbc\\x93-02-01\" is not a date "
       "in the form YYYY-MM-DD"},
      {"2023-02-30", "2023-02-30 is not a calendar date"},
      {"2023-02-29", "2023-02-29 is not a calendar date"},
      {"1900-02-29", "1900-02-29 is not a calendar date"},
      {"2023-04-31", "2023-04-31 is not a calendar date"},
      {"2023-13-01", "2023-13-01 is not a calendar date"},
      {"2023-00-10", "2023-00-10 is not a calendar date"},
      {"2023-02-00", "2023-02-00 is not a calendar date"},
      {"1899-12-31", "1899-12-31 is outside the years 1900-2100"},
      {"2101-01-01", "2101-01-01 is outside the years 1900-2100"},
      {"0000-01-01", "0000-01-01 is outside the years 1900-2100"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Date> date = ParseDate(c.text);
    ASSERT_FALSE(date.ok()) << *date;
    EXPECT_EQ(date.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(date.status().message(), c.message);
  }
}

TEST(ParseDateTest, CutsALongInputInItsMessage) {
  const std::string text(500, '9');
  const absl::StatusOr<Date> date = ParseDate(text);
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.status().message(),
            "\"" + std::string(40, '9') + "...\" is not a date in the form YYYY-MM-DD");
  EXPECT_THAT(std::string(date.status().message()), HasSubstr("YYYY-MM-DD"));
}

}  // namespace
}  // namespace pif::dates
