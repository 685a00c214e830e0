// Golden tests of section 1, Safe, on hand-built data at the boundaries the definitions name.
#include "builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::RecordsBuilder;

// --- 1 S.1 repeat child protection referral ---

TEST(RepeatReferralTest, AReferralExactly365DaysAfterAnotherIsARepeat) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReferral("R0", "C1", "2023-01-31");
  b.AddReferral("R1", "C1", "2024-01-31");  // 2024-01-31 - 365 days = 2023-01-31
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(RepeatReferralTest, A366DayGapIsNotARepeat) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReferral("R0", "C1", "2023-01-30");
  b.AddReferral("R1", "C1", "2024-01-31");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(RepeatReferralTest, ReferralsOnTheSameDayAreNotRepeats) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReferral("R1", "C1", "2023-10-01");
  b.AddReferral("R2", "C1", "2023-10-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(RepeatReferralTest, ADeregistrationWithinTheYearCountsUnlessTransferOut) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddRegistration("G1", "C1", "2022-01-01", "2023-06-01", "IMPROVED_HOME");
  b.AddReferral("R1", "C1", "2023-10-01");
  b.AddChild("C2");
  b.AddRegistration("G2", "C2", "2022-01-01", "2023-06-01", "TRANSFER_OUT");
  b.AddReferral("R2", "C2", "2023-10-01");
  b.AddChild("C3");
  b.AddRegistration("G3", "C3", "2022-01-01", "2023-06-01", "");  // empty reason counts
  b.AddReferral("R3", "C3", "2023-10-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(RepeatReferralTest, ADeregistrationOnTheReferralDayDoesNotCount) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddRegistration("G1", "C1", "2022-01-01", "2023-10-01", "IMPROVED_HOME");
  b.AddReferral("R1", "C1", "2023-10-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(RepeatReferralTest, ReferralsOutsideThePeriodAreNotInTheDenominator) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReferral("R0", "C1", "2023-07-31");
  b.AddReferral("R1", "C1", "2024-08-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
}

}  // namespace
}  // namespace pif::engine
