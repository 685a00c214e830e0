// The figures shaped for handing out, on the domain's own types: which parts each value kind
// has, and the reasons behind withheld measures that the contract folds into one.
#include "pif/workforce/domain/figure_shaping.h"

#include <string>

#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"

namespace pif::workforce {
namespace {

const FigureDefinition& Definition(const std::string& code) {
  const FigureDefinition* definition = FindFigure(code);
  EXPECT_NE(definition, nullptr) << code;
  return *definition;
}

const FigureSupplement& Supplement(const WorkforceFigure& figure, const std::string& name) {
  for (const FigureSupplement& supplement : figure.supplementary) {
    if (supplement.name == name) return supplement;
  }
  ADD_FAILURE() << figure.code << " has no " << name;
  static const FigureSupplement* none = new FigureSupplement();
  return *none;
}

TEST(FigureShapingTest, EachValueKindHasOnlyItsOwnParts) {
  figures::IndicatorResult headcount;
  headcount.code = "7.1";
  headcount.counts = {0, 12};
  const WorkforceFigure bands = ShapeFigure(headcount, Definition("7.1"), std::nullopt).figure;
  EXPECT_FALSE(bands.numerator.has_value());
  EXPECT_EQ(bands.denominator->value, 12);
  EXPECT_TRUE(bands.unknown.has_value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(bands.headline));

  figures::IndicatorResult days;
  days.code = "7.3b";
  days.supplementary = {{kSickFteDaysLost, 4}, {kMeanFte, 2}, {kDaysPerFte, 2}};
  const WorkforceFigure rate = ShapeFigure(days, Definition("7.3b"), std::nullopt).figure;
  EXPECT_FALSE(rate.numerator.has_value());
  EXPECT_FALSE(rate.denominator.has_value());
  EXPECT_FALSE(rate.unknown.has_value());
  EXPECT_EQ(std::get<PublishedMeasure>(rate.headline).value, 2.0);

  figures::IndicatorResult share;
  share.code = "7.7";
  share.counts = {3, 4};
  const WorkforceFigure percent = ShapeFigure(share, Definition("7.7"), std::nullopt).figure;
  EXPECT_EQ(percent.numerator->value, 3);
  EXPECT_EQ(std::get<figures::PublishedPercent>(percent.headline).value, 75.0);
  EXPECT_EQ(percent.title, Definition("7.7").title);
  EXPECT_EQ(percent.definition_version, Definition("7.7").definition_version);
}

TEST(FigureShapingTest, ASuppressedHeadcountWithholdsTheMedianAsSuppressed) {
  figures::IndicatorResult result;
  result.code = "7.2";
  result.counts = {0, 3};
  result.breakdowns.push_back({kLengthOfServiceBand, "<1", {3, 3}});
  result.supplementary = {{kMedianYears, 0.4}, {kAgencyHeadcount, 0}};
  const ShapedFigure shaped = ShapeFigure(result, Definition("7.2"), figures::DisclosurePolicy());
  EXPECT_TRUE(shaped.figure.denominator->suppressed());
  const auto& median = std::get<PublishedMeasure>(Supplement(shaped.figure, kMedianYears).value);
  EXPECT_FALSE(median.value.has_value());
  EXPECT_EQ(median.reason, figures::WithholdReason::kDenominatorSuppressed);
  // A count alongside shown as 0 (0 is never suppressed).
  EXPECT_EQ(
      std::get<figures::PublishedCount>(Supplement(shaped.figure, kAgencyHeadcount).value).value,
      0);
}

TEST(FigureShapingTest, ABreakdownSuppressionCannotProtectIsWithheldAndNamed) {
  // Six levels with one manager qualified each and no other level: the six suppressed 1s add up
  // to the shown total 6, and there is no cell left to suppress beside them.
  figures::IndicatorResult result;
  result.code = "9.1";
  result.counts = {6, 12};
  for (const char* level : {"A", "B", "C", "D", "E", "F"}) {
    result.breakdowns.push_back({kManagerLevel, level, {1, 2}});
  }
  const ShapedFigure shaped = ShapeFigure(result, Definition("9.1"), figures::DisclosurePolicy());
  EXPECT_EQ(shaped.withheld_dimensions, std::vector<std::string>{kManagerLevel});
  EXPECT_TRUE(shaped.figure.breakdowns.empty());
  EXPECT_EQ(shaped.figure.numerator->value, 6);
  // Internal figures withhold nothing.
  const ShapedFigure internal = ShapeFigure(result, Definition("9.1"), std::nullopt);
  EXPECT_TRUE(internal.withheld_dimensions.empty());
  EXPECT_EQ(internal.figure.breakdowns.size(), 6u);
}

}  // namespace
}  // namespace pif::workforce
