#include "pif/indicators/domain/period_sequence.h"

#include "gtest/gtest.h"
#include "pif/engine/testing/builder.h"

namespace pif::indicators {
namespace {

using engine::testing::D;

std::vector<std::string> Texts(const std::vector<figures::Period>& periods) {
  std::vector<std::string> texts;
  for (const figures::Period& p : periods) {
    texts.push_back(p.first.ToString() + ".." + p.last.ToString());
  }
  return texts;
}

TEST(ConsecutivePeriodsTest, StepZeroMovesAClasYearOnByAYear) {
  auto periods = ConsecutivePeriods({D("2022-08-01"), D("2023-07-31")}, 3, 0, "sequence");
  ASSERT_TRUE(periods.ok()) << periods.status();
  EXPECT_EQ(Texts(*periods),
            (std::vector<std::string>{"2022-08-01..2023-07-31", "2023-08-01..2024-07-31",
                                      "2024-08-01..2025-07-31"}));
}

TEST(ConsecutivePeriodsTest, MonthEndsStayMonthEndsAndMissingDaysClampFromTheFirstPeriod) {
  auto periods = ConsecutivePeriods({D("2024-01-31"), D("2024-02-29")}, 4, 1, "sequence");
  ASSERT_TRUE(periods.ok()) << periods.status();
  EXPECT_EQ(Texts(*periods),
            (std::vector<std::string>{"2024-01-31..2024-02-29", "2024-02-29..2024-03-31",
                                      "2024-03-31..2024-04-30", "2024-04-30..2024-05-31"}));
}

TEST(ConsecutivePeriodsTest, ALastDayInsideItsMonthMovesByTheSameDay) {
  auto periods = ConsecutivePeriods({D("2024-01-01"), D("2024-03-15")}, 2, 3, "sequence");
  ASSERT_TRUE(periods.ok()) << periods.status();
  EXPECT_EQ(Texts(*periods),
            (std::vector<std::string>{"2024-01-01..2024-03-15", "2024-04-01..2024-06-15"}));
}

TEST(ConsecutivePeriodsTest, CountMustBeOneToTenAndStepNotNegative) {
  const figures::Period first{D("2024-01-01"), D("2024-12-31")};
  EXPECT_EQ(ConsecutivePeriods(first, 0, 12, "sequence").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConsecutivePeriods(first, 11, 12, "sequence").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConsecutivePeriods(first, 2, -1, "sequence").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConsecutivePeriods(first, 10, 12, "sequence")->size(), 10u);
}

}  // namespace
}  // namespace pif::indicators
