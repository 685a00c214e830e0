// Golden tests of section 1, Respected and responsible (1 R.1 - 1 R.4), on hand-built data at the
// boundaries the definitions and section 8 name. Period: the CLAS year 2023-08-01 to 2024-07-31.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::D;
using testing::ExplainOne;
using testing::RecordsBuilder;

// A child with one episode holding one placement of `type` over [start, end).
void AddPlacedChild(RecordsBuilder& b, const std::string& id, const std::string& dob,
                    const std::string& type, const std::string& start,
                    const std::string& end = "") {
  b.AddChild(id, dob, "M");
  b.AddEpisode("E" + id, id, start, end);
  b.AddPlacement("P" + id, "E" + id, type, start, end);
}

// OFFENCE incidents of `person` at 10:00 on each date, with ids <person>-O<n>.
void AddOffences(RecordsBuilder& b, const std::string& person,
                 const std::vector<std::string>& dates) {
  int n = 0;
  for (const std::string& date : dates) {
    b.AddIncident(person + "-O" + std::to_string(++n), person, "OFFENCE", date + "T10:00");
  }
}

// --- 1 R.1 assessments that set out the child's wishes ---

TEST(ChildsWishesSetOutTest, CountsSwAssessmentsCompletedInPeriodByChildViews) {
  RecordsBuilder b;
  b.AddChild("C1");
  auto add = [&](const std::string& id, const std::string& type, const std::string& completed,
                 const std::string& views) {
    Assessment& a = b.AddAssessment(id, "C1", type);
    a.completed_date = testing::OD(completed);
    a.child_views = views;
  };
  add("A1", "SW", "2023-08-01", "RECORDED");          // on PS: in N
  add("A2", "SW_CONTRIB", "2024-07-31", "RECORDED");  // on PE: in N
  add("A3", "SW", "2023-10-01", "NOT_RECORDED");      // stays in D
  add("A4", "SW", "2023-10-01", "DECLINED");          // in D
  add("A5", "SW", "2023-10-01", "NOT_ABLE");          // out
  add("A6", "SW", "2023-10-01", "");                  // not recorded: unknown
  add("A7", "HEALTH_LAC", "2023-10-01", "RECORDED");  // another type
  add("A8", "SW", "2023-07-31", "RECORDED");          // before the period
  add("A9", "SW", "2024-08-01", "RECORDED");          // after the period
  add("A10", "SW", "", "RECORDED");                   // not completed
  IndicatorResult r = ComputeOne(b.Build(), "1 R.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 1);
}

TEST(ChildsWishesSetOutTest, AWithdrawnAssessmentThatWasCompletedStillCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  Assessment& a = b.AddAssessment("A1", "C1", "SW");
  a.completed_date = D("2023-10-01");
  a.status = "WITHDRAWN";  // status matters only in 5.1
  a.child_views = "RECORDED";
  IndicatorResult r = ComputeOne(b.Build(), "1 R.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ChildsWishesSetOutTest, ExplainsTheAssessment) {
  RecordsBuilder b;
  b.AddChild("C1");
  Assessment& a = b.AddAssessment("A1", "C1", "SW_CONTRIB");
  a.completed_date = D("2023-10-01");
  a.child_views = "NOT_RECORDED";
  auto units = ExplainOne(b.Build(), "1 R.1", ClasYear(2023), "A1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_EQ(units[0].person_id, "C1");
  EXPECT_EQ(units[0].reasons,
            (std::vector<std::string>{
                "SW_CONTRIB assessment A1 completed 2023-10-01 (in the period)",
                "child_views is NOT_RECORDED: the child's wishes are not set out"}));
}

// --- 1 R.2 exit interviews ---

TEST(ExitInterviewsTest, AgeIsTakenOnTheCloseDate) {
  RecordsBuilder b;
  b.AddChild("C1", "2015-10-01");  // 8 on 2023-10-01
  b.AddInvolvement("I1", "C1", "VOL", "2022-01-01", "2023-10-01").exit_interview = "DONE";
  b.AddInvolvement("I2", "C1", "CP", "2022-01-01", "2023-09-30").exit_interview = "DONE";  // 7
  b.AddChild("C2", "");  // no dob: no age
  b.AddInvolvement("I3", "C2", "PRE_BIRTH", "2023-01-01", "2023-10-01").exit_interview = "DONE";
  IndicatorResult r = ComputeOne(b.Build(), "1 R.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ExitInterviewsTest, InvolvementsOfAnyBasisClosedInThePeriodOnlyDoneCounts) {
  RecordsBuilder b;
  b.AddChild("C1", "2010-01-01");
  b.AddInvolvement("I1", "C1", "LAC", "2020-01-01", "2023-08-01").exit_interview = "DONE";
  b.AddInvolvement("I2", "C1", "AFTERCARE", "2020-01-01", "2024-07-31").exit_interview = "DECLINED";
  b.AddInvolvement("I3", "C1", "OTHER", "2020-01-01", "2024-01-01").exit_interview = "NOT_OFFERED";
  b.AddInvolvement("I4", "C1", "VOL", "2020-01-01", "2024-01-01");  // not recorded: in D
  b.AddInvolvement("I5", "C1", "VOL", "2020-01-01", "2023-07-31").exit_interview = "DONE";
  b.AddInvolvement("I6", "C1", "VOL", "2020-01-01", "2024-08-01").exit_interview = "DONE";
  b.AddInvolvement("I7", "C1", "VOL", "2020-01-01").exit_interview = "DONE";  // open
  IndicatorResult r = ComputeOne(b.Build(), "1 R.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ExitInterviewsTest, ExplainsAChildUnderEight) {
  RecordsBuilder b;
  b.AddChild("C1", "2015-10-01");
  b.AddInvolvement("I1", "C1", "CP", "2022-01-01", "2023-09-30");
  auto units = ExplainOne(b.Build(), "1 R.2", ClasYear(2023), "I1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_EQ(units[0].reasons,
            (std::vector<std::string>{"CP involvement I1 closed 2023-09-30 (in the period)",
                                      "the child was aged 7 on closing, under 8"}));
}

// --- 1 R.3 persistent offenders ---

TEST(PersistentOffendersTest, FiveOffencesDatedInOMinus183ToOCount) {
  RecordsBuilder b;
  // 2024-03-01 - 182 days = 2023-09-01: five offences in (o - 183 days, o].
  AddPlacedChild(b, "C1", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C1", {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-03-01"});
  // The first a day earlier, on o - 183 days: only four in the window.
  AddPlacedChild(b, "C2", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C2", {"2023-08-31", "2023-10-01", "2023-11-01", "2023-12-01", "2024-03-01"});
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(PersistentOffendersTest, WindowsUseCalendarDatesNotTimesOfDay) {
  RecordsBuilder b;
  // On o - 183 days at 23:00 is less than 183 x 24 hours before o at 09:00, but is out.
  AddPlacedChild(b, "C1", "2010-01-01", "FOST_LA", "2023-06-01");
  b.AddIncident("A1", "C1", "OFFENCE", "2023-09-01T23:00");
  AddOffences(b, "C1", {"2023-10-01", "2023-11-01", "2023-12-01"});
  b.AddIncident("A5", "C1", "OFFENCE", "2024-03-02T09:00");
  // Every offence dated o is in the window, even one later that day than o.
  AddPlacedChild(b, "C2", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C2", {"2023-10-01", "2023-11-01", "2023-12-01"});
  b.AddIncident("B4", "C2", "OFFENCE", "2024-01-10T23:00");
  b.AddIncident("B5", "C2", "OFFENCE", "2024-01-10T01:00");
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);  // C2
}

TEST(PersistentOffendersTest, TheOffenceMustBeInThePeriodOnADayAccommodated) {
  RecordsBuilder b;
  // C1: the fifth offence is on a day at home.
  b.AddChild("C1", "2010-01-01");
  b.AddEpisode("E1", "C1", "2023-06-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-06-01", "2024-01-01");
  b.AddPlacement("P2", "E1", "HOME", "2024-01-01");
  AddOffences(b, "C1", {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01"});
  // C2: the fifth offence is after the period.
  AddPlacedChild(b, "C2", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C2", {"2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-08-01"});
  // C3: the fifth offence is on PE while accommodated.
  AddPlacedChild(b, "C3", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C3", {"2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01", "2024-07-31"});
  // C4: persistent before the period but within the spell; a sixth offence in the period.
  AddPlacedChild(b, "C4", "2010-01-01", "FOST_LA", "2023-01-01");
  AddOffences(b, "C4",
              {"2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01", "2023-07-01", "2023-08-15"});
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);  // C3, C4
}

TEST(PersistentOffendersTest, AlreadyPersistentBeforeTheSpellStartIsNotCounted) {
  RecordsBuilder b;
  // C1: five offences before the spell starting 2024-01-01, then more while accommodated.
  AddPlacedChild(b, "C1", "2010-01-01", "FOST_LA", "2024-01-01");
  AddOffences(b, "C1",
              {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2023-12-31", "2024-02-01"});
  // C2: the fifth offence is on the spell's start day: not before it.
  AddPlacedChild(b, "C2", "2010-01-01", "FOST_LA", "2024-01-01");
  AddOffences(b, "C2", {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01"});
  // C3: persistent years ago, out of care then; five more in the current spell.
  AddPlacedChild(b, "C3", "2010-01-01", "FOST_LA", "2023-09-01");
  AddOffences(b, "C3",
              {"2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04", "2021-01-05", "2023-10-01",
               "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05"});
  // C4: four offences before the spell and one in it: became persistent while accommodated.
  AddPlacedChild(b, "C4", "2010-01-01", "FOST_LA", "2024-01-01");
  AddOffences(b, "C4", {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-01-15"});
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);  // C2, C4
}

TEST(PersistentOffendersTest, TheSpellHoldingOIsTheOneThatMatters) {
  RecordsBuilder b;
  // C1: became persistent in a spell of the period that has since ended: counted.
  b.AddChild("C1", "2010-01-01");
  b.AddEpisode("E1", "C1", "2023-08-01", "2023-12-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-08-01", "2023-12-01");
  b.AddEpisode("E2", "C1", "2024-02-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2024-02-01");
  AddOffences(b, "C1", {"2023-08-10", "2023-08-11", "2023-08-12", "2023-08-13", "2023-08-14"});
  // C2: became persistent in a spell that ended before the period; five more offences in a new
  // spell of the period: the earlier ones are before its start, so not counted.
  b.AddChild("C2", "2010-01-01");
  b.AddEpisode("E3", "C2", "2023-01-01", "2023-06-01");
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-01-01", "2023-06-01");
  b.AddEpisode("E4", "C2", "2024-02-01");
  b.AddPlacement("P4", "E4", "FOST_LA", "2024-02-01");
  AddOffences(b, "C2",
              {"2023-03-10", "2023-03-11", "2023-03-12", "2023-03-13", "2023-03-14", "2024-02-10",
               "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14"});
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);  // C1
}

TEST(PersistentOffendersTest, AgesTwelveToSeventeenAtCd) {
  RecordsBuilder b;
  const std::vector<std::string> offences = {"2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04",
                                             "2024-03-05"};
  AddPlacedChild(b, "C1", "2012-07-31", "FOST_LA", "2023-06-01");  // 12 on 2024-07-31
  AddOffences(b, "C1", offences);
  AddPlacedChild(b, "C2", "2012-08-01", "FOST_LA", "2023-06-01");  // 11
  AddOffences(b, "C2", offences);
  AddPlacedChild(b, "C3", "2006-08-01", "FOST_LA", "2023-06-01");  // 17
  AddOffences(b, "C3", offences);
  AddPlacedChild(b, "C4", "2006-07-31", "FOST_LA", "2023-06-01");  // 18
  AddOffences(b, "C4", offences);
  AddPlacedChild(b, "C5", "", "FOST_LA", "2023-06-01");  // no age
  AddOffences(b, "C5", offences);
  AddPlacedChild(b, "C6", "2010-01-01", "FOST_LA", "2022-06-01", "2023-08-01");  // not ACC
  AddOffences(b, "C6", offences);
  IndicatorResult r = ComputeOne(b.Build(), "1 R.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(PersistentOffendersTest, IsNeverBrokenDownWhenPublished) {
  const Indicator* indicator = FindIndicator("1 R.3");
  ASSERT_NE(indicator, nullptr);
  EXPECT_FALSE(indicator->definition.breakdowns_publishable);
  EXPECT_TRUE(FindIndicator("1 R.1")->definition.breakdowns_publishable);
  EXPECT_TRUE(FindIndicator("1 R.4")->definition.breakdowns_publishable);
}

TEST(PersistentOffendersTest, ExplainsTheOPrimeRule) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "FOST_LA", "2024-01-01");
  AddOffences(b, "C1",
              {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2023-12-31", "2024-02-01"});
  auto units = ExplainOne(b.Build(), "1 R.3", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons.back(),
            "the offence on 2023-12-31 already had 5 offences in its 183 days before the spell "
            "starting 2024-01-01 that holds the later in-period offences");
}

TEST(PersistentOffendersTest, ExplainsBecomingPersistent) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "FOST_LA", "2023-06-01");
  AddOffences(b, "C1", {"2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01", "2024-03-01"});
  auto units = ExplainOne(b.Build(), "1 R.3", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons.back(),
            "the offence on 2024-03-01, while accommodated in the spell starting 2023-06-01, has "
            "5 offences dated in the 183 days to it; no offence before 2023-06-01 had 5 in its "
            "183 days");
}

// --- 1 R.4 parenting programme ---

TEST(ParentingProgrammeTest, FindingsMayComeFromDifferentChildrenOfTheFamily) {
  RecordsBuilder b;
  b.AddChild("C1").family_group_id = "F1";
  b.AddEpisode("E1", "C1", "2023-01-01");   // LADP
  b.AddChild("C2").family_group_id = "F1";  // not looked after
  b.AddReview("V1", "C2", "CHILD_PLAN", "2023-09-01");
  b.AddFinding("V1", "PARENT_PROG_DONE", "YES");
  b.AddReview("V2", "C1", "LAC", "2024-07-31");
  b.AddFinding("V2", "PARENTING_IMPROVED", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 R.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(ParentingProgrammeTest, TheFamilyNeedsAChildLookedAfterDuringThePeriod) {
  RecordsBuilder b;
  // F1: no child looked after during the period (episode ended on PS).
  b.AddChild("C1").family_group_id = "F1";
  b.AddEpisode("E1", "C1", "2022-01-01", "2023-08-01");
  b.AddReview("V1", "C1", "LAC", "2023-09-01");
  b.AddFinding("V1", "PARENT_PROG_DONE", "YES");
  b.AddFinding("V1", "PARENTING_IMPROVED", "YES");
  // F2: looked after for one day of the period.
  b.AddChild("C2").family_group_id = "F2";
  b.AddEpisode("E2", "C2", "2022-01-01", "2023-08-02");
  b.AddReview("V2", "C2", "LAC", "2023-09-01");
  b.AddFinding("V2", "PARENT_PROG_DONE", "YES");
  // No family group: not a unit.
  b.AddChild("C3");
  b.AddEpisode("E3", "C3", "2023-01-01");
  b.AddReview("V3", "C3", "LAC", "2023-09-01");
  b.AddFinding("V3", "PARENT_PROG_DONE", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 R.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);  // F2
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(ParentingProgrammeTest, BothFindingsMustBeYesInReviewsInThePeriod) {
  RecordsBuilder b;
  // F1: improved, but the programme is not recorded as done.
  b.AddChild("C1").family_group_id = "F1";
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddReview("V1", "C1", "LAC", "2023-09-01");
  b.AddFinding("V1", "PARENT_PROG_DONE", "NO");
  b.AddFinding("V1", "PARENTING_IMPROVED", "YES");
  // F2: programme done in the period, improvement recorded before the period.
  b.AddChild("C2").family_group_id = "F2";
  b.AddEpisode("E2", "C2", "2023-01-01");
  b.AddReview("V2", "C2", "LAC", "2023-07-31");
  b.AddFinding("V2", "PARENTING_IMPROVED", "YES");
  b.AddReview("V3", "C2", "LAC", "2023-08-01");
  b.AddFinding("V3", "PARENT_PROG_DONE", "YES");
  // F3: programme done before the period only.
  b.AddChild("C3").family_group_id = "F3";
  b.AddEpisode("E3", "C3", "2023-01-01");
  b.AddReview("V4", "C3", "LAC", "2023-07-31");
  b.AddFinding("V4", "PARENT_PROG_DONE", "YES");
  b.AddReview("V5", "C3", "LAC", "2023-09-01");
  b.AddFinding("V5", "PARENTING_IMPROVED", "YES");
  // F4: both in one review on PE.
  b.AddChild("C4").family_group_id = "F4";
  b.AddEpisode("E4", "C4", "2023-01-01");
  b.AddReview("V6", "C4", "HEARING_REPORT", "2024-07-31");
  b.AddFinding("V6", "PARENT_PROG_DONE", "YES");
  b.AddFinding("V6", "PARENTING_IMPROVED", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 R.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);  // F2, F4
  EXPECT_EQ(r.counts.numerator, 1);    // F4
}

TEST(ParentingProgrammeTest, ExplainsTheFamily) {
  RecordsBuilder b;
  b.AddChild("C1").family_group_id = "F1";
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddChild("C2").family_group_id = "F1";
  b.AddReview("V1", "C2", "CHILD_PLAN", "2023-09-01");
  b.AddFinding("V1", "PARENT_PROG_DONE", "YES");
  auto units = ExplainOne(b.Build(), "1 R.4", ClasYear(2023), "F1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].unit_id, "F1");
  EXPECT_EQ(units[0].person_id, "");
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons,
            (std::vector<std::string>{
                "child C1 of family F1 was looked after during the period",
                "review V1 of child C2 on 2023-09-01 records PARENT_PROG_DONE = YES",
                "no review in the period of a child of the family records PARENTING_IMPROVED = "
                "YES"}));
}

}  // namespace
}  // namespace pif::engine
