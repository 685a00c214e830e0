// Golden tests of 7.4a/b: open cases at the census date joined to the staff row in force then.
#include "pif/workforce/domain/allocated_cases.h"

#include "gtest/gtest.h"
#include "pif/workforce/domain/staff_index.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::D;
using testing::StaffBuilder;

constexpr char kCensus[] = "2024-07-31";

TEST(AllocatedCasesTest, CountsChildrenWithAQualifiedWorkerAndWithAnyNamedWorker) {
  StaffBuilder b;
  b.Add("QSW1", Role::kQsw, "2020-01-01");
  b.Add("AGENCY_QSW", Role::kQsw, "2024-01-01").employment = Employment::kAgency;
  b.Add("OTHER1", Role::kFieldOther, "2020-01-01");
  b.Add("LEFT", Role::kQsw, "2020-01-01", kCensus);  // row ends on CD: not in post
  OpenCases cases;
  cases.children = {
      {"C1", {"QSW1"}},
      {"C2", {"S99"}},                 // unknown to workforce: 7.4b only
      {"C3", {"OTHER1"}},              // not qualified: 7.4b only
      {"C4", {""}},                    // team or duty: no named worker
      {"C5", {}},                      // no allocation covering CD
      {"C6", {"AGENCY_QSW"}},          // agency QSW counts in 7.4a
      {"C7", {"LEFT"}},                // no row in force at CD: 7.4b only
      {"C8", {"", "OTHER1", "QSW1"}},  // any qualified worker of the child
  };
  const StaffIndex index(b.staff);
  const std::vector<figures::IndicatorResult> results = AllocatedCases(cases, index, D(kCensus));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].code, "7.4a");
  EXPECT_EQ(results[0].counts.denominator, 8);
  EXPECT_EQ(results[0].counts.numerator, 3);  // C1, C6, C8
  EXPECT_EQ(results[1].code, "7.4b");
  EXPECT_EQ(results[1].counts.denominator, 8);
  EXPECT_EQ(results[1].counts.numerator, 6);  // all but C4 and C5
}

TEST(AllocatedCasesTest, AChildListedTwiceIsOneChildWithTheAllocationsOfBoth) {
  StaffBuilder b;
  b.Add("QSW1", Role::kQsw, "2020-01-01");
  OpenCases cases;
  cases.children = {{"C1", {""}}, {"C1", {"QSW1"}}};
  const StaffIndex index(b.staff);
  const std::vector<figures::IndicatorResult> results = AllocatedCases(cases, index, D(kCensus));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].counts.denominator, 1);
  EXPECT_EQ(results[0].counts.numerator, 1);
}

TEST(AllocatedCasesTest, TheRoleInForceOnTheCensusDateDecides) {
  StaffBuilder b;
  b.Add("S1", Role::kFieldOther, "2020-01-01", kCensus);
  b.Add("S1", Role::kQsw, kCensus);  // qualified from CD
  b.Add("S2", Role::kQsw, "2020-01-01", "2024-07-01");
  b.Add("S2", Role::kFieldOther, "2024-07-01");  // no longer QSW at CD
  OpenCases cases;
  cases.children = {{"C1", {"S1"}}, {"C2", {"S2"}}};
  const StaffIndex index(b.staff);
  const std::vector<figures::IndicatorResult> results = AllocatedCases(cases, index, D(kCensus));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].counts.numerator, 1);
  EXPECT_EQ(results[1].counts.numerator, 2);
}

TEST(AllocatedCasesTest, NoOpenCasesGiveZeroOverZero) {
  const std::vector<StaffRow> staff;
  const StaffIndex index(staff);
  const std::vector<figures::IndicatorResult> results =
      AllocatedCases(OpenCases(), index, D(kCensus));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].counts.denominator, 0);
  EXPECT_EQ(figures::PercentOf(results[0].counts), std::nullopt);
}

}  // namespace
}  // namespace pif::workforce
