#include "pif/dates/age.h"

#include <optional>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "pif/dates/date.h"

namespace pif::dates {
namespace {

// The date of a YYYY-MM-DD literal (throws, failing the test, when it is not one).
Date D(const char* text) { return ParseDate(text).value(); }

TEST(AnniversaryInTest, MovesTwentyNinthFebruaryToFirstMarchInCommonYears) {
  struct Case {
    const char* from;
    int year;
    const char* anniversary;
  };
  const Case cases[] = {
      {"2008-02-29", 2023, "2023-03-01"}, {"2008-02-29", 2024, "2024-02-29"},
      {"2008-02-29", 2100, "2100-03-01"}, {"2008-02-29", 2000, "2000-02-29"},
      {"2008-02-29", 1900, "1900-03-01"}, {"2008-03-01", 2023, "2023-03-01"},
      {"2008-03-01", 2024, "2024-03-01"}, {"2007-02-28", 2024, "2024-02-28"},
      {"2007-02-28", 2023, "2023-02-28"}, {"2010-12-31", 2023, "2023-12-31"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.from << " in " << c.year);
    EXPECT_EQ(AnniversaryIn(D(c.from), c.year), D(c.anniversary));
  }
}

TEST(CompletedYearsTest, CountsBirthdaysOnTheDayBeforeOfAndAfter) {
  struct Case {
    const char* dob;
    const char* on;
    int years;
  };
  const Case cases[] = {
      // 29 February birthday, leap target year: the birthday is 29 February.
      {"2008-02-29", "2024-02-28", 15},
      {"2008-02-29", "2024-02-29", 16},
      {"2008-02-29", "2024-03-01", 16},
      // 29 February birthday, common target year: the birthday is 1 March.
      {"2008-02-29", "2023-02-28", 14},
      {"2008-02-29", "2023-03-01", 15},
      {"2008-02-29", "2023-03-02", 15},
      {"2008-02-29", "2009-02-28", 0},
      {"2008-02-29", "2009-03-01", 1},
      {"2008-02-29", "2008-02-29", 0},
      {"2004-02-29", "2100-02-28", 95},
      {"2004-02-29", "2100-03-01", 96},
      {"1904-02-29", "1905-02-28", 0},
      {"1904-02-29", "1905-03-01", 1},
      // 1 March and 28 February birthdays around a leap day.
      {"2007-03-01", "2023-02-28", 15},
      {"2007-03-01", "2023-03-01", 16},
      {"2007-03-01", "2024-02-29", 16},
      {"2007-03-01", "2024-03-01", 17},
      {"2007-02-28", "2024-02-27", 16},
      {"2007-02-28", "2024-02-28", 17},
      {"2007-02-28", "2024-02-29", 17},
      // Ordinary birthdays.
      {"2010-06-15", "2023-06-14", 12},
      {"2010-06-15", "2023-06-15", 13},
      {"2010-06-15", "2023-06-16", 13},
      {"2005-12-31", "2023-12-30", 17},
      {"2005-12-31", "2023-12-31", 18},
      {"2005-12-31", "2024-01-01", 18},
      {"2005-01-01", "2022-12-31", 17},
      {"2005-01-01", "2023-01-01", 18},
      {"2023-07-31", "2023-07-31", 0},
      {"2023-07-30", "2023-07-31", 0},
      {"2022-07-31", "2023-07-30", 0},
      {"2022-07-31", "2023-07-31", 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.dob << " on " << c.on);
    EXPECT_EQ(CompletedYears(D(c.dob), D(c.on)), c.years);
    EXPECT_EQ(YearsOfService(D(c.dob), D(c.on)), c.years);
  }
}

// Reference: a year is completed once (month, day) of `on` reaches that of `from`; under this
// reading 29 February is reached on 1 March in a common year.
TEST(CompletedYearsTest, AgreesWithMonthDayComparisonForEveryPairOfDays) {
  for (absl::CivilDay from(1999, 1, 1); from <= absl::CivilDay(2001, 3, 31); ++from) {
    const Date f = *Date::FromYmd(static_cast<int>(from.year()), from.month(), from.day());
    for (absl::CivilDay on(2015, 1, 1); on <= absl::CivilDay(2017, 12, 31); ++on) {
      const Date o = *Date::FromYmd(static_cast<int>(on.year()), on.month(), on.day());
      const bool before_birthday =
          on.month() < from.month() || (on.month() == from.month() && on.day() < from.day());
      const int expected = static_cast<int>(on.year() - from.year()) - (before_birthday ? 1 : 0);
      ASSERT_EQ(CompletedYears(f, o), expected) << from << " on " << on;
    }
  }
}

TEST(AgeOnTest, IsNoAgeWithoutADateOfBirth) {
  EXPECT_EQ(AgeOn(std::nullopt, D("2023-07-31")), std::nullopt);
}

TEST(AgeOnTest, IsNoAgeWhenBornAfterTheDay) {
  EXPECT_EQ(AgeOn(D("2023-08-01"), D("2023-07-31")), std::nullopt);
  EXPECT_EQ(AgeOn(D("2030-01-01"), D("2023-07-31")), std::nullopt);
}

TEST(AgeOnTest, IsZeroOnTheDayOfBirth) { EXPECT_EQ(AgeOn(D("2023-07-31"), D("2023-07-31")), 0); }

TEST(AgeOnTest, IsCompletedYears) {
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2023-02-28")), 14);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2023-03-01")), 15);
  EXPECT_EQ(AgeOn(D("2008-02-29"), D("2024-02-29")), 16);
  EXPECT_EQ(AgeOn(D("2005-08-01"), D("2023-07-31")), 17);
  EXPECT_EQ(AgeOn(D("2005-07-31"), D("2023-07-31")), 18);
}

TEST(CompletedYearsDeathTest, AbortsWhenTheDayIsBeforeTheStart) {
  EXPECT_DEATH(CompletedYears(D("2023-08-01"), D("2023-07-31")), "before the start");
}

}  // namespace
}  // namespace pif::dates
