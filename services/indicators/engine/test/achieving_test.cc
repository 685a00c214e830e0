// Golden tests of section 1, Achieving and active (1 ACH.1 - 1 ACH.4, 1 ACT.1), on hand-built
// data at the boundaries the definitions and section 8 name. The period is the CLAS year
// 2023-08-01 to 2024-07-31, so CD = 2024-07-31 and CD - 365 days = 2023-08-01.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::D;
using testing::ExplainOne;
using testing::OD;
using testing::RecordsBuilder;

// A review of the child on `date` recording `item` = `value`.
void Finding(RecordsBuilder& b, const std::string& review, const std::string& person,
             const std::string& date, const std::string& item, const std::string& value) {
  b.AddReview(review, person, "LAC", date);
  b.AddFinding(review, item, value);
}

// A child looked after from 2020-01-01 onwards (an open episode with no placement rows).
Child& LookedAfterChild(RecordsBuilder& b, const std::string& id,
                        const std::string& dob = "2010-06-15") {
  Child& child = b.AddChild(id, dob);
  b.AddEpisode("E" + id, id, "2020-01-01");
  return child;
}

// A status snapshot giving acel_on_track.
void Acel(RecordsBuilder& b, const std::string& person, const std::string& as_at,
          const std::string& value) {
  b.AddStatus(person, as_at).acel_on_track = value;
}

// A status snapshot giving leaver_scqf (optional) and aftercare_eligible.
void Leaver(RecordsBuilder& b, const std::string& person, const std::string& as_at,
            std::optional<int> scqf, const std::string& aftercare_eligible) {
  StatusSnapshot& s = b.AddStatus(person, as_at);
  s.leaver_scqf = scqf;
  s.aftercare_eligible = aftercare_eligible;
}

// A DEV_REVIEW assessment completed on `completed` (empty: not completed).
Assessment& DevReview(RecordsBuilder& b, const std::string& id, const std::string& person,
                      const std::string& completed, const std::string& concern) {
  Assessment& a = b.AddAssessment(id, person, "DEV_REVIEW");
  a.completed_date = OD(completed);
  a.dev_concern = concern;
  return a;
}

// True when a reason of one of the units contains `text`.
bool HasReason(const std::vector<UnitExplanation>& units, const std::string& text) {
  for (const UnitExplanation& unit : units) {
    for (const std::string& reason : unit.reasons) {
      if (reason.find(text) != std::string::npos) return true;
    }
  }
  return false;
}

// --- catalogue ---

TEST(AchievingCatalogueTest, CodesThemesAndPolarity) {
  for (const char* code : {"1 ACH.1", "1 ACH.2", "1 ACH.3(i)", "1 ACH.3(ii)", "1 ACH.4"}) {
    const Indicator* indicator = FindIndicator(code);
    ASSERT_NE(indicator, nullptr) << code;
    EXPECT_EQ(indicator->definition.theme, Theme::kAchieving) << code;
    EXPECT_EQ(indicator->definition.unit, UnitKind::kChild) << code;
    EXPECT_EQ(indicator->definition.polarity, Polarity::kHigherIsBetter) << code;
  }
  const Indicator* act = FindIndicator("1 ACT.1");
  ASSERT_NE(act, nullptr);
  EXPECT_EQ(act->definition.theme, Theme::kActive);
}

// --- 1 ACH.1 / 1 ACH.2 ---

TEST(SkillsImprovedTest, NaAndNkLeaveTheChildOutAndOnlyImprovedOrMaintainedCount) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5", "C6", "C7"}) b.AddChild(id);
  Finding(b, "V1", "C1", "2024-01-10", "SKILLS_GOAL", "NA");            // outside
  Finding(b, "V2", "C2", "2024-01-10", "SKILLS_GOAL", "NK");            // unknown
  Finding(b, "V3", "C3", "2024-01-10", "SKILLS_GOAL", "IMPROVED");      // N
  Finding(b, "V4", "C4", "2024-01-10", "SKILLS_GOAL", "MAINTAINED");    // N
  Finding(b, "V5", "C5", "2024-01-10", "SKILLS_GOAL", "DETERIORATED");  // D only
  Finding(b, "V6", "C6", "2024-01-10", "SKILLS_GOAL", "YES");           // D only
  b.AddReview("V7", "C7", "LAC", "2024-01-10");                         // item not recorded
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 1);
}

TEST(SkillsImprovedTest, TheLatestReviewDecidesWithTiesByGreatestId) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3"}) b.AddChild(id);
  Finding(b, "V1", "C1", "2023-09-01", "SKILLS_GOAL", "IMPROVED");
  Finding(b, "V2", "C1", "2024-03-01", "SKILLS_GOAL", "DETERIORATED");  // latest: not in N
  Finding(b, "V3", "C2", "2023-09-01", "SKILLS_GOAL", "DETERIORATED");
  Finding(b, "V4", "C2", "2024-03-01", "SKILLS_GOAL", "MAINTAINED");  // latest: in N
  Finding(b, "V5", "C3", "2024-03-01", "SKILLS_GOAL", "DETERIORATED");
  Finding(b, "V6", "C3", "2024-03-01", "SKILLS_GOAL", "IMPROVED");  // same day, greater id
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
}

TEST(SkillsImprovedTest, ALaterNaOrNkReviewDoesNotDisplaceAnEarlierRecordedValue) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  Finding(b, "V1", "C1", "2023-09-01", "SKILLS_GOAL", "IMPROVED");
  Finding(b, "V2", "C1", "2024-03-01", "SKILLS_GOAL", "NA");
  Finding(b, "V3", "C2", "2023-09-01", "SKILLS_GOAL", "DETERIORATED");
  Finding(b, "V4", "C2", "2024-03-01", "SKILLS_GOAL", "NK");
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(SkillsImprovedTest, OnlyReviewsHeldInThePeriodCount) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  b.AddChild("C3");
  Finding(b, "V1", "C1", "2023-07-31", "SKILLS_GOAL", "IMPROVED");      // day before PS
  Finding(b, "V2", "C2", "2024-08-01", "SKILLS_GOAL", "IMPROVED");      // day after PE
  Finding(b, "V3", "C3", "2023-08-01", "SKILLS_GOAL", "DETERIORATED");  // PS: in
  Finding(b, "V4", "C3", "2024-08-01", "SKILLS_GOAL", "IMPROVED");      // after PE: ignored
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(SkillsImprovedTest, ExplainNamesTheDecidingReview) {
  RecordsBuilder b;
  b.AddChild("C1");
  Finding(b, "V1", "C1", "2023-09-01", "SKILLS_GOAL", "IMPROVED");
  Finding(b, "V2", "C1", "2024-03-01", "SKILLS_GOAL", "DETERIORATED");
  auto units = ExplainOne(b.Build(), "1 ACH.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(units,
                        "review V2 on 2024-03-01 is the latest in the period recording "
                        "SKILLS_GOAL other than NA or NK: DETERIORATED"));
}

TEST(SelfEsteemImprovedTest, UsesSelfEsteemGoalWithTheSameRules) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4"}) b.AddChild(id);
  Finding(b, "V1", "C1", "2024-01-10", "SKILLS_GOAL", "IMPROVED");  // other item: not in D
  Finding(b, "V2", "C2", "2024-01-10", "SELF_ESTEEM_GOAL", "MAINTAINED");
  Finding(b, "V3", "C3", "2024-01-10", "SELF_ESTEEM_GOAL", "NK");
  Finding(b, "V4", "C4", "2023-09-01", "SELF_ESTEEM_GOAL", "IMPROVED");
  Finding(b, "V5", "C4", "2024-02-01", "SELF_ESTEEM_GOAL", "DETERIORATED");
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 1);
}

TEST(SelfEsteemImprovedTest, ExplainSaysWhenOnlyNaOrNkIsRecorded) {
  RecordsBuilder b;
  b.AddChild("C1");
  Finding(b, "V1", "C1", "2024-01-10", "SELF_ESTEEM_GOAL", "NK");
  auto units = ExplainOne(b.Build(), "1 ACH.2", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].unknown);
  EXPECT_TRUE(HasReason(units, "records NA or NK (latest V1 on 2024-01-10: NK)"));
}

// --- 1 ACH.3(i) ---

TEST(AttainmentOnTrackTest, TheLatestSnapshotIsTakenFirstThenTested) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5"}) LookedAfterChild(b, id);
  Acel(b, "C1", "2023-10-01", "Y");
  Acel(b, "C1", "2024-05-01", "NA");  // latest is NA: outside, the earlier Y is never used
  Acel(b, "C2", "2023-10-01", "N");
  Acel(b, "C2", "2024-05-01", "Y");  // N
  Acel(b, "C3", "2024-05-01", "N");  // D only
  Acel(b, "C4", "2023-10-01", "Y");
  Acel(b, "C4", "2024-05-01", "");  // latest does not record it: unknown
  // C5 has no snapshot: unknown
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.3(i)", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 2);
}

TEST(AttainmentOnTrackTest, ASnapshotExactlyOnCdMinus365DaysIsOutsideTheWindow) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5"}) LookedAfterChild(b, id);
  Acel(b, "C1", "2023-08-01", "Y");  // CD - 365 days: outside, so no snapshot (unknown)
  Acel(b, "C2", "2023-08-02", "Y");  // first day inside
  Acel(b, "C3", "2024-07-31", "Y");  // CD: inside
  Acel(b, "C4", "2023-08-01", "N");
  Acel(b, "C4", "2024-08-01", "Y");  // after CD: ignored; nothing in the window (unknown)
  Acel(b, "C5", "2024-01-01", "Y");
  Acel(b, "C5", "2024-08-01", "NA");  // after CD: ignored
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.3(i)", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 3);
  EXPECT_EQ(r.unknown, 2);
}

TEST(AttainmentOnTrackTest, OnlyChildrenLookedAfterOnTheCensusDate) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2020-01-01", "2024-07-31");  // ends on CD: not LAC on CD
  Acel(b, "C1", "2024-05-01", "Y");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2024-07-31");  // starts on CD
  Acel(b, "C2", "2024-05-01", "Y");
  b.AddChild("C3");
  b.AddEpisode("E3", "C3", "2020-01-01");
  b.AddPlacement("P3", "E3", "FOST_LA", "2020-01-01").short_break = "Y";  // ignored episode
  Acel(b, "C3", "2024-05-01", "Y");
  b.AddChild("C4");  // never looked after
  Acel(b, "C4", "2024-05-01", "Y");
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.3(i)", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(AttainmentOnTrackTest, ExplainNamesTheLatestSnapshot) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1");
  Acel(b, "C1", "2023-10-01", "Y");
  Acel(b, "C1", "2024-05-01", "NA");
  auto units = ExplainOne(b.Build(), "1 ACH.3(i)", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_FALSE(units[0].unknown);
  EXPECT_TRUE(HasReason(units,
                        "status snapshot of 2024-05-01 is the latest in (2023-08-01, 2024-07-31]: "
                        "acel_on_track NA"));
}

// --- 1 ACH.3(ii) ---

TEST(LeaversScqfTest, LookedAfterDuringThePeriodOrAftercareEligibleInThatSnapshot) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1");
  Leaver(b, "C1", "2024-06-01", 4, "N");  // LADP, SCQF 4: N
  b.AddChild("C2");
  Leaver(b, "C2", "2024-06-01", 3, "Y");  // aftercare eligible, SCQF 3: D only
  b.AddChild("C3");
  Leaver(b, "C3", "2024-06-01", 5, "N");  // neither: outside
  b.AddChild("C4");
  Leaver(b, "C4", "2024-06-01", 5, "");  // neither: outside
  b.AddChild("C5");
  b.AddEpisode("E5", "C5", "2020-01-01", "2023-08-01");  // ends on PS: last day 2023-07-31
  Leaver(b, "C5", "2024-06-01", 5, "N");                 // not LADP: outside
  b.AddChild("C6");
  b.AddEpisode("E6", "C6", "2020-01-01", "2023-08-02");  // covers PS: LADP
  Leaver(b, "C6", "2024-06-01", 12, "N");
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.3(ii)", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
}

TEST(LeaversScqfTest, TheLatestQualifyingInPeriodSnapshotDecides) {
  RecordsBuilder b;
  b.AddChild("C1");
  Leaver(b, "C1", "2023-10-01", 5, "Y");
  Leaver(b, "C1", "2024-03-01", 2, "N");  // not eligible in this snapshot: 2023-10-01 decides
  b.AddChild("C2");
  Leaver(b, "C2", "2023-10-01", 5, "Y");
  Leaver(b, "C2", "2024-03-01", 3, "Y");  // latest: 3, not in N
  b.AddChild("C3");
  Leaver(b, "C3", "2023-10-01", 3, "Y");
  Leaver(b, "C3", "2024-03-01", std::nullopt, "Y");  // gives no leaver_scqf: 2023-10-01 decides
  b.AddChild("C4");
  Leaver(b, "C4", "2023-07-31", 6, "Y");  // before PS
  Leaver(b, "C4", "2024-08-01", 6, "Y");  // after PE
  b.AddChild("C5");
  Leaver(b, "C5", "2023-08-01", 4, "Y");  // PS: in
  Leaver(b, "C5", "2024-08-01", 0, "Y");  // after PE: ignored
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.3(ii)", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(LeaversScqfTest, ExplainGivesTheLevel) {
  RecordsBuilder b;
  b.AddChild("C1");
  Leaver(b, "C1", "2024-03-01", 3, "Y");
  auto units = ExplainOne(b.Build(), "1 ACH.3(ii)", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(units,
                        "status snapshot of 2024-03-01 is the latest eligible one in the "
                        "period giving leaver_scqf: SCQF level 3, below 4"));
}

// --- 1 ACH.4 ---

TEST(PreschoolMilestonesTest, UnderFiveAtCdWithADevReviewCompletedInTheWindow) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2019-08-01");  // 4 on CD
  DevReview(b, "A1", "C1", "2024-01-01", "N");
  LookedAfterChild(b, "C2", "2019-07-31");  // 5 on CD: out
  DevReview(b, "A2", "C2", "2024-01-01", "N");
  LookedAfterChild(b, "C3", "");  // unborn: no age, out
  DevReview(b, "A3", "C3", "2024-01-01", "N");
  LookedAfterChild(b, "C4", "2020-01-01");
  DevReview(b, "A4", "C4", "2023-08-01", "N");  // CD - 365 days: outside
  LookedAfterChild(b, "C5", "2020-01-01");
  DevReview(b, "A5", "C5", "2023-08-02", "Y");  // inside, concern: D only
  LookedAfterChild(b, "C6", "2020-01-01");
  DevReview(b, "A6", "C6", "", "N").requested_date = D("2024-01-01");  // not completed
  b.AddChild("C7", "2020-01-01");                                      // not looked after
  DevReview(b, "A7", "C7", "2024-01-01", "N");
  LookedAfterChild(b, "C8", "2020-01-01");
  DevReview(b, "A8", "C8", "2024-08-01", "N");  // after CD
  LookedAfterChild(b, "C9", "2020-01-01");
  b.AddAssessment("A9", "C9", "HEALTH_LAC").completed_date = D("2024-01-01");  // other type
  LookedAfterChild(b, "C10", "2020-01-01");
  DevReview(b, "A10", "C10", "2024-07-31", "N");  // on CD: inside
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(PreschoolMilestonesTest, TheLatestAssessmentDecidesWhateverItsStatus) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2021-01-01");
  DevReview(b, "A1", "C1", "2023-10-01", "N");
  DevReview(b, "A2", "C1", "2024-05-01", "Y");  // latest: concern
  LookedAfterChild(b, "C2", "2021-01-01");
  DevReview(b, "A3", "C2", "2023-10-01", "Y");
  DevReview(b, "A4", "C2", "2024-05-01", "N");  // latest: N
  LookedAfterChild(b, "C3", "2021-01-01");
  DevReview(b, "A5", "C3", "2024-05-01", "N");
  DevReview(b, "A6", "C3", "2024-05-01", "Y");  // same day, greater id
  LookedAfterChild(b, "C4", "2021-01-01");
  DevReview(b, "A7", "C4", "2023-10-01", "N");
  DevReview(b, "A8", "C4", "2024-05-01", "");  // latest does not record dev_concern: D only
  LookedAfterChild(b, "C5", "2021-01-01");
  DevReview(b, "A9", "C5", "2024-05-01", "N").status = "OPEN";  // completed_date decides
  IndicatorResult r = ComputeOne(b.Build(), "1 ACH.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 5);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
}

TEST(PreschoolMilestonesTest, ExplainNamesTheLatestAssessment) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2021-01-01");
  DevReview(b, "A1", "C1", "2023-10-01", "N");
  DevReview(b, "A2", "C1", "2024-05-01", "Y");
  auto units = ExplainOne(b.Build(), "1 ACH.4", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(units,
                        "DEV_REVIEW assessment A2 completed 2024-05-01 is the latest in "
                        "(2023-08-01, 2024-07-31]: dev_concern Y"));
}

// --- 1 ACT.1 ---

TEST(RegularActivitiesTest, ActivityInPlanYesMakesTheDenominator) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5"}) b.AddChild(id);
  b.AddReview("V1", "C1", "LAC", "2024-01-10");
  b.AddFinding("V1", "ACTIVITY_IN_PLAN", "YES");
  b.AddFinding("V1", "ACTIVITY_REGULAR", "YES");  // N
  b.AddReview("V2", "C2", "CHILD_PLAN", "2024-01-10");
  b.AddFinding("V2", "ACTIVITY_IN_PLAN", "YES");
  b.AddFinding("V2", "ACTIVITY_REGULAR", "PARTLY");  // D only
  b.AddReview("V3", "C3", "LAC", "2024-01-10");
  b.AddFinding("V3", "ACTIVITY_IN_PLAN", "NO");
  b.AddFinding("V3", "ACTIVITY_REGULAR", "YES");  // not in D
  b.AddReview("V4", "C4", "LAC", "2024-01-10");
  b.AddFinding("V4", "ACTIVITY_IN_PLAN", "YES");  // ACTIVITY_REGULAR not recorded: D only
  b.AddReview("V5", "C5", "LAC", "2024-08-01");   // after PE
  b.AddFinding("V5", "ACTIVITY_IN_PLAN", "YES");
  b.AddFinding("V5", "ACTIVITY_REGULAR", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 ACT.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(RegularActivitiesTest, TheLatestReviewWithActivityInPlanYesDecides) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4"}) b.AddChild(id);
  auto review = [&](const std::string& id, const std::string& person, const std::string& date,
                    const std::string& in_plan, const std::string& regular) {
    b.AddReview(id, person, "LAC", date);
    if (!in_plan.empty()) b.AddFinding(id, "ACTIVITY_IN_PLAN", in_plan);
    if (!regular.empty()) b.AddFinding(id, "ACTIVITY_REGULAR", regular);
  };
  review("V1", "C1", "2023-09-01", "YES", "YES");
  review("V2", "C1", "2024-03-01", "YES", "NO");  // latest: D only
  review("V3", "C2", "2023-09-01", "YES", "NO");
  review("V4", "C2", "2024-03-01", "NO", "YES");  // not ACTIVITY_IN_PLAN YES: V3 decides
  review("V5", "C3", "2023-09-01", "YES", "NO");
  review("V6", "C3", "2024-03-01", "YES", "YES");  // latest: N
  review("V7", "C4", "2024-03-01", "YES", "NO");
  review("V8", "C4", "2024-04-01", "", "YES");  // no ACTIVITY_IN_PLAN: V7 decides
  IndicatorResult r = ComputeOne(b.Build(), "1 ACT.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(RegularActivitiesTest, ExplainNamesTheDecidingReview) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReview("V1", "C1", "LAC", "2024-03-01");
  b.AddFinding("V1", "ACTIVITY_IN_PLAN", "YES");
  auto units = ExplainOne(b.Build(), "1 ACT.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(
      units, "review V1 on 2024-03-01 is the latest in the period recording ACTIVITY_IN_PLAN YES"));
  EXPECT_TRUE(HasReason(units, "it records ACTIVITY_REGULAR not recorded"));
}

}  // namespace
}  // namespace pif::engine
