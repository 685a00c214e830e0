// 7.4's open cases from involvements and allocations, at the edges of the census date.
#include "pif/workforce/domain/open_cases_at.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::workforce {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

dates::Date D(const std::string& text) { return dates::ParseDate(text).value(); }

std::vector<std::string> ChildrenOf(const OpenCases& cases) {
  std::vector<std::string> children;
  for (const OpenCase& child : cases.children) children.push_back(child.person_id);
  return children;
}

const OpenCase& ChildOf(const OpenCases& cases, const std::string& person_id) {
  for (const OpenCase& child : cases.children) {
    if (child.person_id == person_id) return child;
  }
  ADD_FAILURE() << "no child " << person_id;
  static const OpenCase* none = new OpenCase();
  return *none;
}

TEST(OpenCasesAtTest, AnInvolvementIsOpenFromItsOpenDayUpToTheDayBeforeItCloses) {
  OpenCasesAt at(D("2024-07-31"));
  at.AddInvolvement("I1", "C1", D("2024-07-31"), std::nullopt);     // opens on CD: open
  at.AddInvolvement("I2", "C2", D("2020-01-01"), D("2024-07-31"));  // closes on CD: not open
  at.AddInvolvement("I3", "C3", D("2020-01-01"), D("2024-08-01"));  // closes the day after: open
  at.AddInvolvement("I4", "C4", D("2024-08-01"), std::nullopt);     // opens after CD: not open
  EXPECT_THAT(ChildrenOf(at.Build()), ElementsAre("C1", "C3"));
}

TEST(OpenCasesAtTest, OnlyAllocationsCoveringTheCensusDateOfOpenInvolvementsNameStaff) {
  OpenCasesAt at(D("2024-07-31"));
  // Allocations may arrive before their involvement.
  at.AddAllocation("I1", "W-ended", D("2024-01-01"), D("2024-07-31"));
  at.AddAllocation("I1", "W-starts", D("2024-07-31"), std::nullopt);
  at.AddAllocation("I1", "W-future", D("2024-08-01"), std::nullopt);
  at.AddAllocation("I2", "W-closed-case", D("2024-01-01"), std::nullopt);
  at.AddInvolvement("I1", "C1", D("2024-01-01"), std::nullopt);
  at.AddInvolvement("I2", "C2", D("2024-01-01"), D("2024-06-01"));
  const OpenCases cases = at.Build();
  EXPECT_THAT(ChildrenOf(cases), ElementsAre("C1"));
  EXPECT_THAT(ChildOf(cases, "C1").staff_ids, ElementsAre("W-starts"));
}

TEST(OpenCasesAtTest, AChildWithTwoOpenInvolvementsIsOneChildWithTheStaffOfBoth) {
  OpenCasesAt at(D("2024-07-31"));
  at.AddInvolvement("I1", "C1", D("2024-01-01"), std::nullopt);
  at.AddInvolvement("I2", "C1", D("2024-03-01"), std::nullopt);
  at.AddAllocation("I1", "W2", D("2024-01-01"), std::nullopt);
  at.AddAllocation("I2", "W1", D("2024-03-01"), std::nullopt);
  at.AddAllocation("I2", "W2", D("2024-03-01"), std::nullopt);
  const OpenCases cases = at.Build();
  ASSERT_EQ(cases.children.size(), 1u);
  EXPECT_THAT(cases.children[0].staff_ids, ElementsAre("W1", "W2"));
}

TEST(OpenCasesAtTest, ATeamAllocationIsKeptAsAnEmptyStaffIdAndAnOpenCaseWithoutOneHasNone) {
  OpenCasesAt at(D("2024-07-31"));
  at.AddInvolvement("I1", "C1", D("2024-01-01"), std::nullopt);
  at.AddInvolvement("I2", "C2", D("2024-01-01"), std::nullopt);
  at.AddAllocation("I1", "", D("2024-01-01"), std::nullopt);
  const OpenCases cases = at.Build();
  EXPECT_THAT(ChildOf(cases, "C1").staff_ids, ElementsAre(""));
  EXPECT_THAT(ChildOf(cases, "C2").staff_ids, IsEmpty());
}

}  // namespace
}  // namespace pif::workforce
