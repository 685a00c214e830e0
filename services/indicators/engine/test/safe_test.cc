// Golden tests of section 1, Safe, on hand-built data at the boundaries the definitions name.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::ExplainOne;
using testing::RecordsBuilder;

// A child looked after (in a FOST_LA placement) from `start` to `end` (empty: still).
void LookedAfter(RecordsBuilder& b, const std::string& child, const std::string& start,
                 const std::string& end = "") {
  b.AddChild(child);
  b.AddEpisode("E-" + child, child, start, end);
  b.AddPlacement("P-" + child, "E-" + child, "FOST_LA", start, end);
}

// The supplementary figure `name`, or -1 when absent.
double Supplementary(const IndicatorResult& r, const std::string& name) {
  for (const SupplementaryFigure& f : r.supplementary) {
    if (f.name == name) return f.value;
  }
  return -1;
}

// True when some reason of the only explained unit contains `text`.
bool SaysSomewhere(const std::vector<UnitExplanation>& units, const std::string& text) {
  if (units.size() != 1) {
    ADD_FAILURE() << units.size() << " units explained";
    return false;
  }
  for (const std::string& reason : units[0].reasons) {
    if (reason.find(text) != std::string::npos) return true;
  }
  for (const std::string& reason : units[0].reasons) ADD_FAILURE() << "reason: " << reason;
  return false;
}

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

// --- 1 S.2 missing for 24 hours or more ---

TEST(MissingTest, ExactlyTwentyFourHoursCountsAndOneMinuteLessDoesNot) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddIncident("I1", "C1", "MISSING", "2023-11-10T10:00", "2023-11-11T10:00");
  LookedAfter(b, "C2", "2023-01-01");
  b.AddIncident("I2", "C2", "MISSING", "2023-11-10T10:00", "2023-11-11T09:59");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
  EXPECT_EQ(Supplementary(r, "incidents"), 1);
}

TEST(MissingTest, AnIncidentWithNoEndRunsToMidnightAfterThePeriodEnd) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddIncident("I1", "C1", "MISSING", "2024-07-31T00:00");  // to 2024-08-01T00:00: 24 hours
  LookedAfter(b, "C2", "2023-01-01");
  b.AddIncident("I2", "C2", "MISSING", "2024-07-31T00:01");  // 23h59
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  auto units = ExplainOne(b.Build(), "1 S.2", ClasYear(2023), "C1");
  EXPECT_TRUE(SaysSomewhere(units, "until 2024-08-01T00:00:00 (no end recorded"));
}

TEST(MissingTest, DurationIsRealElapsedTimeAcrossClockChanges) {
  RecordsBuilder b;
  // Clocks go forward at 01:00 on 31 March 2024: 24 wall-clock hours are 23 real hours.
  LookedAfter(b, "C1", "2023-01-01");
  b.AddIncident("I1", "C1", "MISSING", "2024-03-30T12:00", "2024-03-31T12:00");
  // Clocks go back at 02:00 on 29 October 2023: 23h30 on the clock are 24h30 real.
  LookedAfter(b, "C2", "2023-01-01");
  b.AddIncident("I2", "C2", "MISSING", "2023-10-28T12:00", "2023-10-29T11:30");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  auto units = ExplainOne(b.Build(), "1 S.2", ClasYear(2023), "C2");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
}

TEST(MissingTest, AnIncidentStartingWhileNotLookedAfterDoesNotCount) {
  RecordsBuilder b;
  // Looked after 2023-09-01 to 2023-10-01 (half-open: not on 1 October).
  LookedAfter(b, "C1", "2023-09-01", "2023-10-01");
  b.AddIncident("I1", "C1", "MISSING", "2023-10-01T10:00", "2023-10-05T10:00");
  b.AddIncident("I2", "C1", "MISSING", "2023-08-31T23:00", "2023-09-03T10:00");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(Supplementary(r, "incidents"), 0);
}

TEST(MissingTest, OnlyMissingIncidentsStartingInThePeriodCount) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddIncident("I1", "C1", "MISSING", "2023-07-31T20:00", "2023-08-03T10:00");  // before PS
  LookedAfter(b, "C2", "2023-01-01");
  b.AddIncident("I2", "C2", "HOMELESS", "2023-09-01T10:00", "2023-09-05T10:00");
  LookedAfter(b, "C3", "2023-01-01");
  b.AddIncident("I3", "C3", "MISSING", "2024-07-31T23:59", "2024-08-02T00:00");  // on PE
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(MissingTest, ChildrenNotLookedAfterDuringThePeriodAreOutside) {
  RecordsBuilder b;
  b.AddChild("C1");  // never looked after
  b.AddIncident("I1", "C1", "MISSING", "2023-11-10T10:00", "2023-11-15T10:00");
  b.AddChild("C2");  // an episode of short breaks only is ignored
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-01-01").short_break = "Y";
  b.AddIncident("I2", "C2", "MISSING", "2023-11-10T10:00", "2023-11-15T10:00");
  LookedAfter(b, "C3", "2022-01-01", "2023-08-01");  // ended the day the period starts
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  auto units = ExplainOne(b.Build(), "1 S.2", ClasYear(2023), "C1");
  EXPECT_TRUE(SaysSomewhere(units, "not looked after on any day of the period"));
}

TEST(MissingTest, ExplainNamesTheIncidentAndItsDuration) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddIncident("I1", "C1", "MISSING", "2023-11-10T10:00", "2023-11-12T10:00");
  b.AddIncident("I2", "C1", "MISSING", "2023-12-10T10:00", "2023-12-12T10:00");
  auto units = ExplainOne(b.Build(), "1 S.2", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_TRUE(SaysSomewhere(units,
                            "MISSING incident I1 starting 2023-11-10T10:00:00 (looked "
                            "after that day) lasted 48h"));
  EXPECT_TRUE(SaysSomewhere(units, "2 such incidents"));
  IndicatorResult r = ComputeOne(b.Build(), "1 S.2", ClasYear(2023));
  EXPECT_EQ(Supplementary(r, "incidents"), 2);
}

// --- 1 S.3 high-risk behaviour, effective support ---

TEST(HighRiskTest, TheLatestHighRiskReviewDecides) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddReview("V1", "C1", "LAC", "2023-09-01");
  b.AddFinding("V1", "HIGH_RISK", "YES");
  b.AddFinding("V1", "SUPPORT_EFFECTIVE", "YES");
  b.AddReview("V2", "C1", "CHILD_PLAN", "2024-03-01");
  b.AddFinding("V2", "HIGH_RISK", "YES");
  b.AddFinding("V2", "SUPPORT_EFFECTIVE", "NO");
  LookedAfter(b, "C2", "2023-01-01");
  b.AddReview("V3", "C2", "LAC", "2023-09-01");
  b.AddFinding("V3", "HIGH_RISK", "YES");
  b.AddFinding("V3", "SUPPORT_EFFECTIVE", "NO");
  b.AddReview("V4", "C2", "LAC", "2024-03-01");
  b.AddFinding("V4", "HIGH_RISK", "YES");
  b.AddFinding("V4", "SUPPORT_EFFECTIVE", "YES");
  b.AddReview("V5", "C2", "LAC", "2024-05-01");  // later, but not HIGH_RISK = YES
  b.AddFinding("V5", "HIGH_RISK", "NO");
  b.AddFinding("V5", "SUPPORT_EFFECTIVE", "NO");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  auto units = ExplainOne(b.Build(), "1 S.3", ClasYear(2023), "C2");
  EXPECT_TRUE(SaysSomewhere(units,
                            "latest review in the period recording HIGH_RISK = YES is V4 "
                            "on 2024-03-01"));
}

TEST(HighRiskTest, ReviewsOnTheSameDayAreOrderedById) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddReview("V2", "C1", "LAC", "2024-03-01");
  b.AddFinding("V2", "HIGH_RISK", "YES");
  b.AddFinding("V2", "SUPPORT_EFFECTIVE", "YES");
  b.AddReview("V1", "C1", "LAC", "2024-03-01");
  b.AddFinding("V1", "HIGH_RISK", "YES");
  b.AddFinding("V1", "SUPPORT_EFFECTIVE", "NO");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HighRiskTest, OnlyInPeriodReviewsOfLookedAfterChildrenCount) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddReview("V1", "C1", "LAC", "2023-07-31");  // before the period
  b.AddFinding("V1", "HIGH_RISK", "YES");
  b.AddFinding("V1", "SUPPORT_EFFECTIVE", "YES");
  b.AddChild("C2");  // not looked after
  b.AddReview("V2", "C2", "CHILD_PLAN", "2023-09-01");
  b.AddFinding("V2", "HIGH_RISK", "YES");
  b.AddFinding("V2", "SUPPORT_EFFECTIVE", "YES");
  LookedAfter(b, "C3", "2023-01-01", "2023-09-01");  // LADP; the review is after the episode
  b.AddReview("V3", "C3", "CHILD_PLAN", "2024-07-31");
  b.AddFinding("V3", "HIGH_RISK", "YES");
  b.AddFinding("V3", "SUPPORT_EFFECTIVE", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HighRiskTest, ALatestReviewWithoutSupportEffectiveIsInTheDenominatorOnly) {
  RecordsBuilder b;
  LookedAfter(b, "C1", "2023-01-01");
  b.AddReview("V1", "C1", "LAC", "2023-09-01");
  b.AddFinding("V1", "HIGH_RISK", "YES");
  b.AddFinding("V1", "SUPPORT_EFFECTIVE", "YES");
  b.AddReview("V2", "C1", "LAC", "2024-01-01");
  b.AddFinding("V2", "HIGH_RISK", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 S.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(r.unknown, 0);
  auto units = ExplainOne(b.Build(), "1 S.3", ClasYear(2023), "C1");
  EXPECT_TRUE(SaysSomewhere(units, "it records SUPPORT_EFFECTIVE = not recorded"));
}

}  // namespace
}  // namespace pif::engine
