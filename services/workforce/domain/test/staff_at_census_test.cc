// Golden tests of 7.5, 7.6, 7.7 and 9.1: staff in post at the census date.
#include "pif/workforce/domain/staff_at_census.h"

#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"
#include "pif/workforce/domain/staff_index.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::Cell;
using testing::D;
using testing::Figure;
using testing::StaffBuilder;

constexpr char kCensus[] = "2024-07-31";

TEST(SuitablyQualifiedTest, CountsFieldAndResidentialStaffButNotManagers) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01").nts_qual_met = true;
  b.Add("S2", Role::kFieldOther, "2020-01-01").nts_qual_met = false;
  b.Add("S3", Role::kResidential, "2020-01-01");  // not recorded: in D, not in N
  b.Add("S4", Role::kManager, "2020-01-01").nts_qual_met = true;
  b.Add("S5", Role::kQsw, "2024-01-01").employment = Employment::kAgency;
  b.staff.back().nts_qual_met = true;
  b.Add("S6", Role::kQsw, kCensus).nts_qual_met = true;                // starts on CD: in post
  b.Add("S7", Role::kQsw, "2020-01-01", kCensus).nts_qual_met = true;  // ends on CD: not
  const StaffIndex index(b.staff);
  const figures::IndicatorResult r = SuitablyQualified(index, D(kCensus));
  EXPECT_EQ(r.code, "7.5");
  EXPECT_EQ(r.counts.denominator, 5);
  EXPECT_EQ(r.counts.numerator, 3);
}

TEST(ResidentialQualifiedTest, CountsResidentialStaffAndTheirConditionalAndMissingRegistrations) {
  StaffBuilder b;
  b.Add("R1", Role::kResidential, "2020-01-01").reg_qual_met = true;
  b.staff.back().sssc_status = SsscStatus::kReg;
  b.Add("R2", Role::kResidential, "2020-01-01").reg_qual_met = false;
  b.staff.back().sssc_status = SsscStatus::kRegCond;
  b.Add("R3", Role::kResidential, "2020-01-01").sssc_status = SsscStatus::kNotReg;
  b.Add("R4", Role::kResidential, "2020-01-01").sssc_status = SsscStatus::kRegCond;
  b.Add("Q1", Role::kQsw, "2020-01-01").sssc_status = SsscStatus::kNotReg;  // not residential
  const StaffIndex index(b.staff);
  const figures::IndicatorResult r = ResidentialQualified(index, D(kCensus));
  EXPECT_EQ(r.code, "7.6");
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(Figure(r, kRegCondCount), 2.0);
  EXPECT_EQ(Figure(r, kNotRegCount), 1.0);
}

TEST(CpdPlansTest, NeedsNinetyOneDaysOfServiceAndAPlanInTheYearToTheCensusDate) {
  const dates::Date cd = D(kCensus);
  StaffBuilder b;
  const auto add = [&](const std::string& id, int service_days, std::optional<int> plan_days_ago) {
    StaffRow& row = b.Add(id, Role::kQsw, "2020-01-01");
    row.service_start_date = cd.AddDays(-service_days);
    if (plan_days_ago) row.cpd_plan_date = cd.AddDays(-*plan_days_ago);
  };
  add("S1", 91, 0);              // exactly 91 days: in D; plan on CD: in N
  add("S2", 90, 0);              // 90 days: not in D
  add("S3", 400, 365);           // plan exactly 365 days before: outside (CD - 365, CD]
  add("S4", 400, 364);           // in N
  add("S5", 400, -1);            // a plan dated after CD: not in N
  add("S6", 400, std::nullopt);  // no plan
  b.Add("M1", Role::kManager, "2000-01-01").cpd_plan_date = cd.AddDays(-10);  // every role
  b.Add("A1", Role::kResidential, "2000-01-01").employment = Employment::kAgency;
  b.staff.back().cpd_plan_date = cd.AddDays(-10);  // and agency staff
  const StaffIndex index(b.staff);
  const figures::IndicatorResult r = CpdPlans(index, cd);
  EXPECT_EQ(r.code, "7.7");
  EXPECT_EQ(r.counts.denominator, 7);
  EXPECT_EQ(r.counts.numerator, 4);  // S1, S4, M1, A1
}

TEST(ManagersQualifiedTest, BreaksDownByManagerLevelWithAllLevelsAndNotRecorded) {
  StaffBuilder b;
  const auto add = [&](const std::string& id, std::optional<ManagerLevel> level,
                       std::optional<bool> qualified) {
    StaffRow& row = b.Add(id, Role::kManager, "2020-01-01");
    row.manager_level = level;
    row.mgmt_qual = qualified;
  };
  add("M1", ManagerLevel::kTeam, true);
  add("M2", ManagerLevel::kTeam, false);
  add("M3", ManagerLevel::kMiddle, true);
  add("M4", std::nullopt, std::nullopt);
  b.Add("Q1", Role::kQsw, "2020-01-01").mgmt_qual = true;  // not a manager
  const StaffIndex index(b.staff);
  const figures::IndicatorResult r = ManagersQualified(index, D(kCensus));
  EXPECT_EQ(r.code, "9.1");
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
  ASSERT_EQ(r.breakdowns.size(), 5u);
  EXPECT_EQ(r.breakdowns[0].category, "TEAM");
  EXPECT_EQ(r.breakdowns[0].counts.denominator, 2);
  EXPECT_EQ(r.breakdowns[0].counts.numerator, 1);
  EXPECT_EQ(Cell(r, kManagerLevel, "MIDDLE").numerator, 1);
  EXPECT_EQ(Cell(r, kManagerLevel, "SENIOR").denominator, 0);
  EXPECT_EQ(Cell(r, kManagerLevel, "NA").denominator, 0);
  EXPECT_EQ(Cell(r, kManagerLevel, kNotRecorded).denominator, 1);
  EXPECT_EQ(Cell(r, kManagerLevel, kNotRecorded).numerator, 0);
}

TEST(ManagersQualifiedTest, HasNoNotRecordedCellWhenEveryLevelIsRecorded) {
  StaffBuilder b;
  b.Add("M1", Role::kManager, "2020-01-01").manager_level = ManagerLevel::kSenior;
  const StaffIndex index(b.staff);
  const figures::IndicatorResult r = ManagersQualified(index, D(kCensus));
  EXPECT_EQ(r.breakdowns.size(), 4u);
  EXPECT_EQ(Cell(r, kManagerLevel, "SENIOR").denominator, 1);
}

}  // namespace
}  // namespace pif::workforce
