// Trend periods moved back by whole years, and changes judged by polarity.
#include "pif/reporting/domain/trend.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::reporting {
namespace {

dates::Date D(int year, int month, int day) { return *dates::Date::FromYmd(year, month, day); }

std::vector<std::string> Texts(const std::vector<figures::Period>& periods) {
  std::vector<std::string> texts;
  for (const figures::Period& period : periods) {
    texts.push_back(period.first.ToString() + ".." + period.last.ToString());
  }
  return texts;
}

TEST(TrendPeriodsTest, FiveClasYearsEndingWithTheRequestedOneOldestFirst) {
  EXPECT_THAT(Texts(TrendPeriods({D(2023, 8, 1), D(2024, 7, 31)}, 5)),
              ::testing::ElementsAre("2019-08-01..2020-07-31", "2020-08-01..2021-07-31",
                                     "2021-08-01..2022-07-31", "2022-08-01..2023-07-31",
                                     "2023-08-01..2024-07-31"));
}

TEST(TrendPeriodsTest, AMonthEndLastDayStaysAtTheMonthsEndInALeapYear) {
  EXPECT_THAT(Texts(TrendPeriods({D(2024, 3, 1), D(2025, 2, 28)}, 2)),
              ::testing::ElementsAre("2023-03-01..2024-02-29", "2024-03-01..2025-02-28"));
}

TEST(TrendPeriodsTest, ADayMissingInTheEarlierYearBecomesItsMonthsLastDay) {
  EXPECT_THAT(Texts(TrendPeriods({D(2024, 2, 29), D(2024, 6, 30)}, 2)),
              ::testing::ElementsAre("2023-02-28..2023-06-30", "2024-02-29..2024-06-30"));
}

TEST(TrendPeriodsTest, CountIsClampedToOneToFive) {
  EXPECT_EQ(TrendPeriods({D(2023, 8, 1), D(2024, 7, 31)}, 9).size(), 5u);
  EXPECT_EQ(TrendPeriods({D(2023, 8, 1), D(2024, 7, 31)}, 0).size(), 1u);
}

v1::TrendPoint Point(std::optional<double> value, const std::string& version = "1") {
  v1::TrendPoint point;
  if (value.has_value()) {
    point.mutable_value()->set_value(*value);
  } else {
    point.mutable_value()->set_withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  }
  point.set_definition_version(version);
  return point;
}

TEST(ChangeBetweenTest, HigherIsBetterImprovesWhenTheValueRises) {
  const v1::TrendPoint before = Point(40.0);
  EXPECT_EQ(ChangeBetween(&before, Point(41.5), common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_IMPROVED);
  EXPECT_EQ(ChangeBetween(&before, Point(39.9), common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_WORSENED);
}

TEST(ChangeBetweenTest, LowerIsBetterImprovesWhenTheValueFalls) {
  const v1::TrendPoint before = Point(12.0);
  EXPECT_EQ(ChangeBetween(&before, Point(10.0), common::v1::POLARITY_LOWER_IS_BETTER),
            v1::CHANGE_IMPROVED);
  EXPECT_EQ(ChangeBetween(&before, Point(12.1), common::v1::POLARITY_LOWER_IS_BETTER),
            v1::CHANGE_WORSENED);
}

TEST(ChangeBetweenTest, NeutralPolarityOnlyMoves) {
  const v1::TrendPoint before = Point(3.0);
  EXPECT_EQ(ChangeBetween(&before, Point(4.0), common::v1::POLARITY_NEUTRAL), v1::CHANGE_MOVED);
}

TEST(ChangeBetweenTest, EqualToTheDecimalShownIsTheSame) {
  const v1::TrendPoint before = Point(33.3);
  EXPECT_EQ(ChangeBetween(&before, Point(33.3), common::v1::POLARITY_LOWER_IS_BETTER),
            v1::CHANGE_SAME);
}

TEST(ChangeBetweenTest, NoPreviousAWithheldValueOrANewDefinitionIsNotComparable) {
  const v1::TrendPoint shown = Point(20.0);
  const v1::TrendPoint withheld = Point(std::nullopt);
  EXPECT_EQ(ChangeBetween(nullptr, shown, common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_NOT_COMPARABLE);
  EXPECT_EQ(ChangeBetween(&withheld, shown, common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_NOT_COMPARABLE);
  EXPECT_EQ(ChangeBetween(&shown, withheld, common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_NOT_COMPARABLE);
  const v1::TrendPoint redefined = Point(30.0, "2");
  EXPECT_EQ(ChangeBetween(&shown, redefined, common::v1::POLARITY_HIGHER_IS_BETTER),
            v1::CHANGE_NOT_COMPARABLE);
}

TEST(ChangeBetweenTest, MeasuresCompareLikePercentages) {
  v1::TrendPoint before;
  before.mutable_measure()->set_value(9.5);
  v1::TrendPoint now;
  now.mutable_measure()->set_value(8.0);
  EXPECT_EQ(ChangeBetween(&before, now, common::v1::POLARITY_LOWER_IS_BETTER), v1::CHANGE_IMPROVED);
}

}  // namespace
}  // namespace pif::reporting
