#include "pif/engine/engine.h"

#include <set>

#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::D;
using testing::RecordsBuilder;

TEST(CatalogueTest, CodesAreUniqueAndEachHasATitleVersionAndDefinition) {
  std::set<std::string> codes;
  for (const Indicator& indicator : Catalogue()) {
    EXPECT_TRUE(codes.insert(indicator.definition.code).second) << indicator.definition.code;
    EXPECT_FALSE(indicator.definition.title.empty()) << indicator.definition.code;
    EXPECT_FALSE(indicator.definition.definition_version.empty()) << indicator.definition.code;
    EXPECT_FALSE(indicator.definition.definition.empty()) << indicator.definition.code;
    EXPECT_NE(indicator.evaluate, nullptr);
  }
  EXPECT_NE(FindIndicator("1 S.1"), nullptr);
  EXPECT_NE(FindIndicator("5.2"), nullptr);
  EXPECT_EQ(FindIndicator("1 S.99"), nullptr);
  EXPECT_EQ(DefinitionsVersion().rfind("defs-", 0), 0u);
}

TEST(PercentTest, RoundsToOneDecimalAndHasNoValueWithoutDenominator) {
  EXPECT_EQ(PercentOf({1, 3}), 33.3);
  EXPECT_EQ(PercentOf({2, 3}), 66.7);
  EXPECT_EQ(PercentOf({1, 8}), 12.5);
  EXPECT_EQ(PercentOf({0, 5}), 0.0);
  EXPECT_EQ(PercentOf({0, 0}), std::nullopt);
}

TEST(AgeBandTest, BandsFollowCompletedYearsAtTheCensusDate) {
  Child child;
  child.dob = D("2019-08-01");
  EXPECT_EQ(AgeBandOf(child, D("2024-07-31")), "0-4");
  EXPECT_EQ(AgeBandOf(child, D("2024-08-01")), "5-11");
  child.dob = D("2008-07-31");
  EXPECT_EQ(AgeBandOf(child, D("2024-07-31")), "16+");
  child.dob.reset();
  EXPECT_EQ(AgeBandOf(child, D("2024-07-31")), "unborn");
  child.dob = D("2024-08-01");
  EXPECT_EQ(AgeBandOf(child, D("2024-07-31")), "unborn");
}

TEST(ComputeTest, RejectsUnknownCodesAndBackwardPeriods) {
  Snapshot snapshot(CaseRecords{});
  ComputeRequest request;
  request.period = ClasYear(2023);
  request.codes = {"1 S.1", "9.9"};
  EXPECT_EQ(Compute(snapshot, request).status().code(), absl::StatusCode::kNotFound);
  request.codes = {};
  request.period = {D("2024-01-02"), D("2024-01-01")};
  EXPECT_EQ(Compute(snapshot, request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ComputeTest, ComputesEveryIndicatorOfTheCatalogueWhenNoCodesAreGiven) {
  Snapshot snapshot(CaseRecords{});
  ComputeRequest request;
  request.period = ClasYear(2023);
  auto results = Compute(snapshot, request);
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->size(), Catalogue().size());
  for (const IndicatorResult& result : *results) EXPECT_EQ(result.counts.denominator, 0);
}

TEST(ComputeTest, BreakdownCellsAddUpToTheTotalInEachDimension) {
  RecordsBuilder b;
  b.AddChild("C1", "2015-01-01", "F").locality = "North";
  b.AddChild("C2", "2010-01-01", "M").locality = "South";
  b.AddChild("C3", "", "NK");
  for (const char* id : {"C1", "C2", "C3"}) {
    b.AddReferral(std::string("R-") + id, id, "2023-10-01");
  }
  b.AddReferral("R-C2-again", "C2", "2023-12-01");
  IndicatorResult result = testing::ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(result.counts.denominator, 3);
  EXPECT_EQ(result.counts.numerator, 1);
  std::map<std::string, Counts> totals;
  for (const BreakdownCell& cell : result.breakdowns) {
    totals[cell.dimension].numerator += cell.counts.numerator;
    totals[cell.dimension].denominator += cell.counts.denominator;
  }
  for (const char* dimension : {"sex", "age_band", "ethnic_group", "disability", "locality"}) {
    EXPECT_EQ(totals[dimension].denominator, 3) << dimension;
    EXPECT_EQ(totals[dimension].numerator, 1) << dimension;
  }
  auto cell = [&](const std::string& dimension, const std::string& category) {
    for (const BreakdownCell& c : result.breakdowns) {
      if (c.dimension == dimension && c.category == category) return c.counts;
    }
    return Counts{-1, -1};
  };
  EXPECT_EQ(cell("sex", "M").numerator, 1);
  EXPECT_EQ(cell("age_band", "unborn").denominator, 1);
  EXPECT_EQ(cell("locality", "not recorded").denominator, 1);
  EXPECT_EQ(cell("age_band", "12-15").numerator, 1);
}

TEST(ExplainTest, FiltersByPersonAndSaysWhy) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  b.AddReferral("R1", "C1", "2023-09-01");
  b.AddReferral("R2", "C1", "2024-02-01");
  b.AddReferral("R3", "C2", "2023-09-01");
  auto units = testing::ExplainOne(b.Build(), "1 S.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  ASSERT_EQ(units[0].reasons.size(), 2u);
  EXPECT_NE(units[0].reasons[1].find("referral R2 on 2024-02-01 is a repeat"), std::string::npos)
      << units[0].reasons[1];
}

// --- internal results are not suppressed ---

TEST(DisclosureInternalTest, ComputeReturnsSmallCountsAsTheyAre) {
  testing::RecordsBuilder b;
  b.AddChild("C1");
  b.AddAnswer("S1", "C1", "CHILD", "2023-10-01", "KNOWS_GOOD_AT", "YES");
  IndicatorResult r = testing::ComputeOne(b.Build(), "2 ACH.5", testing::ClasYear(2023));
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.counts.denominator, 1);
}

}  // namespace
}  // namespace pif::engine
