// Indicator 10.1: latest evaluation per area at the census date, grade counts, median.
#include "pif/reporting/domain/self_evaluation_summary.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/reporting/testing/fake_sources.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using testing::Evaluation;

const dates::Date kCensus = *dates::Date::FromYmd(2024, 7, 31);

TEST(LatestPerAreaTest, TakesTheGreatestDateOnOrBeforeTheCensusDate) {
  const LatestEvaluations latest =
      LatestPerArea({Evaluation("A", 3, 2, 2023, 5, 1), Evaluation("B", 3, 5, 2024, 7, 31),
                     Evaluation("C", 3, 6, 2024, 8, 1)},
                    kCensus);
  ASSERT_TRUE(latest[2].has_value());
  EXPECT_EQ(latest[2]->eval_id(), "B");
  EXPECT_EQ(latest[2]->grade(), 5);
}

TEST(LatestPerAreaTest, BreaksADateTieByTheGreatestEvalId) {
  const LatestEvaluations latest = LatestPerArea(
      {Evaluation("E10", 1, 4, 2024, 1, 1), Evaluation("E9", 1, 2, 2024, 1, 1)}, kCensus);
  ASSERT_TRUE(latest[0].has_value());
  EXPECT_EQ(latest[0]->eval_id(), "E9");  // string order: "E9" > "E10"
}

TEST(LatestPerAreaTest, AnAreaEvaluatedOnlyAfterTheCensusDateIsNotEvaluated) {
  const LatestEvaluations latest = LatestPerArea({Evaluation("late", 4, 6, 2024, 8, 1)}, kCensus);
  ASSERT_EQ(latest.size(), 10u);
  EXPECT_FALSE(latest[3].has_value());
}

TEST(MedianGradeTest, IsTheMiddleGradeOrHalfwayBetweenTheTwoMiddleOnes) {
  EXPECT_EQ(MedianGrade({5, 1, 3}), 3.0);
  EXPECT_EQ(MedianGrade({4, 5, 2, 6}), 4.5);
  EXPECT_EQ(MedianGrade({1, 1, 6}), 1.0);  // a mean would give 2.7
  EXPECT_FALSE(MedianGrade({}).has_value());
}

TEST(SummarizeSelfEvaluationTest, ShowsAllTenAreasWithUnevaluatedOnesLeftEmpty) {
  const v1::SelfEvaluationSummary summary = SummarizeSelfEvaluation(LatestPerArea(
      {Evaluation("A", 2, 4, 2024, 3, 1), Evaluation("B", 7, 5, 2024, 3, 2)}, kCensus));
  ASSERT_EQ(summary.areas_size(), 10);
  EXPECT_EQ(summary.areas(1).area(), 2);
  EXPECT_EQ(summary.areas(1).area_title(), "Impact on children and families");
  EXPECT_EQ(summary.areas(1).self_evaluation().eval_id(), "A");
  EXPECT_EQ(summary.areas(1).grade_label(), "Good");
  EXPECT_EQ(summary.areas(0).area(), 1);
  EXPECT_FALSE(summary.areas(0).has_self_evaluation());
  EXPECT_EQ(summary.areas(0).grade_label(), "");
  EXPECT_EQ(summary.areas(0).area_title(), "Key outcomes");
  EXPECT_EQ(summary.evaluated_area_count(), 2);
  EXPECT_EQ(summary.median_grade(), 4.5);
}

TEST(SummarizeSelfEvaluationTest, CountsAreasAtEachGradeFromSixDownToOneWithZeros) {
  const v1::SelfEvaluationSummary summary = SummarizeSelfEvaluation(
      LatestPerArea({Evaluation("A", 1, 4, 2024, 3, 1), Evaluation("B", 2, 4, 2024, 3, 1),
                     Evaluation("C", 3, 1, 2024, 3, 1)},
                    kCensus));
  std::vector<std::pair<int, int>> counts;
  for (const v1::GradeCount& count : summary.grade_counts()) {
    counts.emplace_back(count.grade(), count.count());
  }
  EXPECT_THAT(counts, ElementsAre(std::pair{6, 0}, std::pair{5, 0}, std::pair{4, 2},
                                  std::pair{3, 0}, std::pair{2, 0}, std::pair{1, 1}));
  EXPECT_EQ(summary.grade_counts(2).label(), "Good");
  EXPECT_EQ(summary.median_grade(), 4.0);
}

TEST(SummarizeSelfEvaluationTest, NoEvaluationGivesNoMedian) {
  const v1::SelfEvaluationSummary summary = SummarizeSelfEvaluation(LatestPerArea({}, kCensus));
  EXPECT_EQ(summary.evaluated_area_count(), 0);
  EXPECT_FALSE(summary.has_median_grade());
  ASSERT_EQ(summary.grade_counts_size(), 6);
  for (const v1::GradeCount& count : summary.grade_counts()) EXPECT_EQ(count.count(), 0);
}

}  // namespace
}  // namespace pif::reporting
