// ComputeWorkforce over one small council: every figure in catalogue order, 7.4 only with open
// cases, and a staff history that several figures read differently.
#include "pif/workforce/domain/figures.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::ClasYear;
using testing::D;
using ::testing::ElementsAre;
using testing::Figure;
using testing::StaffBuilder;

std::vector<std::string> CodesOf(const std::vector<figures::IndicatorResult>& results) {
  std::vector<std::string> codes;
  for (const figures::IndicatorResult& result : results) codes.push_back(result.code);
  return codes;
}

const figures::IndicatorResult& Find(const std::vector<figures::IndicatorResult>& results,
                                     const std::string& code) {
  for (const figures::IndicatorResult& result : results) {
    if (result.code == code) return result;
  }
  ADD_FAILURE() << "no result " << code;
  static const figures::IndicatorResult* none = new figures::IndicatorResult();
  return *none;
}

// A small council: a QSW who becomes a manager mid-year, an agency QSW, a part-time residential
// worker, a fieldworker starting on the census date.
StaffBuilder Council() {
  StaffBuilder b;
  b.Add("Q1", Role::kQsw, "2015-03-01", "2024-03-15").cpd_plan_date = D("2024-01-10");
  StaffRow& promoted = b.Add("Q1", Role::kManager, "2024-03-15");
  promoted.service_start_date = D("2015-03-01");
  promoted.manager_level = ManagerLevel::kTeam;
  promoted.mgmt_qual = true;
  promoted.cpd_plan_date = D("2024-01-10");
  b.Add("Q2", Role::kQsw, "2023-06-01").employment = Employment::kAgency;
  b.staff.back().nts_qual_met = true;
  b.Add("R1", Role::kResidential, "2019-09-01").fte = 0.5;
  b.staff.back().reg_qual_met = true;
  b.Add("F1", Role::kFieldOther, "2024-07-31");
  b.Absent("Q1", "2024-03", AbsenceType::kSick, 2);  // QSW on 1 March
  b.Absent("Q2", "2024-04", AbsenceType::kSick, 6);
  b.Absent("R1", "2023-11", AbsenceType::kOtherUnplanned, 1);
  return b;
}

TEST(ComputeWorkforceTest, GivesEveryFigureInCatalogueOrderWhenOpenCasesAreKnown) {
  const StaffBuilder b = Council();
  OpenCases cases;
  cases.children = {{"C1", {"Q2"}}, {"C2", {"Q1"}}, {"C3", {}}};
  const std::vector<figures::IndicatorResult> results =
      ComputeWorkforce(b.staff, b.absences, ClasYear(2023), &cases);
  EXPECT_THAT(CodesOf(results), ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.4a", "7.4b",
                                            "7.5", "7.6", "7.7", "9.1"));
  const figures::IndicatorResult& qualified = Find(results, "7.4a");
  EXPECT_EQ(qualified.counts.denominator, 3);
  EXPECT_EQ(qualified.counts.numerator, 1);  // Q1 is a manager at CD
  EXPECT_EQ(Find(results, "7.4b").counts.numerator, 2);
}

TEST(ComputeWorkforceTest, LeavesOut74WithoutOpenCasesRatherThanReportingZero) {
  const StaffBuilder b = Council();
  const std::vector<figures::IndicatorResult> results =
      ComputeWorkforce(b.staff, b.absences, ClasYear(2023), nullptr);
  EXPECT_THAT(CodesOf(results),
              ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.5", "7.6", "7.7", "9.1"));
}

TEST(ComputeWorkforceTest, ReadsEachFigureOnItsOwnDay) {
  const StaffBuilder b = Council();
  const std::vector<figures::IndicatorResult> results =
      ComputeWorkforce(b.staff, b.absences, ClasYear(2023), nullptr);
  // 7.1: at CD Q1 is a manager and Q2 is agency.
  EXPECT_EQ(Find(results, "7.1").counts.denominator, 0);
  EXPECT_EQ(Figure(Find(results, "7.1"), kAgencyHeadcount), 1.0);
  // 7.2: F1 starts on CD.
  EXPECT_EQ(Find(results, "7.2").counts.denominator, 1);
  // 7.3a: Q1 was QSW on 31 August to 29 February (7 months), Q2 from 30 June 2023 (12 months):
  // mean FTE 19 / 12; sick days 2 + 6.
  const figures::IndicatorResult& qsw_days = Find(results, "7.3a");
  EXPECT_EQ(Figure(qsw_days, kSickFteDaysLost), 8.0);
  EXPECT_DOUBLE_EQ(*Figure(qsw_days, kMeanFte), 19.0 / 12.0);
  EXPECT_EQ(Figure(qsw_days, kDaysPerFte), 5.1);  // 8 / 1.583
  // 7.3c: part-time R1, other unplanned only.
  const figures::IndicatorResult& residential_days = Find(results, "7.3c");
  EXPECT_EQ(Figure(residential_days, kMeanFte), 0.5);
  EXPECT_EQ(Figure(residential_days, kDaysPerFte), 0.0);
  EXPECT_EQ(Figure(residential_days, kOtherUnplannedFteDaysLost), 1.0);
  // 7.5: Q2 (Y), R1, F1; Q1 is a manager.
  EXPECT_EQ(Find(results, "7.5").counts.denominator, 3);
  EXPECT_EQ(Find(results, "7.5").counts.numerator, 1);
  // 7.7: F1 has under 91 days; Q1's plan is in the year.
  EXPECT_EQ(Find(results, "7.7").counts.denominator, 3);
  EXPECT_EQ(Find(results, "7.7").counts.numerator, 1);
  // 9.1: Q1 as a team manager.
  EXPECT_EQ(Find(results, "9.1").counts.numerator, 1);
  EXPECT_EQ(testing::Cell(Find(results, "9.1"), kManagerLevel, "TEAM").denominator, 1);
}

}  // namespace
}  // namespace pif::workforce
