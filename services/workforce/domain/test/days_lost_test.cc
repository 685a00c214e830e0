// Golden tests of 7.3a/b/c: the months of the period, sickness days by the row in force on the
// month's first day, FTE read on the month's last day, the mean over the months.
#include "pif/workforce/domain/days_lost.h"

#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"
#include "pif/workforce/domain/staff_index.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::ClasYear;
using testing::D;
using testing::Figure;
using testing::M;
using testing::P;
using testing::StaffBuilder;

figures::IndicatorResult Compute(const StaffBuilder& b, Role role, const figures::Period& period) {
  const StaffIndex index(b.staff);
  return DaysLostPerFte("7.3", role, index, b.absences, period);
}

TEST(MonthsStartingInTest, AClasYearHasItsTwelveMonthsAugustToJuly) {
  const std::vector<dates::YearMonth> months = MonthsStartingIn(ClasYear(2023));
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front(), M("2023-08"));
  EXPECT_EQ(months.back(), M("2024-07"));
}

TEST(MonthsStartingInTest, AMonthCountsWhenItsFirstDayIsInThePeriod) {
  const std::vector<dates::YearMonth> months = MonthsStartingIn(P("2023-08-02", "2024-08-01"));
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months.front(), M("2023-09"));
  EXPECT_EQ(months.back(), M("2024-08"));
  EXPECT_TRUE(MonthsStartingIn(P("2024-01-05", "2024-01-20")).empty());
}

TEST(DaysLostPerFteTest, APartTimeWorkerAddsTheirFteToTheDenominator) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01");
  b.Add("S2", Role::kQsw, "2020-01-01").fte = 0.5;
  b.Absent("S1", "2023-09", AbsenceType::kSick, 3);
  b.Absent("S2", "2023-10", AbsenceType::kSick, 1.5);
  const figures::IndicatorResult r = Compute(b, Role::kQsw, ClasYear(2023));
  EXPECT_EQ(r.code, "7.3");
  EXPECT_EQ(Figure(r, kSickFteDaysLost), 4.5);
  EXPECT_EQ(Figure(r, kMeanFte), 1.5);
  EXPECT_EQ(Figure(r, kDaysPerFte), 3.0);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(r.counts.denominator, 0);
}

TEST(DaysLostPerFteTest, AbsencesSplitAcrossMonthsAreAddedAndOnlyThePeriodsMonthsCount) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 2.5);
  b.Absent("S1", "2024-02", AbsenceType::kSick, 3);
  b.Absent("S1", "2023-07", AbsenceType::kSick, 10);  // before the period
  b.Absent("S1", "2024-08", AbsenceType::kSick, 10);  // after it
  const figures::IndicatorResult r = Compute(b, Role::kQsw, ClasYear(2023));
  EXPECT_EQ(Figure(r, kSickFteDaysLost), 5.5);
  EXPECT_EQ(Figure(r, kDaysPerFte), 5.5);
}

TEST(DaysLostPerFteTest, OtherUnplannedAbsenceIsReportedAlongsideNotInTheNumerator) {
  StaffBuilder b;
  b.Add("S1", Role::kResidential, "2020-01-01");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 2);
  b.Absent("S1", "2024-01", AbsenceType::kOtherUnplanned, 4);
  b.Absent("S1", "2024-03", AbsenceType::kOtherUnplanned, 0.5);
  const figures::IndicatorResult r = Compute(b, Role::kResidential, ClasYear(2023));
  EXPECT_EQ(Figure(r, kSickFteDaysLost), 2.0);
  EXPECT_EQ(Figure(r, kOtherUnplannedFteDaysLost), 4.5);
  EXPECT_EQ(Figure(r, kDaysPerFte), 2.0);
}

TEST(DaysLostPerFteTest, AMonthWithNoFteCountsAsZeroInTheMean) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2024-02-01");  // not in post on 31 January
  b.Absent("S1", "2024-02", AbsenceType::kSick, 2);
  const figures::IndicatorResult r = Compute(b, Role::kQsw, P("2024-01-01", "2024-03-31"));
  EXPECT_DOUBLE_EQ(*Figure(r, kMeanFte), 2.0 / 3.0);
  EXPECT_EQ(Figure(r, kDaysPerFte), 3.0);  // not 2.0, as skipping January would give
}

TEST(DaysLostPerFteTest, ARoleChangeMidMonthCountsTheAbsenceByTheFirstDayAndTheFteByTheLast) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01", "2024-01-15");
  b.Add("S1", Role::kFieldOther, "2024-01-15").service_start_date = D("2020-01-01");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 4);
  const figures::Period january = P("2024-01-01", "2024-01-31");
  const figures::IndicatorResult qsw = Compute(b, Role::kQsw, january);
  EXPECT_EQ(Figure(qsw, kSickFteDaysLost), 4.0);
  EXPECT_EQ(Figure(qsw, kMeanFte), 0.0);
  EXPECT_EQ(Figure(qsw, kDaysPerFte), std::nullopt);  // no FTE: no value, never infinity
  const figures::IndicatorResult other = Compute(b, Role::kFieldOther, january);
  EXPECT_EQ(Figure(other, kSickFteDaysLost), 0.0);
  EXPECT_EQ(Figure(other, kMeanFte), 1.0);
  EXPECT_EQ(Figure(other, kDaysPerFte), 0.0);
}

TEST(DaysLostPerFteTest, TheFteOfAMonthIsReadOnItsLastDayEvenAfterThePeriodEnds) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2024-01-20").fte = 0.8;  // after PE, before 31 January
  const figures::IndicatorResult r = Compute(b, Role::kQsw, P("2024-01-01", "2024-01-15"));
  EXPECT_EQ(Figure(r, kMeanFte), 0.8);
}

TEST(DaysLostPerFteTest, AnAbsenceOfSomeoneNotInPostOnTheFirstDayIsInNoGroup) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2024-01-10");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 2);
  b.Absent("S1", "2024-02", AbsenceType::kSick, 1);
  b.Absent("S9", "2024-02", AbsenceType::kSick, 7);  // unknown staff member
  const figures::IndicatorResult r = Compute(b, Role::kQsw, ClasYear(2023));
  EXPECT_EQ(Figure(r, kSickFteDaysLost), 1.0);
}

TEST(DaysLostPerFteTest, AgencyStaffCountLikeEmployees) {
  StaffBuilder b;
  b.Add("S1", Role::kFieldOther, "2020-01-01").employment = Employment::kAgency;
  b.Add("S2", Role::kFieldOther, "2020-01-01").employment.reset();
  b.Absent("S1", "2024-05", AbsenceType::kSick, 6);
  const figures::IndicatorResult r = Compute(b, Role::kFieldOther, ClasYear(2023));
  EXPECT_EQ(Figure(r, kMeanFte), 2.0);
  EXPECT_EQ(Figure(r, kDaysPerFte), 3.0);
}

TEST(DaysLostPerFteTest, APeriodWithNoMonthHasNoMeanAndNoValue) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 2);
  const figures::IndicatorResult r = Compute(b, Role::kQsw, P("2024-01-05", "2024-01-20"));
  EXPECT_EQ(Figure(r, kSickFteDaysLost), 0.0);
  EXPECT_EQ(Figure(r, kMeanFte), std::nullopt);
  EXPECT_EQ(Figure(r, kDaysPerFte), std::nullopt);
}

TEST(DaysLostPerFteTest, TheValueIsRoundedToOneDecimalFromUnroundedParts) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2020-01-01");
  b.Add("S2", Role::kQsw, "2020-01-01");
  b.Add("S3", Role::kQsw, "2020-01-01");
  b.Absent("S1", "2024-01", AbsenceType::kSick, 10);
  const figures::IndicatorResult r = Compute(b, Role::kQsw, ClasYear(2023));
  EXPECT_EQ(Figure(r, kDaysPerFte), 3.3);  // 10 / 3 = 3.33
}

}  // namespace
}  // namespace pif::workforce
