#include "pif/dates/year_month.h"

#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "pif/dates/date.h"

namespace pif::dates {
namespace {

// The date of a YYYY-MM-DD literal (throws, failing the test, when it is not one).
Date D(const char* text) { return ParseDate(text).value(); }

// The month of a YYYY-MM literal (throws, failing the test, when it is not one).
YearMonth M(const char* text) { return ParseYearMonth(text).value(); }

TEST(YearMonthTest, FirstAndLastDayOfEveryMonth) {
  struct Case {
    const char* month;
    const char* first;
    const char* last;
  };
  const Case cases[] = {
      {"2023-01", "2023-01-01", "2023-01-31"}, {"2023-02", "2023-02-01", "2023-02-28"},
      {"2023-03", "2023-03-01", "2023-03-31"}, {"2023-04", "2023-04-01", "2023-04-30"},
      {"2023-05", "2023-05-01", "2023-05-31"}, {"2023-06", "2023-06-01", "2023-06-30"},
      {"2023-07", "2023-07-01", "2023-07-31"}, {"2023-08", "2023-08-01", "2023-08-31"},
      {"2023-09", "2023-09-01", "2023-09-30"}, {"2023-10", "2023-10-01", "2023-10-31"},
      {"2023-11", "2023-11-01", "2023-11-30"}, {"2023-12", "2023-12-01", "2023-12-31"},
      {"2024-02", "2024-02-01", "2024-02-29"}, {"2000-02", "2000-02-01", "2000-02-29"},
      {"1900-02", "1900-02-01", "1900-02-28"}, {"2100-02", "2100-02-01", "2100-02-28"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.month);
    const YearMonth ym = M(c.month);
    EXPECT_EQ(ym.first_day(), D(c.first));
    EXPECT_EQ(ym.last_day(), D(c.last));
    EXPECT_EQ(ym.ToString(), c.month);
  }
}

TEST(YearMonthTest, OfRejectsMonthsAndYearsOutOfRange) {
  EXPECT_FALSE(YearMonth::Of(2023, 0).has_value());
  EXPECT_FALSE(YearMonth::Of(2023, 13).has_value());
  EXPECT_FALSE(YearMonth::Of(0, 1).has_value());
  EXPECT_FALSE(YearMonth::Of(10000, 1).has_value());
  ASSERT_TRUE(YearMonth::Of(2023, 12).has_value());
  EXPECT_EQ(YearMonth::Of(2023, 12)->year(), 2023);
  EXPECT_EQ(YearMonth::Of(2023, 12)->month(), 12);
}

TEST(YearMonthTest, ContainingGivesTheMonthOfADate) {
  EXPECT_EQ(YearMonth::Containing(D("2024-02-29")), M("2024-02"));
  EXPECT_EQ(YearMonth::Containing(D("2023-12-31")), M("2023-12"));
  EXPECT_EQ(YearMonth::Containing(D("2024-01-01")), M("2024-01"));
}

TEST(YearMonthTest, AddMonthsCrossesYearEnds) {
  EXPECT_EQ(M("2023-12").AddMonths(1), M("2024-01"));
  EXPECT_EQ(M("2024-01").AddMonths(-1), M("2023-12"));
  EXPECT_EQ(M("2023-08").AddMonths(11), M("2024-07"));
  EXPECT_EQ(M("2023-08").AddMonths(-25), M("2021-07"));
  EXPECT_EQ(M("2023-08").AddMonths(0), M("2023-08"));
  EXPECT_EQ(M("2023-01").AddMonths(-12), M("2022-01"));
  EXPECT_EQ(M("2023-01").AddMonths(-13), M("2021-12"));
}

TEST(YearMonthTest, ComparesInCalendarOrder) {
  EXPECT_LT(M("2023-12"), M("2024-01"));
  EXPECT_LE(M("2023-12"), M("2023-12"));
  EXPECT_GT(M("2024-01"), M("2023-12"));
  EXPECT_GE(M("2024-01"), M("2024-01"));
  EXPECT_NE(M("2024-01"), M("2023-01"));
  EXPECT_FALSE(M("2024-01") < M("2023-12"));
}

TEST(YearMonthTest, StreamsAsYyyyMm) {
  std::ostringstream out;
  out << M("2024-02");
  EXPECT_EQ(out.str(), "2024-02");
}

TEST(YearMonthDeathTest, AddMonthsLeavingYearsOneTo9999Aborts) {
  EXPECT_DEATH(YearMonth::Of(9999, 12)->AddMonths(1), "leaves the years 1-9999");
  EXPECT_DEATH(YearMonth::Of(1, 1)->AddMonths(-1), "leaves the years 1-9999");
}

TEST(ParseYearMonthTest, RejectsWithAMessageNamingTheRule) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"2023-8", "\"2023-8\" is not a month in the form YYYY-MM"},
      {"202308", "\"202308\" is not a month in the form YYYY-MM"},
      {"2023-08-01", "\"2023-08-01\" is not a month in the form YYYY-MM"},
      {" 2023-08", "\" 2023-08\" is not a month in the form YYYY-MM"},
      {"2023/08", "\"2023/08\" is not a month in the form YYYY-MM"},
      {"", "\"\" is not a month in the form YYYY-MM"},
      {"2023-13", "2023-13 is not a calendar month"},
      {"2023-00", "2023-00 is not a calendar month"},
      {"1899-12", "1899-12 is outside the years 1900-2100"},
      {"2101-01", "2101-01 is outside the years 1900-2100"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<YearMonth> ym = ParseYearMonth(c.text);
    ASSERT_FALSE(ym.ok()) << *ym;
    EXPECT_EQ(ym.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(ym.status().message(), c.message);
  }
}

}  // namespace
}  // namespace pif::dates
