// Golden tests of 7.1 and 7.2: who is counted at the census date, the service bands at their
// edges (29 February starts), the median and the agency headcount.
#include "pif/workforce/domain/service_length.h"

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

figures::IndicatorResult Compute(const StaffBuilder& b, Role role = Role::kQsw) {
  const StaffIndex index(b.staff);
  return LengthOfService(role == Role::kQsw ? "7.1" : "7.2", role, index, D(kCensus));
}

// Adds an EMPLOYEE QSW in post at the census date with `days` of service.
void AddWithServiceDays(StaffBuilder& b, const std::string& id, int days) {
  b.Add(id, Role::kQsw, "2024-01-01").service_start_date = D(kCensus).AddDays(-days);
}

TEST(ServiceBandTest, ACompletedYearStartsTheNextBandOnTheAnniversary) {
  EXPECT_EQ(ServiceBandOf(D("2020-08-01"), D("2021-07-31")), "<1");
  EXPECT_EQ(ServiceBandOf(D("2020-08-01"), D("2021-08-01")), "1-<2");
  EXPECT_EQ(ServiceBandOf(D("2020-08-01"), D("2020-08-01")), "<1");
}

TEST(ServiceBandTest, ATwentyNinthOfFebruaryStartHasItsAnniversaryOnTheFirstOfMarch) {
  const dates::Date start = D("2000-02-29");
  EXPECT_EQ(ServiceBandOf(start, D("2001-02-28")), "<1");
  EXPECT_EQ(ServiceBandOf(start, D("2001-03-01")), "1-<2");
  EXPECT_EQ(ServiceBandOf(start, D("2002-02-28")), "1-<2");
  EXPECT_EQ(ServiceBandOf(start, D("2002-03-01")), "2-<5");
  EXPECT_EQ(ServiceBandOf(start, D("2005-02-28")), "2-<5");
  EXPECT_EQ(ServiceBandOf(start, D("2005-03-01")), "5-<10");
  EXPECT_EQ(ServiceBandOf(start, D("2010-02-28")), "5-<10");
  EXPECT_EQ(ServiceBandOf(start, D("2010-03-01")), "10-<20");
  EXPECT_EQ(ServiceBandOf(start, D("2020-02-28")), "10-<20");
  EXPECT_EQ(ServiceBandOf(start, D("2020-02-29")), "20+");  // a leap year: the day itself
}

TEST(ServiceBandTest, AServiceStartAfterTheCensusDateIsUnderOneYear) {
  EXPECT_EQ(ServiceBandOf(D("2024-09-01"), D("2024-07-31")), "<1");
}

TEST(LengthOfServiceTest, CountsEmployeesOfTheRoleInPostAtTheCensusDateByBand) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2024-07-31");                // starts on CD: in post, <1
  b.Add("S2", Role::kQsw, "2020-01-01", "2024-07-31");  // ends on CD: not in post
  b.Add("S3", Role::kQsw, "2018-07-31");                // exactly 6 years: 5-<10
  b.Add("S4", Role::kFieldOther, "2010-01-01");         // another role
  b.Add("S5", Role::kQsw, "2024-08-01");                // starts after CD
  b.Add("S6", Role::kQsw, "2023-01-01").employment = Employment::kAgency;      // alongside
  b.Add("S7", Role::kQsw, "2001-02-01").service_start_date = D("2004-07-31");  // 20 years: 20+
  const figures::IndicatorResult r = Compute(b);
  EXPECT_EQ(r.code, "7.1");
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(r.unknown, 0);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "<1").numerator, 1);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "5-<10").numerator, 1);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "20+").numerator, 1);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "1-<2").numerator, 0);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "20+").denominator, 3);
  EXPECT_EQ(figures::PercentOf(Cell(r, kLengthOfServiceBand, "20+")), 33.3);
  EXPECT_EQ(Figure(r, kAgencyHeadcount), 1.0);
}

TEST(LengthOfServiceTest, GivesEveryBandInOrderEvenWhenEmpty) {
  const figures::IndicatorResult r = Compute(StaffBuilder());
  std::vector<std::string> categories;
  for (const figures::BreakdownCell& cell : r.breakdowns) {
    EXPECT_EQ(cell.dimension, kLengthOfServiceBand);
    EXPECT_EQ(cell.counts.numerator, 0);
    categories.push_back(cell.category);
  }
  EXPECT_EQ(categories, (std::vector<std::string>{"<1", "1-<2", "2-<5", "5-<10", "10-<20", "20+"}));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(Figure(r, kMedianYears), std::nullopt);
  EXPECT_EQ(Figure(r, kAgencyHeadcount), 0.0);
}

TEST(LengthOfServiceTest, TheRowInForceAtTheCensusDateDecidesTheRole) {
  StaffBuilder b;
  b.Add("S1", Role::kQsw, "2015-01-01", "2024-06-15");
  b.Add("S1", Role::kFieldOther, "2024-06-15").service_start_date = D("2015-01-01");
  const figures::IndicatorResult qsw = Compute(b, Role::kQsw);
  const figures::IndicatorResult other = Compute(b, Role::kFieldOther);
  EXPECT_EQ(qsw.counts.denominator, 0);
  EXPECT_EQ(other.code, "7.2");
  EXPECT_EQ(other.counts.denominator, 1);
  EXPECT_EQ(Cell(other, kLengthOfServiceBand, "5-<10").numerator, 1);
}

TEST(LengthOfServiceTest, AnAgencyWorkerIsCountedAlongsideNotInTheBandsOrMedian) {
  StaffBuilder b;
  AddWithServiceDays(b, "S1", 1000);
  b.Add("S2", Role::kQsw, "2024-01-01").employment = Employment::kAgency;
  b.staff.back().service_start_date = D("1990-01-01");
  const figures::IndicatorResult r = Compute(b);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(Cell(r, kLengthOfServiceBand, "20+").numerator, 0);
  EXPECT_EQ(Figure(r, kMedianYears), 2.7);  // 1000 / 365.25 = 2.74
  EXPECT_EQ(Figure(r, kAgencyHeadcount), 1.0);
}

TEST(LengthOfServiceTest, StaffWithoutARecordedEmploymentAreUnknown) {
  StaffBuilder b;
  AddWithServiceDays(b, "S1", 1000);
  b.Add("S2", Role::kQsw, "2024-01-01").employment.reset();
  const figures::IndicatorResult r = Compute(b);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.unknown, 1);
  EXPECT_EQ(Figure(r, kAgencyHeadcount), 0.0);
}

TEST(LengthOfServiceTest, TheMedianOfAnOddHeadcountIsTheMiddleServiceInYearsOf365Point25Days) {
  StaffBuilder b;
  AddWithServiceDays(b, "S1", 5000);
  AddWithServiceDays(b, "S2", 1000);
  AddWithServiceDays(b, "S3", 2000);
  EXPECT_EQ(Figure(Compute(b), kMedianYears), 5.5);  // 2000 / 365.25 = 5.48
}

TEST(LengthOfServiceTest, TheMedianOfAnEvenHeadcountIsTheMeanOfTheMiddleTwo) {
  StaffBuilder b;
  AddWithServiceDays(b, "S1", 9000);
  AddWithServiceDays(b, "S2", 1000);
  AddWithServiceDays(b, "S3", 3000);
  AddWithServiceDays(b, "S4", 2000);
  // (2000 + 3000) / 2 = 2500 days = 6.84 years (6 completed years, so not a band's median).
  EXPECT_EQ(Figure(Compute(b), kMedianYears), 6.8);
}

}  // namespace
}  // namespace pif::workforce
