// The catalogue describes exactly the results ComputeWorkforce gives: same codes in the same
// order, the same supplementary figures, and the measure where 7.3 carries it.
#include "pif/workforce/domain/figure_catalogue.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"
#include "pif/workforce/domain/figures.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::ClasYear;
using ::testing::ElementsAre;
using testing::StaffBuilder;

// Results with every optional figure present: staff of every role, some FTE, open cases.
std::vector<figures::IndicatorResult> FullResults() {
  StaffBuilder b;
  b.Add("Q1", Role::kQsw, "2020-01-01");
  b.Add("F1", Role::kFieldOther, "2020-01-01");
  b.Add("R1", Role::kResidential, "2020-01-01");
  b.Add("M1", Role::kManager, "2020-01-01");
  const OpenCases cases;
  return ComputeWorkforce(b.staff, b.absences, ClasYear(2023), &cases);
}

TEST(FigureCatalogueTest, ListsTheElevenFiguresInCodeOrderWithTheirAreas) {
  std::vector<std::string> codes;
  for (const FigureDefinition& definition : WorkforceCatalogue()) {
    codes.push_back(definition.code);
    EXPECT_EQ(definition.area, definition.code == "9.1" ? 9 : 7) << definition.code;
    EXPECT_EQ(definition.definition_version, "1") << definition.code;
    EXPECT_FALSE(definition.title.empty()) << definition.code;
    EXPECT_FALSE(definition.definition.empty()) << definition.code;
  }
  EXPECT_THAT(codes, ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.4a", "7.4b", "7.5", "7.6",
                                 "7.7", "9.1"));
}

TEST(FigureCatalogueTest, DescribesTheResultsCodesAndFiguresExactly) {
  const std::vector<figures::IndicatorResult> results = FullResults();
  ASSERT_EQ(results.size(), WorkforceCatalogue().size());
  for (size_t i = 0; i < results.size(); ++i) {
    const FigureDefinition& definition = WorkforceCatalogue()[i];
    SCOPED_TRACE(definition.code);
    EXPECT_EQ(results[i].code, definition.code);
    std::vector<std::string> expected;
    for (const SupplementaryDefinition& figure : definition.supplementary) {
      expected.push_back(figure.name);
    }
    if (definition.value_kind == ValueKind::kMeasure) expected.push_back(definition.measure_figure);
    std::vector<std::string> actual;
    for (const figures::SupplementaryFigure& figure : results[i].supplementary) {
      actual.push_back(figure.name);
    }
    EXPECT_EQ(actual, expected);
    std::set<std::string> dimensions;
    for (const figures::BreakdownCell& cell : results[i].breakdowns) {
      dimensions.insert(cell.dimension);
    }
    EXPECT_EQ(dimensions, std::set<std::string>(definition.own_breakdown_dimensions.begin(),
                                                definition.own_breakdown_dimensions.end()));
  }
}

TEST(FigureCatalogueTest, GivesEachFigureItsValueKindPolarityAndCaseDataNeed) {
  const FigureDefinition* service = FindFigure("7.1");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->value_kind, ValueKind::kNone);
  EXPECT_EQ(service->polarity, figures::Polarity::kNeutral);
  const FigureDefinition* days = FindFigure("7.3b");
  ASSERT_NE(days, nullptr);
  EXPECT_EQ(days->value_kind, ValueKind::kMeasure);
  EXPECT_EQ(days->measure_figure, kDaysPerFte);
  EXPECT_EQ(days->polarity, figures::Polarity::kLowerIsBetter);
  const FigureDefinition* allocated = FindFigure("7.4b");
  ASSERT_NE(allocated, nullptr);
  EXPECT_TRUE(allocated->needs_case_data);
  EXPECT_EQ(allocated->value_kind, ValueKind::kPercentage);
  EXPECT_FALSE(FindFigure("7.5")->needs_case_data);
  EXPECT_EQ(FindFigure("7.3"), nullptr);
}

TEST(FigureCatalogueTest, NamesAVersionForTheWholeSet) {
  EXPECT_THAT(WorkforceDefinitionsVersion(), ::testing::StartsWith("wf-defs-"));
  EXPECT_EQ(WorkforceDefinitionsVersion().size(), std::string("wf-defs-").size() + 12);
}

}  // namespace
}  // namespace pif::workforce
