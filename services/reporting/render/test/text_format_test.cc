#include "text_format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace pif::report_render {
namespace {

common::v1::Date Day(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

TEST(ReportTextFormat, OneDecimalWritesExactlyOneDecimalRoundingHalfAwayFromZero) {
  EXPECT_EQ(OneDecimal(12.5), "12.5");
  EXPECT_EQ(OneDecimal(100.0), "100.0");
  EXPECT_EQ(OneDecimal(0.0), "0.0");
  EXPECT_EQ(OneDecimal(0.25), "0.3");
  EXPECT_EQ(OneDecimal(-0.25), "-0.3");
  EXPECT_EQ(OneDecimal(-0.04), "0.0");
  EXPECT_EQ(OneDecimal(82.85714), "82.9");
  EXPECT_EQ(OneDecimal(std::numeric_limits<double>::quiet_NaN()), "n/a");
}

TEST(ReportTextFormat, GroupedIntegerSeparatesThousands) {
  EXPECT_EQ(GroupedInteger(7), "7");
  EXPECT_EQ(GroupedInteger(999), "999");
  EXPECT_EQ(GroupedInteger(1000), "1,000");
  EXPECT_EQ(GroupedInteger(1234567), "1,234,567");
  EXPECT_EQ(GroupedInteger(-1000), "-1,000");
  EXPECT_EQ(GroupedInteger(std::numeric_limits<int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(ReportTextFormat, DatesAndPeriods) {
  common::v1::Period period;
  *period.mutable_first_day() = Day(2023, 8, 1);
  *period.mutable_last_day() = Day(2024, 7, 31);
  EXPECT_EQ(IsoDate(Day(2024, 7, 3)), "2024-07-03");
  EXPECT_EQ(LongDate(Day(2024, 7, 3)), "3 July 2024");
  EXPECT_EQ(PeriodText(period), "1 August 2023 to 31 July 2024");
  EXPECT_EQ(PeriodShortLabel(period), "2023/24");
  *period.mutable_first_day() = Day(1999, 8, 1);
  *period.mutable_last_day() = Day(2000, 7, 31);
  EXPECT_EQ(PeriodShortLabel(period), "1999/00");
  *period.mutable_first_day() = Day(2024, 1, 1);
  *period.mutable_last_day() = Day(2024, 3, 31);
  EXPECT_EQ(PeriodShortLabel(period), "Mar 2024");
}

TEST(ReportTextFormat, TimestampsAreUtcAndAnUnsetOneIsSaid) {
  google::protobuf::Timestamp timestamp;
  EXPECT_EQ(TimestampText(timestamp), "not recorded");
  timestamp.set_seconds(1725273000);
  EXPECT_EQ(TimestampText(timestamp), "2024-09-02 10:30:00 UTC");
}

TEST(ReportTextFormat, FiguresOfEveryState) {
  Figure percentage;
  percentage.state = Figure::State::kValue;
  percentage.percentage = true;
  percentage.value = 12.5;
  EXPECT_EQ(FigureText(percentage), "12.5%");
  Figure measure = percentage;
  measure.percentage = false;
  EXPECT_EQ(FigureText(measure), "12.5");
  Figure withheld;
  withheld.state = Figure::State::kWithheld;
  withheld.withheld = common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD;
  EXPECT_EQ(FigureText(withheld), "c");
  EXPECT_EQ(FigureSpoken(withheld), "withheld (c)");
  withheld.withheld = common::v1::WITHHOLD_REASON_NO_DENOMINATOR;
  EXPECT_EQ(FigureText(withheld), "\u2013");
  EXPECT_EQ(FigureSpoken(withheld), "no value");
  EXPECT_EQ(FigureText(Figure{}), "\u2013");
}

TEST(ReportTextFormat, FigureOfReadsEitherKindOfValue) {
  common::v1::BreakdownCell cell;
  EXPECT_EQ(FigureOf(cell).state, Figure::State::kAbsent);
  cell.mutable_measure()->set_value(8.4);
  EXPECT_EQ(FigureOf(cell).state, Figure::State::kValue);
  EXPECT_FALSE(FigureOf(cell).percentage);
  EXPECT_EQ(FigureOf(cell).value, 8.4);
  cell.mutable_value()->set_withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  EXPECT_EQ(FigureOf(cell).state, Figure::State::kWithheld);
  EXPECT_TRUE(FigureOf(cell).percentage);
  EXPECT_EQ(FigureOf(cell).withheld, common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
}

TEST(ReportTextFormat, VocabularyForAReader) {
  EXPECT_EQ(PolarityText(common::v1::POLARITY_LOWER_IS_BETTER), "Lower is better");
  EXPECT_EQ(ThemeTitle(common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE),
            "Respected and responsible");
  EXPECT_EQ(ThemeTitle(common::v1::SHANARRI_THEME_UNSPECIFIED), "");
  EXPECT_EQ(DimensionTitle("length_of_service_band"), "Length of service (years)");
  EXPECT_EQ(DimensionTitle("some_new_dimension"), "Some new dimension");
  EXPECT_EQ(CategoryLabel("sex", "F"), "Female");
  EXPECT_EQ(CategoryLabel("ethnic_group", "NOT_RECORDED"), "Not recorded");
  EXPECT_EQ(CategoryLabel("locality", "F"), "F");
  EXPECT_EQ(HeadlineMeasureUnit("7.3b"), "days lost per FTE");
  EXPECT_EQ(HeadlineMeasureUnit("7.1"), "");
  EXPECT_EQ(ChangeCode(reporting::v1::CHANGE_WORSENED), "worse");
  EXPECT_EQ(ChangeCode(reporting::v1::CHANGE_UNSPECIFIED), "not_comparable");
}

}  // namespace
}  // namespace pif::report_render
