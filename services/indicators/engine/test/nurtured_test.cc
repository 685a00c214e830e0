// Golden tests of section 1, Nurtured, on hand-built data at the boundaries the definitions and
// section 8 of indicators.md name. Unless said otherwise the period is the CLAS year 2023
// (2023-08-01 to 2024-07-31), so CD = 2024-07-31.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::ExplainOne;
using testing::RecordsBuilder;

const Period kYear = ClasYear(2023);

// A child in one open episode with one open placement of `type`, both from `start`; returns the
// placement (valid until the next placement is added).
Placement& Placed(RecordsBuilder& b, const std::string& child, const std::string& type,
                  const std::string& start = "2023-01-01", const std::string& dob = "2010-06-15") {
  b.AddChild(child, dob);
  b.AddEpisode("E-" + child, child, start);
  return b.AddPlacement("P-" + child, "E-" + child, type, start);
}

// The explained unit `unit` (fails when not exactly one).
UnitExplanation Unit(const CaseRecords& records, const std::string& code, const std::string& unit,
                     const Period& period = kYear) {
  std::vector<UnitExplanation> units = ExplainOne(records, code, period, unit);
  if (units.size() != 1) {
    ADD_FAILURE() << units.size() << " units explained for " << unit;
    return UnitExplanation{};
  }
  return units[0];
}

// True when some reason contains `text` (prints the reasons otherwise).
bool Says(const UnitExplanation& unit, const std::string& text) {
  for (const std::string& reason : unit.reasons) {
    if (reason.find(text) != std::string::npos) return true;
  }
  for (const std::string& reason : unit.reasons) ADD_FAILURE() << "reason: " << reason;
  return false;
}

// --- 1 N.1 three or more placements ---

TEST(ThreePlacementsTest, HomePlacementsOfTheEpisodeCount) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddPlacement("P2", "E1", "HOME", "2023-03-01", "2023-06-01");
  b.AddPlacement("P3", "E1", "RES_LA", "2023-06-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.1", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(ThreePlacementsTest, ShortBreaksAreNotCounted) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddPlacement("P2", "E1", "FOST_LA", "2023-03-01", "2023-03-05").short_break = "Y";
  b.AddPlacement("P3", "E1", "FOST_LA", "2023-03-05");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.1", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(ThreePlacementsTest, APlacementStartingOnTheCensusDateCountsOneAfterDoesNot) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2024-01-01");
  b.AddPlacement("P2", "E1", "FOST_LA", "2024-01-01", "2024-07-31");
  b.AddPlacement("P3", "E1", "FOST_LA", "2024-07-31");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P4", "E2", "FOST_LA", "2023-01-01", "2024-01-01");
  b.AddPlacement("P5", "E2", "FOST_LA", "2024-01-01", "2024-08-01");
  b.AddPlacement("P6", "E2", "FOST_LA", "2024-08-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.1", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ThreePlacementsTest, OnlyTheEpisodeHoldingTheAccommodatingPlacementAtCdCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2022-01-01", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2022-01-01", "2022-06-01");
  b.AddPlacement("P2", "E1", "RES_LA", "2022-06-01", "2023-01-01");
  b.AddEpisode("E2", "C1", "2023-01-01");
  b.AddPlacement("P3", "E2", "FOST_LA", "2023-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.1", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.1", "C1");
  EXPECT_TRUE(Says(u,
                   "episode E2 has 1 placement(s) other than short breaks starting on or "
                   "before 2024-07-31: P3 (FOST_LA 2023-01-01) (fewer than 3)"));
}

TEST(ThreePlacementsTest, ChildrenAtHomeOrOnAShortBreakAtCdAreNotInTheDenominator) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddPlacement("P2", "E1", "RES_LA", "2023-03-01", "2023-06-01");
  b.AddPlacement("P3", "E1", "HOME", "2023-06-01");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P4", "E2", "FOST_LA", "2023-01-01", "2024-07-01");
  b.AddPlacement("P5", "E2", "FOST_LA", "2024-07-01").short_break = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.1", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
}

TEST(ThreePlacementsTest, ExplainListsThePlacementsCounted) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddPlacement("P2", "E1", "HOME", "2023-03-01", "2023-06-01");
  b.AddPlacement("P3", "E1", "RES_LA", "2023-06-01");
  UnitExplanation u = Unit(b.Build(), "1 N.1", "C1");
  EXPECT_TRUE(u.in_numerator);
  EXPECT_TRUE(Says(u,
                   "accommodated at 2024-07-31 in placement P3 (RES_LA) starting 2023-06-01 "
                   "of episode E1"));
  EXPECT_TRUE(Says(u,
                   "P1 (FOST_LA 2023-01-01), P2 (HOME 2023-03-01), P3 (RES_LA 2023-06-01) "
                   "(3 or more)"));
}

// --- 1 N.2 kinship carers' support needs met ---

TEST(KinshipTest, ACompletedAssessmentWithoutUnmetKinshipNeedsCounts) {
  RecordsBuilder b;
  Placed(b, "C1", "KIN");
  b.AddAssessment("A1", "C1", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddNeed("N1", "A1", "KINSHIP_SUPPORT", "MET");
  b.AddNeed("N2", "A1", "KINSHIP_SUPPORT", "IN_HAND");
  b.AddNeed("N3", "A1", "HEALTH", "NOT_MET");  // another domain
  Placed(b, "C2", "KIN");
  b.AddAssessment("A2", "C2", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddNeed("N4", "A2", "KINSHIP_SUPPORT", "NOT_MET");
  Placed(b, "C3", "KIN");  // no needs at all counts as met
  b.AddAssessment("A3", "C3", "KINSHIP_CARER").completed_date = testing::D("2024-07-31");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.2", kYear);
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
}

TEST(KinshipTest, TheLatestAssessmentInTheWindowDecides) {
  RecordsBuilder b;
  Placed(b, "C1", "KIN");
  b.AddAssessment("A1", "C1", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddNeed("N1", "A1", "KINSHIP_SUPPORT", "NOT_MET");
  b.AddAssessment("A2", "C1", "KINSHIP_CARER").completed_date = testing::D("2024-03-10");
  b.AddNeed("N2", "A2", "KINSHIP_SUPPORT", "MET");
  Placed(b, "C2", "KIN");
  b.AddAssessment("A3", "C2", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddAssessment("A4", "C2", "KINSHIP_CARER").completed_date = testing::D("2024-03-10");
  b.AddNeed("N3", "A4", "KINSHIP_SUPPORT", "NOT_MET");
  // A later assessment after CD is not in the window.
  b.AddAssessment("A5", "C2", "KINSHIP_CARER").completed_date = testing::D("2024-08-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.2", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.2", "C2");
  EXPECT_TRUE(Says(u,
                   "latest KINSHIP_CARER assessment completed in the window is A4 on "
                   "2024-03-10"));
  EXPECT_TRUE(Says(u, "its KINSHIP_SUPPORT need N3 has status NOT_MET"));
}

TEST(KinshipTest, TheWindowExcludesExactly365DaysBeforeCd) {
  RecordsBuilder b;
  Placed(b, "C1", "KIN");  // CD - 365 days = 2023-08-01: outside
  b.AddAssessment("A1", "C1", "KINSHIP_CARER").completed_date = testing::D("2023-08-01");
  Placed(b, "C2", "KIN");
  b.AddAssessment("A2", "C2", "KINSHIP_CARER").completed_date = testing::D("2023-08-02");
  Placed(b, "C3", "KIN");  // requested but not completed
  b.AddAssessment("A3", "C3", "KINSHIP_CARER").requested_date = testing::D("2024-01-01");
  Placed(b, "C4", "KIN");  // another type of assessment
  b.AddAssessment("A4", "C4", "SW").completed_date = testing::D("2024-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.2", kYear);
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(KinshipTest, OnlyAKinPlacementAtCdThatIsNotAShortBreakPutsTheChildInD) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA");
  b.AddAssessment("A1", "C1", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddChild("C2");  // a KIN short break at CD, in a looked-after episode
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-01-01", "2024-07-01");
  b.AddPlacement("P3", "E2", "KIN", "2024-07-01").short_break = "Y";
  b.AddAssessment("A2", "C2", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  b.AddChild("C3");  // KIN placement and episode ended on CD (half-open: not at CD)
  b.AddEpisode("E3", "C3", "2023-01-01", "2024-07-31");
  b.AddPlacement("P4", "E3", "KIN", "2023-01-01", "2024-07-31");
  b.AddAssessment("A3", "C3", "KINSHIP_CARER").completed_date = testing::D("2024-01-10");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.2", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
}

// --- 1 N.3 returned home and still there 6 months later ---
// r must be in [2023-01-30, 2024-01-30]; r + 183 days for r = 2023-06-01 is 2023-12-01.

TEST(ReturnedHomeTest, AReturnToAHomePlacementOrAListedEpisodeEndCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddPlacement("P2", "E1", "HOME", "2023-06-01");
  for (const char* destination : {"HOME_PARENTS", "FRIENDS_RELATIVES", "KINSHIP_CARE_ORDER"}) {
    const std::string child = std::string("C-") + destination;
    b.AddChild(child);
    b.AddEpisode("E-" + child, child, "2023-01-01", "2023-06-01", destination);
    b.AddPlacement("P-" + child, "E-" + child, "RES_LA", "2023-01-01", "2023-06-01");
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 4);
  EXPECT_EQ(r.unknown, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.3", "C-HOME_PARENTS");
  EXPECT_TRUE(Says(u,
                   "ended on 2023-06-01, followed that day by the end of episode "
                   "E-C-HOME_PARENTS with destination HOME_PARENTS"));
}

TEST(ReturnedHomeTest, OtherDestinationsAndAnEpisodeCarryingOnAreNoReturnHome) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-06-01", "INDEPENDENT");
  b.AddPlacement("P1", "E1", "RES_LA", "2023-01-01", "2023-06-01");
  b.AddChild("C2");  // the placement ends but the episode goes on without a HOME placement
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P2", "E2", "RES_LA", "2023-01-01", "2023-06-01");
  b.AddChild("C3");  // a HOME placement starting the day after the spell ends
  b.AddEpisode("E3", "C3", "2023-01-01");
  b.AddPlacement("P3", "E3", "RES_LA", "2023-01-01", "2023-06-01");
  b.AddPlacement("P4", "E3", "HOME", "2023-06-02");
  b.AddChild("C4");  // a HOME short break does not make a return home
  b.AddEpisode("E4", "C4", "2023-01-01");
  b.AddPlacement("P5", "E4", "RES_LA", "2023-01-01", "2023-06-01");
  b.AddPlacement("P6", "E4", "HOME", "2023-06-01").short_break = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
}

TEST(ReturnedHomeTest, AHomePlacementInANewEpisodeStartingOnRCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-06-01", "OTHER");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddEpisode("E2", "C1", "2023-06-01");
  b.AddPlacement("P2", "E2", "HOME", "2023-06-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ReturnedHomeTest, ReAccommodationExactlyOnRPlus183DaysFailsOneDayLaterPasses) {
  RecordsBuilder b;
  for (const char* again : {"2023-12-01", "2023-12-02"}) {
    const std::string child = std::string("C-") + again;
    b.AddChild(child);
    b.AddEpisode("E1-" + child, child, "2023-01-01", "2023-06-01", "HOME_PARENTS");
    b.AddPlacement("P1-" + child, "E1-" + child, "FOST_LA", "2023-01-01", "2023-06-01");
    b.AddEpisode("E2-" + child, child, again);
    b.AddPlacement("P2-" + child, "E2-" + child, "FOST_LA", again);
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.3", "C-2023-12-01");
  EXPECT_FALSE(u.in_numerator);
  EXPECT_TRUE(Says(u,
                   "accommodated again: placement P2-C-2023-12-01 (FOST_LA) starting "
                   "2023-12-01 is within (2023-06-01, 2023-12-01]"));
}

TEST(ReturnedHomeTest, AShortBreakOrAHomePlacementAfterwardsIsNoReAccommodation) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-06-01", "HOME_PARENTS");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddEpisode("E2", "C1", "2023-08-01", "2023-08-03");  // short breaks only: ignored
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-08-01", "2023-08-03").short_break = "Y";
  b.AddEpisode("E3", "C1", "2023-09-01");  // looked after at home
  b.AddPlacement("P3", "E3", "HOME", "2023-09-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ReturnedHomeTest, ReturnDayMustBeInThePeriodShiftedBack183Days) {
  RecordsBuilder b;
  for (const char* r : {"2023-01-29", "2023-01-30", "2024-01-30", "2024-01-31"}) {
    const std::string child = std::string("C-") + r;
    b.AddChild(child);
    b.AddEpisode("E-" + child, child, "2022-01-01", r, "HOME_PARENTS");
    b.AddPlacement("P-" + child, "E-" + child, "FOST_LA", "2022-01-01", r);
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(ReturnedHomeTest, TheLatestReturnDecidesAndAnEarlierOneIsNotUsed) {
  RecordsBuilder b;
  // C1: home on 2023-03-01, accommodated again 2023-07-01, home on 2023-09-01, accommodated
  // again 2023-10-01: the latest r (2023-09-01) fails, the earlier one is not used.
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-03-01", "HOME_PARENTS");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddEpisode("E2", "C1", "2023-07-01", "2023-09-01", "HOME_PARENTS");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-07-01", "2023-09-01");
  b.AddEpisode("E3", "C1", "2023-10-01");
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-10-01");
  // C2: an early return that failed, a later one that holds.
  b.AddChild("C2");
  b.AddEpisode("E4", "C2", "2023-01-01", "2023-03-01", "HOME_PARENTS");
  b.AddPlacement("P4", "E4", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddEpisode("E5", "C2", "2023-04-01", "2023-09-01", "HOME_PARENTS");
  b.AddPlacement("P5", "E5", "FOST_LA", "2023-04-01", "2023-09-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.3", "C1");
  EXPECT_TRUE(Says(u,
                   "accommodation spell starting 2023-07-01 (first placement P2) ended on "
                   "2023-09-01"));
}

TEST(ReturnedHomeTest, ChildrenAged18AtRPlus183AreLeftOutAfterTheLatestRIsChosen) {
  RecordsBuilder b;
  // r = 2023-06-01, r + 183 = 2023-12-01.
  b.AddChild("C1", "2005-12-01");  // 18 on 2023-12-01: left out
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-06-01", "HOME_PARENTS");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddChild("C2", "2005-12-02");  // 17: in
  b.AddEpisode("E2", "C2", "2023-01-01", "2023-06-01", "HOME_PARENTS");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddChild("C3", "");  // no age: not left out
  b.AddEpisode("E3", "C3", "2023-01-01", "2023-06-01", "HOME_PARENTS");
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-01-01", "2023-06-01");
  // C4: 17 at the earlier r + 183 (2023-08-31) but 18 at the latest (2024-01-29): left out.
  b.AddChild("C4", "2006-01-01");
  b.AddEpisode("E4", "C4", "2023-01-01", "2023-03-01", "HOME_PARENTS");
  b.AddPlacement("P4", "E4", "FOST_LA", "2023-01-01", "2023-03-01");
  b.AddEpisode("E5", "C4", "2023-06-01", "2023-07-30", "HOME_PARENTS");
  b.AddPlacement("P5", "E5", "FOST_LA", "2023-06-01", "2023-07-30");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.3", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
  UnitExplanation u = Unit(b.Build(), "1 N.3", "C4");
  EXPECT_FALSE(u.in_denominator);
  EXPECT_TRUE(Says(u, "aged 18 on 2024-01-29 (183 days later): 18 or over, left out"));
}

// --- 1 N.4 consistent social worker ---
// CD = 2024-07-31; CD - 183 days = 2024-01-30; CD - 365 days = 2023-08-01.

TEST(ConsistentWorkerTest, TheEpisodeMustHaveStarted183DaysBeforeCd) {
  RecordsBuilder b;
  for (const char* start : {"2024-01-30", "2024-01-31"}) {
    const std::string child = std::string("C-") + start;
    Placed(b, child, "FOST_LA", start);
    b.AddInvolvement("I-" + child, child, "LAC", start);
    b.AddAllocation("A-" + child, "I-" + child, "S1", start);
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(ConsistentWorkerTest, TwoStaffPassThreeFail) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I1", "C1", "LAC", "2022-01-01");
  b.AddAllocation("A1", "I1", "S0", "2022-01-01", "2023-08-01");  // ends as W starts: not in W
  b.AddAllocation("A2", "I1", "S1", "2023-08-01", "2024-01-01");
  b.AddAllocation("A3", "I1", "S2", "2024-01-01", "2024-03-01");
  b.AddAllocation("A4", "I1", "S1", "2024-03-01");
  Placed(b, "C2", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I2", "C2", "LAC", "2022-01-01");
  b.AddAllocation("A5", "I2", "S1", "2022-01-01", "2023-08-02");  // one day in W
  b.AddAllocation("A6", "I2", "S2", "2023-08-02", "2024-03-01");
  b.AddAllocation("A7", "I2", "S3", "2024-03-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.4", "C2");
  EXPECT_TRUE(Says(u, "named allocations give more than 2 distinct staff (S1, S2, S3, ...)"));
}

TEST(ConsistentWorkerTest, AGapOfExactly28DaysPasses29Fails) {
  RecordsBuilder b;
  // C1: S1 until 2024-01-01, S2 from 2024-01-29: 2024-01-01..2024-01-28 unallocated, 28 days.
  Placed(b, "C1", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I1", "C1", "LAC", "2022-01-01");
  b.AddAllocation("A1", "I1", "S1", "2022-01-01", "2024-01-01");
  b.AddAllocation("A2", "I1", "S2", "2024-01-29");
  // C2: the same with 29 days.
  Placed(b, "C2", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I2", "C2", "LAC", "2022-01-01");
  b.AddAllocation("A3", "I2", "S1", "2022-01-01", "2024-01-01");
  b.AddAllocation("A4", "I2", "S2", "2024-01-30");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.4", "C2");
  EXPECT_TRUE(Says(u,
                   "the longest run without a named allocation is 29 day(s) from 2024-01-01, "
                   "more than 28"));
}

TEST(ConsistentWorkerTest, GapsAtTheStartAndEndOfTheWindowCount) {
  RecordsBuilder b;
  // W starts at CD - 365 = 2023-08-01: first allocation on 2023-08-29 leaves 28 days.
  Placed(b, "C1", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I1", "C1", "LAC", "2022-01-01");
  b.AddAllocation("A1", "I1", "S1", "2023-08-29");
  Placed(b, "C2", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I2", "C2", "LAC", "2022-01-01");
  b.AddAllocation("A2", "I2", "S1", "2023-08-30");
  // W starts at the episode start 2024-01-01: first allocation 2024-01-30 leaves 29 days.
  Placed(b, "C3", "FOST_LA", "2024-01-01");
  b.AddInvolvement("I3", "C3", "LAC", "2024-01-01");
  b.AddAllocation("A3", "I3", "S1", "2024-01-30");
  // Ends 2024-07-04: 2024-07-04..2024-07-31 is 28 days; ending 2024-07-03 leaves 29.
  Placed(b, "C4", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I4", "C4", "LAC", "2022-01-01");
  b.AddAllocation("A4", "I4", "S1", "2022-01-01", "2024-07-04");
  Placed(b, "C5", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I5", "C5", "LAC", "2022-01-01");
  b.AddAllocation("A5", "I5", "S1", "2022-01-01", "2024-07-03");
  // No allocation at all.
  Placed(b, "C6", "FOST_LA", "2022-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 6);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_TRUE(Unit(b.Build(), "1 N.4", "C1").in_numerator);
  EXPECT_TRUE(Unit(b.Build(), "1 N.4", "C4").in_numerator);
}

TEST(ConsistentWorkerTest, TeamRowsCountAsGapsAndAddNoStaff) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I1", "C1", "LAC", "2022-01-01");
  b.AddAllocation("A1", "I1", "S1", "2022-01-01", "2024-01-01");
  b.AddAllocation("A2", "I1", "", "2024-01-01", "2024-03-01");  // duty team
  b.AddAllocation("A3", "I1", "S1", "2024-03-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.4", "C1");
  EXPECT_TRUE(Says(u, "named allocations give 1 distinct staff (S1), at most 2"));
  EXPECT_TRUE(Says(u, "the longest run without a named allocation is 60 day(s) from 2024-01-01"));
}

TEST(ConsistentWorkerTest, AllocationsOfEveryInvolvementCountOverlappingOnesCoverTogether) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA", "2022-01-01");
  b.AddInvolvement("I1", "C1", "CP", "2022-01-01", "2024-02-01");  // closed, another basis
  b.AddInvolvement("I2", "C1", "LAC", "2024-01-01");
  b.AddAllocation("A1", "I1", "S1", "2022-01-01", "2024-02-01");
  b.AddAllocation("A2", "I2", "S2", "2024-01-15");
  b.AddAllocation("A3", "I1", "S1", "2023-09-01", "2023-10-01");  // inside A1
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.4", "C1");
  EXPECT_TRUE(Says(u, "a named worker was allocated on every day of the window"));
}

TEST(ConsistentWorkerTest, ChildrenNotLookedAfterAtCdAreNotConsidered) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2022-01-01", "2024-07-31");  // ends on CD
  b.AddPlacement("P1", "E1", "FOST_LA", "2022-01-01", "2024-07-31");
  b.AddInvolvement("I1", "C1", "LAC", "2022-01-01");
  b.AddAllocation("A1", "I1", "S1", "2022-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.4", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
}

// --- 1 N.5a and 1 N.5b permanent placement within 12 / 24 months ---

TEST(PermanenceTest, APermanentPlacementStartingOnTheDeadlineCountsOneDayLaterDoesNot) {
  RecordsBuilder b;
  // Aged 3 at S = 2023-03-01; T = 2024-03-01, in the period; the spell still runs on T.
  b.AddChild("C1", "2020-01-01");
  b.AddEpisode("E1", "C1", "2023-03-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-03-01", "2024-03-01");
  b.AddPlacement("P2", "E1", "PROSP_ADOPT", "2024-03-01").permanent_substitute = "Y";
  b.AddChild("C2", "2020-01-01");
  b.AddEpisode("E2", "C2", "2023-03-01");
  b.AddPlacement("P3", "E2", "FOST_LA", "2023-03-01", "2024-03-02");
  b.AddPlacement("P4", "E2", "PROSP_ADOPT", "2024-03-02").permanent_substitute = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
  EXPECT_EQ(ComputeOne(b.Build(), "1 N.5b", kYear).counts.denominator, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.5a", "P1");
  EXPECT_TRUE(u.in_numerator);
  EXPECT_TRUE(Says(u,
                   "permanent substitute placement P2 (PROSP_ADOPT) starting 2024-03-01 is "
                   "within [2023-03-01, 2024-03-01]"));
}

TEST(PermanenceTest, ASpellEndedBeforeTheDeadlineWithoutPermanenceIsNotInD) {
  RecordsBuilder b;
  b.AddChild("C1", "2020-01-01");  // ended on T (half-open: not running on T)
  b.AddEpisode("E1", "C1", "2023-03-01", "2024-03-01", "HOME_PARENTS");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-03-01", "2024-03-01");
  b.AddChild("C2", "2020-01-01");  // ended the day after T: still runs on T
  b.AddEpisode("E2", "C2", "2023-03-01", "2024-03-02", "HOME_PARENTS");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-03-01", "2024-03-02");
  b.AddChild("C3", "2020-01-01");  // ended before T after a permanent placement
  b.AddEpisode("E3", "C3", "2023-03-01", "2023-12-01", "ADOPTED");
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-03-01", "2023-06-01");
  b.AddPlacement("P4", "E3", "PROSP_ADOPT", "2023-06-01", "2023-12-01").permanent_substitute = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.5a", "P1");
  EXPECT_FALSE(u.in_denominator);
  EXPECT_TRUE(Says(u, "the spell ended on 2024-03-01, before the deadline"));
}

TEST(PermanenceTest, TheDeadlineIsClampedToTheMonthEnd) {
  // S = 2024-02-29: T = 2025-02-28 (CLAS year 2024 runs 2024-08-01 to 2025-07-31).
  RecordsBuilder b;
  b.AddChild("C1", "2022-01-01");
  b.AddEpisode("E1", "C1", "2024-02-29");
  b.AddPlacement("P1", "E1", "FOST_LA", "2024-02-29", "2025-02-28");
  b.AddPlacement("P2", "E1", "FOST_LA", "2025-02-28").permanent_substitute = "Y";
  b.AddChild("C2", "2022-01-01");
  b.AddEpisode("E2", "C2", "2024-02-29");
  b.AddPlacement("P3", "E2", "FOST_LA", "2024-02-29", "2025-03-01");
  b.AddPlacement("P4", "E2", "FOST_LA", "2025-03-01").permanent_substitute = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", ClasYear(2024));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.5a", "P3", ClasYear(2024));
  EXPECT_TRUE(Says(u, "deadline 2025-02-28 (12 months later)"));
}

TEST(PermanenceTest, TheDeadlineMustBeInThePeriod) {
  RecordsBuilder b;
  b.AddChild("C1", "2020-01-01");  // T = 2023-07-31, before the period
  b.AddEpisode("E1", "C1", "2022-07-31");
  b.AddPlacement("P1", "E1", "FOST_LA", "2022-07-31");
  b.AddChild("C2", "2020-01-01");  // T = 2023-08-01
  b.AddEpisode("E2", "C2", "2022-08-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2022-08-01");
  b.AddChild("C3", "2020-01-01");  // T = 2024-08-01, after it
  b.AddEpisode("E3", "C3", "2023-08-01");
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-08-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(PermanenceTest, AChildTurning5OnTheDayAccommodatedIsInN5b) {
  RecordsBuilder b;
  // S = 2022-03-01, 5th birthday that day; T = 2024-03-01.
  b.AddChild("C1", "2017-03-01");
  b.AddEpisode("E1", "C1", "2022-03-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2022-03-01", "2023-01-01");
  b.AddPlacement("P2", "E1", "FOST_LA", "2023-01-01").permanent_substitute = "Y";
  // Aged 4 at S = 2023-03-01 (5 the next day): N.5a.
  b.AddChild("C2", "2018-03-02");
  b.AddEpisode("E2", "C2", "2023-03-01");
  b.AddPlacement("P3", "E2", "FOST_LA", "2023-03-01");
  IndicatorResult a = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(a.counts.denominator, 1);
  EXPECT_EQ(a.counts.numerator, 0);
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5b", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.5b", "P1");
  EXPECT_TRUE(Says(u,
                   "starting 2022-03-01 (first placement P1), aged 5 then; deadline 2024-03-01 "
                   "(24 months later)"));
}

TEST(PermanenceTest, N5bLeavesOutChildrenAged18AtTheDeadline) {
  RecordsBuilder b;
  b.AddChild("C1", "2006-03-01");  // 18 on T = 2024-03-01
  b.AddEpisode("E1", "C1", "2022-03-01");
  b.AddPlacement("P1", "E1", "RES_LA", "2022-03-01");
  b.AddChild("C2", "2006-03-02");  // 17 on T
  b.AddEpisode("E2", "C2", "2022-03-01");
  b.AddPlacement("P2", "E2", "RES_LA", "2022-03-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5b", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.5b", "P1");
  EXPECT_TRUE(Says(u, "aged 18 on 2024-03-01: 18 or over, left out"));
}

TEST(PermanenceTest, AChildWithoutAnAgeIsInNeither) {
  RecordsBuilder b;
  b.AddChild("C1", "");
  b.AddEpisode("E1", "C1", "2023-03-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-03-01");
  b.AddEpisode("E2", "C1", "2022-03-01", "2022-06-01", "HOME_PARENTS");
  b.AddPlacement("P2", "E2", "FOST_LA", "2022-03-01", "2022-06-01");
  EXPECT_EQ(ComputeOne(b.Build(), "1 N.5a", kYear).counts.denominator, 0);
  EXPECT_EQ(ComputeOne(b.Build(), "1 N.5b", kYear).counts.denominator, 0);
  EXPECT_EQ(ComputeOne(b.Build(), "1 N.5a", kYear).unknown, 0);
}

TEST(PermanenceTest, TheSpellRunsAcrossEpisodesAndIsNamedByItsFirstPlacement) {
  RecordsBuilder b;
  b.AddChild("C1", "2020-01-01");
  b.AddEpisode("E1", "C1", "2023-03-01", "2023-06-01", "OTHER");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-03-01", "2023-06-01");
  b.AddEpisode("E2", "C1", "2023-06-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-06-01").permanent_substitute = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_TRUE(Unit(b.Build(), "1 N.5a", "P1").in_numerator);
}

TEST(PermanenceTest, APermanentPlacementOfAnEarlierSpellDoesNotCount) {
  RecordsBuilder b;
  b.AddChild("C1", "2020-01-01");
  b.AddEpisode("E1", "C1", "2022-01-01", "2022-06-01", "HOME_PARENTS");
  b.AddPlacement("P1", "E1", "FOST_LA", "2022-01-01", "2022-06-01").permanent_substitute = "Y";
  b.AddEpisode("E2", "C1", "2023-03-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-03-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.5a", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_TRUE(Says(Unit(b.Build(), "1 N.5a", "P2"), "the spell still runs on 2024-03-01"));
}

// --- 1 N.6 siblings placed together ---

TEST(SiblingsTest, SiblingsWithOneCarerAreTogetherWithDifferentCarersAreNot) {
  RecordsBuilder g;
  auto sibling = [&](const std::string& child, const std::string& family,
                     const std::string& carer) {
    g.AddChild(child).family_group_id = family;
    g.AddEpisode("E-" + child, child, "2023-01-01");
    g.AddPlacement("P-" + child, "E-" + child, "FOST_LA", "2023-01-01").carer_id = carer;
  };
  sibling("C1", "F1", "H1");
  sibling("C2", "F1", "H1");
  sibling("C3", "F2", "H1");
  sibling("C4", "F2", "H2");
  IndicatorResult r = ComputeOne(g.Build(), "1 N.6", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
  UnitExplanation u = Unit(g.Build(), "1 N.6", "F2");
  EXPECT_EQ(u.person_id, "");
  EXPECT_TRUE(Says(u, "C4: placement P-C4 (FOST_LA) starting 2023-01-01, carer H2"));
  EXPECT_TRUE(Says(u, "they do not all share one carer"));
}

TEST(SiblingsTest, AnEmptyFamilyGroupIsNoGroupAndAnEmptyCarerIsNotShared) {
  RecordsBuilder g;
  auto sibling = [&](const std::string& child, const std::string& family,
                     const std::string& carer) {
    g.AddChild(child).family_group_id = family;
    g.AddEpisode("E-" + child, child, "2023-01-01");
    g.AddPlacement("P-" + child, "E-" + child, "FOST_LA", "2023-01-01").carer_id = carer;
  };
  sibling("C1", "", "H1");
  sibling("C2", "", "H1");
  sibling("C3", "F1", "");
  sibling("C4", "F1", "");
  IndicatorResult r = ComputeOne(g.Build(), "1 N.6", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(SiblingsTest, OnlyChildrenAccommodatedAtCdAreInTheGroup) {
  RecordsBuilder g;
  auto sibling = [&](const std::string& child, const std::string& family, const std::string& type,
                     const std::string& carer) {
    g.AddChild(child).family_group_id = family;
    g.AddEpisode("E-" + child, child, "2023-01-01");
    g.AddPlacement("P-" + child, "E-" + child, type, "2023-01-01").carer_id = carer;
  };
  // F1: two together, the third at home with another carer id: together.
  sibling("C1", "F1", "FOST_LA", "H1");
  sibling("C2", "F1", "FOST_LA", "H1");
  sibling("C3", "F1", "HOME", "H9");
  // F2: one accommodated, one at home: fewer than 2, not in D.
  sibling("C4", "F2", "FOST_LA", "H1");
  sibling("C5", "F2", "HOME", "H1");
  // F3: one accommodated, the other on a short break with another carer at CD.
  sibling("C6", "F3", "FOST_LA", "H3");
  g.AddChild("C7").family_group_id = "F3";
  g.AddEpisode("E-C7", "C7", "2023-01-01");
  g.AddPlacement("P-C7", "E-C7", "FOST_LA", "2023-01-01", "2024-07-01").carer_id = "H3";
  g.AddPlacement("P2-C7", "E-C7", "FOST_LA", "2024-07-01").short_break = "Y";
  IndicatorResult r = ComputeOne(g.Build(), "1 N.6", kYear);
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_TRUE(Says(Unit(g.Build(), "1 N.6", "F2"),
                   "has 1 child(ren) accommodated at 2024-07-31 "
                   "(fewer than 2)"));
}

// --- 1 N.7 planned voluntary support ---

TEST(VoluntarySupportTest, AnOpenVoluntaryInvolvementWithAPlanCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddInvolvement("I1", "C1", "VOL", "2024-01-01").has_current_plan = "Y";
  b.AddChild("C2");  // no plan
  b.AddInvolvement("I2", "C2", "VOL", "2024-01-01").has_current_plan = "N";
  b.AddChild("C3");  // plan not recorded
  b.AddInvolvement("I3", "C3", "VOL", "2024-01-01");
  b.AddChild("C4", "");  // unborn, another basis: in D
  b.AddInvolvement("I4", "C4", "PRE_BIRTH", "2024-01-01").has_current_plan = "Y";
  b.AddChild("C5", "2005-01-01");  // aftercare
  b.AddInvolvement("I5", "C5", "AFTERCARE", "2024-01-01").has_current_plan = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.7", kYear);
  EXPECT_EQ(r.counts.denominator, 5);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(VoluntarySupportTest, OpenMeansOpenedOnOrBeforeCdAndClosedAfterIt) {
  RecordsBuilder b;
  b.AddChild("C1");  // opened on CD
  b.AddInvolvement("I1", "C1", "VOL", "2024-07-31").has_current_plan = "Y";
  b.AddChild("C2");  // closed on CD: not open
  b.AddInvolvement("I2", "C2", "VOL", "2024-01-01", "2024-07-31").has_current_plan = "Y";
  b.AddChild("C3");  // closed the day after CD
  b.AddInvolvement("I3", "C3", "VOL", "2024-01-01", "2024-08-01").has_current_plan = "Y";
  b.AddChild("C4");  // opened after CD
  b.AddInvolvement("I4", "C4", "VOL", "2024-08-01").has_current_plan = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.7", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(VoluntarySupportTest, VoluntaryWithPlanWhileOnTheRegisterOrLookedAfterFails) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddInvolvement("I1", "C1", "VOL", "2024-01-01").has_current_plan = "Y";
  b.AddRegistration("G1", "C1", "2024-02-01");
  Placed(b, "C2", "FOST_LA");
  b.AddInvolvement("I2", "C2", "VOL", "2024-01-01").has_current_plan = "Y";
  b.AddChild("C3");  // de-registered on CD: not on the register at CD
  b.AddInvolvement("I3", "C3", "VOL", "2024-01-01").has_current_plan = "Y";
  b.AddRegistration("G3", "C3", "2024-02-01", "2024-07-31", "IMPROVED_HOME");
  b.AddChild("C4");  // looked after at home still counts as looked after
  b.AddEpisode("E4", "C4", "2024-01-01");
  b.AddPlacement("P4", "E4", "HOME", "2024-01-01");
  b.AddInvolvement("I4", "C4", "VOL", "2024-01-01").has_current_plan = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.7", kYear);
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_TRUE(Unit(b.Build(), "1 N.7", "C3").in_numerator);
  UnitExplanation u = Unit(b.Build(), "1 N.7", "C1");
  EXPECT_TRUE(Says(u, "VOL involvement I1 is open with a current plan"));
  EXPECT_TRUE(Says(u,
                   "on the child protection register at 2024-07-31 (registration G1 from "
                   "2024-02-01)"));
}

// --- 1 N.8 family contact as in the care plan ---

TEST(ContactTest, TheLatestLacReviewInTheWindowDecides) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA");
  b.AddReview("V1", "C1", "LAC", "2023-10-01");
  b.AddFinding("V1", "CONTACT_AS_PLANNED", "NO");
  b.AddReview("V2", "C1", "LAC", "2024-04-01");
  b.AddFinding("V2", "CONTACT_AS_PLANNED", "YES");
  b.AddReview("V3", "C1", "CHILD_PLAN", "2024-06-01");  // not a LAC review
  b.AddFinding("V3", "CONTACT_AS_PLANNED", "NO");
  Placed(b, "C2", "FOST_LA");
  b.AddReview("V4", "C2", "LAC", "2023-10-01");
  b.AddFinding("V4", "CONTACT_AS_PLANNED", "YES");
  b.AddReview("V5", "C2", "LAC", "2024-04-01");
  b.AddFinding("V5", "CONTACT_AS_PLANNED", "PARTLY");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.8", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
  UnitExplanation u = Unit(b.Build(), "1 N.8", "C2");
  EXPECT_TRUE(Says(u, "latest LAC review in (2023-08-01, 2024-07-31] is V5 on 2024-04-01"));
  EXPECT_TRUE(Says(u, "it records CONTACT_AS_PLANNED = PARTLY"));
}

TEST(ContactTest, TheWindowIsCdMinus365DaysExclusiveToCdInclusive) {
  RecordsBuilder b;
  Placed(b, "C1", "FOST_LA");
  b.AddReview("V1", "C1", "LAC", "2023-08-01");
  b.AddFinding("V1", "CONTACT_AS_PLANNED", "YES");
  Placed(b, "C2", "FOST_LA");
  b.AddReview("V2", "C2", "LAC", "2024-07-31");
  b.AddFinding("V2", "CONTACT_AS_PLANNED", "YES");
  Placed(b, "C3", "FOST_LA");  // in the window, finding not recorded
  b.AddReview("V3", "C3", "LAC", "2023-08-02");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.8", kYear);
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ContactTest, ChildrenNotAccommodatedAtCdAreNotInD) {
  RecordsBuilder b;
  Placed(b, "C1", "HOME");
  b.AddReview("V1", "C1", "LAC", "2024-01-01");
  b.AddFinding("V1", "CONTACT_AS_PLANNED", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.8", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_TRUE(Says(Unit(b.Build(), "1 N.8", "C1"), "not accommodated at 2024-07-31"));
}

// --- 1 N.9 placed outwith registration or approval ---

TEST(OutwithApprovalTest, OnlyTheListedTypesAreInTheDenominator) {
  RecordsBuilder b;
  int n = 0;
  for (const char* type : {"FOST_LA", "FOST_PURCH", "RES_LA", "RES_VOL", "RES_SCHOOL", "SECURE",
                           "HOME", "KIN", "PROSP_ADOPT", "OTH_COMM", "CRISIS", "OTH_RES"}) {
    Placed(b, "C" + std::to_string(++n), type).outwith_approval = "Y";
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 N.9", kYear);
  EXPECT_EQ(r.counts.denominator, 6);
  EXPECT_EQ(r.counts.numerator, 6);
  EXPECT_EQ(r.unknown, 0);
}

TEST(OutwithApprovalTest, OnlyYCountsAndAnEmptyFlagStaysInTheDenominator) {
  RecordsBuilder b;
  Placed(b, "C1", "RES_VOL").outwith_approval = "Y";
  Placed(b, "C2", "RES_VOL").outwith_approval = "N";
  Placed(b, "C3", "RES_VOL");
  IndicatorResult r = ComputeOne(b.Build(), "1 N.9", kYear);
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  UnitExplanation u = Unit(b.Build(), "1 N.9", "C3");
  EXPECT_TRUE(Says(u,
                   "the placement at 2024-07-31 is placement P-C3 (RES_VOL) starting "
                   "2023-01-01"));
  EXPECT_TRUE(Says(u, "outwith_approval = not recorded"));
}

TEST(OutwithApprovalTest, ThePlacementAtCdIsNeverAShortBreakAndTheLatestStartWins) {
  RecordsBuilder b;
  b.AddChild("C1");  // a short break in a listed type at CD, living at home
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "HOME", "2023-01-01");
  b.AddPlacement("P2", "E1", "RES_LA", "2024-07-30", "2024-08-02").short_break = "Y";
  b.AddChild("C2");  // two placements cover CD: the later start (KIN) is the placement at CD
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddPlacement("P3", "E2", "FOST_LA", "2023-01-01").outwith_approval = "Y";
  b.AddPlacement("P4", "E2", "KIN", "2024-01-01");
  b.AddChild("C3");  // placement ended on CD (half-open): none at CD
  b.AddEpisode("E3", "C3", "2023-01-01", "2024-07-31");
  b.AddPlacement("P5", "E3", "SECURE", "2023-01-01", "2024-07-31").outwith_approval = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 N.9", kYear);
  EXPECT_EQ(r.counts.denominator, 0);
}

}  // namespace
}  // namespace pif::engine
