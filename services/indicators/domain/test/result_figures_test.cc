#include "pif/indicators/domain/result_figures.h"

#include "gtest/gtest.h"
#include "pif/engine/engine.h"

namespace pif::indicators {
namespace {

figures::IndicatorResult SelfHarmResult() {
  figures::IndicatorResult result;
  result.code = "1 H.5";
  result.counts = {2, 40};
  result.breakdowns = {{"sex", "F", {2, 20}}, {"sex", "not recorded", {0, 20}}};
  result.supplementary = {{"SELF_HARM", 3}, {"SUICIDE", 0}, {"SUICIDE_ATTEMPT", 7}};
  return result;
}

TEST(ResultFiguresTest, InternalFiguresShowEveryCountInTheContractsVocabulary) {
  const engine::Indicator* indicator = engine::FindIndicator("1 H.5");
  ASSERT_NE(indicator, nullptr);
  IndicatorFigures figures = InternalFigures(SelfHarmResult(), indicator->definition);
  EXPECT_EQ(figures.title, indicator->definition.title);
  EXPECT_EQ(figures.numerator.value, 2);
  EXPECT_EQ(figures.percent.value, 5.0);
  ASSERT_EQ(figures.breakdowns.size(), 2u);
  EXPECT_EQ(figures.breakdowns[1].category, "NOT_RECORDED");
  EXPECT_EQ(figures.breakdowns[1].percent.value, 0.0);
  ASSERT_EQ(figures.supplementary.size(), 3u);
  EXPECT_EQ(figures.supplementary[0].name, "self_harm_count");
  EXPECT_EQ(figures.supplementary[0].count.value, 3);
  EXPECT_EQ(figures.supplementary[2].name, "suicide_attempt_count");
}

TEST(ResultFiguresTest, InternalPercentageIsWithheldOnlyWithoutADenominator) {
  const engine::Indicator* indicator = engine::FindIndicator("1 S.1");
  figures::IndicatorResult result;
  result.code = "1 S.1";
  IndicatorFigures figures = InternalFigures(result, indicator->definition);
  EXPECT_EQ(figures.denominator.value, 0);
  EXPECT_FALSE(figures.percent.value.has_value());
  EXPECT_EQ(figures.percent.reason, figures::WithholdReason::kNoDenominator);
}

TEST(ResultFiguresTest, PublishedSelfHarmLosesItsBreakdownsAndSmallCounts) {
  const engine::Indicator* indicator = engine::FindIndicator("1 H.5");
  IndicatorFigures figures =
      PublishedFigures(SelfHarmResult(), indicator->definition, figures::DisclosurePolicy());
  EXPECT_TRUE(figures.breakdowns_withheld);
  EXPECT_TRUE(figures.breakdowns.empty());
  EXPECT_EQ(figures.numerator.reason, figures::SuppressionReason::kPrimary);
  EXPECT_FALSE(figures.numerator.value.has_value());
  EXPECT_EQ(figures.denominator.value, 40);
  EXPECT_EQ(figures.supplementary[0].count.reason, figures::SuppressionReason::kPrimary);
  EXPECT_EQ(figures.supplementary[1].count.value, 0);
  EXPECT_EQ(figures.supplementary[2].count.value, 7);
}

}  // namespace
}  // namespace pif::indicators
