// The contracts' dates, periods and timestamps as the date rules' and abseil's types.
#include "pif/proto_util/dates.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif {
namespace {

common::v1::Date Day(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

TEST(DateFromProtoTest, ACalendarDateRoundTripsAndOthersAreNone) {
  std::optional<dates::Date> date = DateFromProto(Day(2024, 2, 29));
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->ToString(), "2024-02-29");
  const common::v1::Date back = DateToProto(*date);
  EXPECT_EQ(back.year(), 2024);
  EXPECT_EQ(back.month(), 2);
  EXPECT_EQ(back.day(), 29);
  EXPECT_FALSE(DateFromProto(Day(2023, 2, 29)).has_value());
  EXPECT_FALSE(DateFromProto(Day(2023, 13, 1)).has_value());
  EXPECT_FALSE(DateFromProto(Day(0, 1, 1)).has_value());
}

TEST(PeriodFieldsOfTest, TheCheckedPeriodNamesTheFieldThatIsWrong) {
  common::v1::Period period;
  *period.mutable_first_day() = Day(2024, 4, 1);
  *period.mutable_last_day() = Day(2025, 3, 31);
  absl::StatusOr<figures::Period> checked = figures::CheckPeriod(PeriodFieldsOf(period, true), "p");
  ASSERT_TRUE(checked.ok()) << checked.status();
  EXPECT_EQ(checked->first.ToString(), "2024-04-01");
  EXPECT_EQ(checked->census().ToString(), "2025-03-31");
  const common::v1::Period back = PeriodToProto(*checked);
  EXPECT_EQ(back.last_day().day(), 31);

  const auto rule = [](const absl::Status& status) {
    auto violations = FieldViolationsOf(status);
    return violations.empty() ? "" : violations[0].field + ":" + violations[0].rule_code;
  };
  EXPECT_EQ(rule(figures::CheckPeriod(PeriodFieldsOf(period, false), "p").status()),
            "p:REQUIRED_FIELD_MISSING");
  period.clear_last_day();
  EXPECT_EQ(rule(figures::CheckPeriod(PeriodFieldsOf(period, true), "p").status()),
            "p.last_day:REQUIRED_FIELD_MISSING");
  *period.mutable_last_day() = Day(2024, 3, 31);
  EXPECT_EQ(rule(figures::CheckPeriod(PeriodFieldsOf(period, true), "p").status()),
            "p.last_day:PERIOD_END_BEFORE_START");
  *period.mutable_last_day() = Day(2101, 1, 1);
  EXPECT_EQ(rule(figures::CheckPeriod(PeriodFieldsOf(period, true), "p").status()),
            "p.last_day:MALFORMED_DATE");
}

TEST(TimestampTest, MicrosecondsSurviveTheRoundTrip) {
  const absl::Time time = absl::FromUnixMicros(1700000000123456);
  const google::protobuf::Timestamp timestamp = ToTimestamp(time);
  EXPECT_EQ(timestamp.seconds(), 1700000000);
  EXPECT_EQ(timestamp.nanos(), 123456000);
  EXPECT_EQ(FromTimestamp(timestamp), time);
}

}  // namespace
}  // namespace pif
