// The catalogue says what each indicator reports: its own breakdown dimensions and supplementary
// figures, and these are exactly what it computes over a realistic sample council.
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "pif/engine/engine.h"
#include "pif/sample/council.h"

namespace pif::engine {
namespace {

// Every indicator over a sample council, with every breakdown: the dimensions and supplementary
// figures it reports are exactly those the catalogue declares.
TEST(CatalogueTest, DeclaredDimensionsAndSupplementaryFiguresAreThoseComputed) {
  sample::SampleOptions options;
  options.children = 3000;
  options.seed = 20261126;
  const Snapshot snapshot(sample::GenerateCouncil(options));
  ComputeRequest request;
  request.period = {*dates::Date::FromYmd(2024, 8, 1), *dates::Date::FromYmd(2025, 7, 31)};
  request.breakdowns = {Dimension::kSex, Dimension::kAgeBand, Dimension::kEthnicGroup,
                        Dimension::kDisability, Dimension::kLocality};
  auto results = Compute(snapshot, request);
  ASSERT_TRUE(results.ok()) << results.status();
  for (const IndicatorResult& result : *results) {
    SCOPED_TRACE(result.code);
    const IndicatorDefinition& d = FindIndicator(result.code)->definition;
    std::set<std::string> expected_dimensions(d.own_dimensions.begin(), d.own_dimensions.end());
    // Group units (sibling groups, families) have no child breakdowns (docs/indicators.md).
    const bool group_unit = d.unit == UnitKind::kSiblingGroup || d.unit == UnitKind::kFamily;
    for (Dimension dimension : request.breakdowns) {
      if (!group_unit) expected_dimensions.insert(std::string(DimensionName(dimension)));
    }
    std::set<std::string> dimensions;
    for (const BreakdownCell& cell : result.breakdowns) dimensions.insert(cell.dimension);
    if (result.counts.denominator > 0) {
      EXPECT_EQ(dimensions, expected_dimensions);
    } else {
      EXPECT_TRUE(dimensions.empty());
    }
    std::set<std::string> names;
    for (const SupplementaryFigure& figure : result.supplementary) names.insert(figure.name);
    EXPECT_EQ(names,
              std::set<std::string>(d.supplementary_names.begin(), d.supplementary_names.end()));
  }
}

}  // namespace
}  // namespace pif::engine
