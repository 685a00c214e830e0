// Golden tests of section 1, Healthy (1 H.1 - 1 H.5), on hand-built data at the boundaries the
// definitions and section 8 name. Period: the CLAS year 2023-08-01 to 2024-07-31 (PE - 28 days is
// 2024-07-03).
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::D;
using testing::ExplainOne;
using testing::RecordsBuilder;

// A HEALTH_LAC assessment of `person` completed on `completed`.
void AddHealthAssessment(RecordsBuilder& b, const std::string& id, const std::string& person,
                         const std::string& completed) {
  b.AddAssessment(id, person, "HEALTH_LAC").completed_date = D(completed);
}

// A child with one episode holding one placement of `type` over [start, end).
void AddPlacedChild(RecordsBuilder& b, const std::string& id, const std::string& dob,
                    const std::string& sex, const std::string& type, const std::string& start,
                    const std::string& end = "") {
  b.AddChild(id, dob, sex);
  b.AddEpisode("E" + id, id, start, end);
  b.AddPlacement("P" + id, "E" + id, type, start, end);
}

double Supplementary(const IndicatorResult& r, const std::string& name) {
  for (const SupplementaryFigure& figure : r.supplementary) {
    if (figure.name == name) return figure.value;
  }
  ADD_FAILURE() << "no supplementary figure " << name;
  return -1;
}

// --- 1 H.1 health assessment within 4 weeks ---

TEST(HealthAssessmentInFourWeeksTest, ASpellOfExactly28DaysCountsAndCompletionOnSPlus28IsInTime) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-09-01", "2023-09-29");  // 28 days
  AddHealthAssessment(b, "A1", "C1", "2023-09-29");                                   // S + 28
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthAssessmentInFourWeeksTest, CompletionOnSPlus29IsLate) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A1", "C1", "2023-09-30");  // S + 29
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(HealthAssessmentInFourWeeksTest, ASpellOf27DaysIsOutAndALaterSpellIsNotUsed) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-09-01", "2023-09-28");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-09-01", "2023-09-28");  // 27 days
  b.AddEpisode("E2", "C1", "2023-11-01");
  b.AddPlacement("P2", "E2", "RES_LA", "2023-11-01");  // open, later: not used
  AddHealthAssessment(b, "A1", "C1", "2023-11-05");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(HealthAssessmentInFourWeeksTest, AnOpenSpellLastsLongEnough) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "KIN", "2024-07-01");  // open, a month before PE
  AddHealthAssessment(b, "A1", "C1", "2024-07-01");                 // completed on S
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthAssessmentInFourWeeksTest, ContiguousPlacementsAcrossEpisodesMakeOneSpell) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-09-01", "2023-09-15");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-09-01", "2023-09-15");
  b.AddEpisode("E2", "C1", "2023-09-15", "2023-10-01");
  b.AddPlacement("P2", "E2", "RES_LA", "2023-09-15", "2023-10-01");  // spell of 30 days
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(HealthAssessmentInFourWeeksTest, TheSpellMustStartInPsToPeMinus28Days) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2024-07-03");  // PE - 28: in
  AddPlacedChild(b, "C2", "2012-01-01", "F", "FOST_LA", "2024-07-04");  // PE - 27: out
  AddPlacedChild(b, "C3", "2012-01-01", "F", "FOST_LA", "2023-08-01");  // PS: in
  AddPlacedChild(b, "C4", "2012-01-01", "F", "FOST_LA", "2023-07-31");  // before PS: out
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(HealthAssessmentInFourWeeksTest, ASpellRunningFromBeforeThePeriodIsSkippedForTheFirstInIt) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-07-01", "2023-08-15");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-07-01", "2023-08-15");
  b.AddEpisode("E2", "C1", "2023-09-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A1", "C1", "2023-09-10");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthAssessmentInFourWeeksTest, AnAssessmentInThe365DaysBeforeSExcludes) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A1", "C1", "2022-09-01");  // S - 365: excludes
  AddPlacedChild(b, "C2", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A2", "C2", "2022-08-31");  // S - 366: does not
  AddPlacedChild(b, "C3", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A3", "C3", "2023-08-31");  // S - 1: excludes
  AddPlacedChild(b, "C4", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A4", "C4", "2023-09-01");  // on S: in time, not prior
  b.AddAssessment("A5", "C4", "HEALTH_LAC").requested_date = D("2023-08-01");  // not completed
  b.AddAssessment("A6", "C2", "SW").completed_date = D("2023-09-02");          // another type
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);  // C2, C4
  EXPECT_EQ(r.counts.numerator, 1);    // C4
}

TEST(HealthAssessmentInFourWeeksTest, HomeAndShortBreakPlacementsDoNotStartASpell) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "HOME", "2023-09-01");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-09-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-09-01").short_break = "Y";
  IndicatorResult r = ComputeOne(b.Build(), "1 H.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
}

TEST(HealthAssessmentInFourWeeksTest, ExplainsAShortFirstSpell) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-09-01", "2023-09-28");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-09-01", "2023-09-28");
  auto units = ExplainOne(b.Build(), "1 H.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  ASSERT_EQ(units[0].reasons.size(), 2u);
  EXPECT_EQ(units[0].reasons[0],
            "accommodation spell starting 2023-09-01 with placement P1 is the child's first to "
            "start in [2023-08-01, 2024-07-03]");
  EXPECT_EQ(units[0].reasons[1],
            "the spell ends 2023-09-28 after 27 days, shorter than 28 days: the child is out and "
            "a later spell is not used");
}

TEST(HealthAssessmentInFourWeeksTest, ExplainsAnAssessmentInTime) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-09-01");
  AddHealthAssessment(b, "A1", "C1", "2023-09-20");
  auto units = ExplainOne(b.Build(), "1 H.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons.back(),
            "HEALTH_LAC assessment A1 was completed 2023-09-20, within 28 days of the start (by "
            "2023-09-29)");
}

// --- 1 H.2 health needs met ---

TEST(HealthNeedsMetTest, NoNeedsCountsAsMet) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A1", "C1", "2023-05-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthNeedsMetTest, AHealthNeedNotMetFailsOtherStatusesAndDomainsDoNot) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A1", "C1", "2023-05-01");
  b.AddNeed("N1", "A1", "HEALTH", "MET");
  b.AddNeed("N2", "A1", "HEALTH", "NOT_MET");
  AddPlacedChild(b, "C2", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A2", "C2", "2023-05-01");
  b.AddNeed("N3", "A2", "HEALTH", "IN_HAND");
  b.AddNeed("N4", "A2", "HEALTH", "");                  // empty status: not NOT_MET
  b.AddNeed("N5", "A2", "KINSHIP_SUPPORT", "NOT_MET");  // another domain
  IndicatorResult r = ComputeOne(b.Build(), "1 H.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthNeedsMetTest, TheLatestAssessmentOnOrBeforeCdDecides) {
  RecordsBuilder b;
  // C1: an earlier unmet need, the latest (on CD) has its needs met.
  AddPlacedChild(b, "C1", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A1", "C1", "2023-05-01");
  b.AddNeed("N1", "A1", "HEALTH", "NOT_MET");
  AddHealthAssessment(b, "A2", "C1", "2024-07-31");
  b.AddNeed("N2", "A2", "HEALTH", "MET");
  // C2: an assessment completed after CD is ignored; the earlier one has an unmet need.
  AddPlacedChild(b, "C2", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A3", "C2", "2023-05-01");
  b.AddNeed("N3", "A3", "HEALTH", "NOT_MET");
  AddHealthAssessment(b, "A4", "C2", "2024-08-01");
  // C3: two on the same day, the greatest id decides.
  AddPlacedChild(b, "C3", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  AddHealthAssessment(b, "A5", "C3", "2024-01-10");
  AddHealthAssessment(b, "A6", "C3", "2024-01-10");
  b.AddNeed("N6", "A6", "HEALTH", "NOT_MET");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);  // C1
}

TEST(HealthNeedsMetTest, OnlyChildrenAccommodatedAtCdWithACompletedAssessment) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "HOME", "2023-01-01");  // not ACC
  AddHealthAssessment(b, "A1", "C1", "2023-05-01");
  AddPlacedChild(b, "C2", "2012-01-01", "F", "FOST_LA", "2023-01-01", "2024-07-31");  // ends on CD
  AddHealthAssessment(b, "A2", "C2", "2023-05-01");
  AddPlacedChild(b, "C3", "2012-01-01", "F", "FOST_LA", "2023-01-01");  // no assessment
  AddPlacedChild(b, "C4", "2012-01-01", "F", "FOST_LA", "2023-01-01");
  b.AddAssessment("A4", "C4", "HEALTH_LAC").due_date = D("2023-05-01");  // not completed
  AddPlacedChild(b, "C5", "2012-01-01", "F", "FOST_LA", "2024-07-31");   // starts on CD
  AddHealthAssessment(b, "A5", "C5", "2020-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);  // C5
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(HealthNeedsMetTest, ExplainsTheUnmetNeed) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2012-01-01", "F", "RES_LA", "2023-01-01");
  AddHealthAssessment(b, "A1", "C1", "2023-05-01");
  b.AddNeed("N1", "A1", "HEALTH", "NOT_MET");
  auto units = ExplainOne(b.Build(), "1 H.2", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons,
            (std::vector<std::string>{
                "accommodated on 2024-07-31 in placement PC1 (RES_LA)",
                "the latest HEALTH_LAC assessment completed on or before 2024-07-31 is A1, "
                "completed 2023-05-01",
                "its HEALTH need N1 has status NOT_MET"}));
}

// --- 1 H.3 substance misuse ---

TEST(SubstanceMisuseTest, AgedTenOnCdIsInAndNineIsOut) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2014-07-31", "M", "FOST_LA", "2023-01-01");  // 10 on 2024-07-31
  b.AddReview("V1", "C1", "LAC", "2024-01-10");
  b.AddFinding("V1", "SUBSTANCE_MISUSE", "YES");
  AddPlacedChild(b, "C2", "2014-08-01", "M", "FOST_LA", "2023-01-01");  // 9 on 2024-07-31
  b.AddReview("V2", "C2", "LAC", "2024-01-10");
  b.AddFinding("V2", "SUBSTANCE_MISUSE", "YES");
  AddPlacedChild(b, "C3", "", "M", "FOST_LA", "2023-01-01");  // no dob: no age
  IndicatorResult r = ComputeOne(b.Build(), "1 H.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(SubstanceMisuseTest, OnlyAReviewInThePeriodRecordingYesCounts) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-01-01");
  b.AddReview("V1", "C1", "CHILD_PLAN", "2023-08-01");  // on PS, any review type
  b.AddFinding("V1", "SUBSTANCE_MISUSE", "YES");
  AddPlacedChild(b, "C2", "2010-01-01", "M", "FOST_LA", "2023-01-01");
  b.AddReview("V2", "C2", "LAC", "2024-07-31");  // on PE
  b.AddFinding("V2", "SUBSTANCE_MISUSE", "YES");
  AddPlacedChild(b, "C3", "2010-01-01", "M", "FOST_LA", "2023-01-01");
  b.AddReview("V3", "C3", "LAC", "2023-07-31");  // before PS
  b.AddFinding("V3", "SUBSTANCE_MISUSE", "YES");
  AddPlacedChild(b, "C4", "2010-01-01", "M", "FOST_LA", "2023-01-01");
  b.AddReview("V4", "C4", "LAC", "2023-10-01");
  b.AddFinding("V4", "SUBSTANCE_MISUSE", "NO");
  b.AddReview("V5", "C4", "LAC", "2023-11-01");
  b.AddFinding("V5", "HIGH_RISK", "YES");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(SubstanceMisuseTest, AccommodatedDuringThePeriodMeansAPlacementOverlapsIt) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2022-01-01", "2023-08-01");  // ends PS
  AddPlacedChild(b, "C2", "2010-01-01", "M", "FOST_LA", "2022-01-01", "2023-08-02");  // 1 day
  AddPlacedChild(b, "C3", "2010-01-01", "M", "HOME", "2023-01-01");                   // at home
  AddPlacedChild(b, "C4", "2010-01-01", "M", "FOST_LA", "2024-07-31");                // on PE
  IndicatorResult r = ComputeOne(b.Build(), "1 H.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 0);
}

TEST(SubstanceMisuseTest, ExplainsTheReview) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-01-01");
  b.AddReview("V1", "C1", "LAC", "2024-01-10");
  b.AddFinding("V1", "SUBSTANCE_MISUSE", "YES");
  auto units = ExplainOne(b.Build(), "1 H.3", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons.back(), "review V1 on 2024-01-10 records SUBSTANCE_MISUSE = YES");
}

// --- 1 H.4 pregnancies aged 13-15 ---

TEST(TeenagePregnancyTest, AccommodatedOnTheThirteenthBirthdayIsIn) {
  RecordsBuilder b;
  // 13th birthday 2023-09-01.
  AddPlacedChild(b, "C1", "2010-09-01", "F", "FOST_LA", "2023-06-01",
                 "2023-09-02");  // last day 09-01
  AddPlacedChild(b, "C2", "2010-09-01", "F", "FOST_LA", "2023-06-01",
                 "2023-09-01");  // last day 08-31
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
}

TEST(TeenagePregnancyTest, AccommodatedOnTheDayBeforeTheSixteenthIsIn) {
  RecordsBuilder b;
  // 16th birthday 2024-03-01.
  AddPlacedChild(b, "C1", "2008-03-01", "F", "FOST_LA", "2024-02-29");  // 15 on 2024-02-29
  AddPlacedChild(b, "C2", "2008-03-01", "F", "FOST_LA", "2024-03-01");  // 16 from the start
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
}

TEST(TeenagePregnancyTest, ABirthdayOn29FebruaryFallsOn1MarchInOtherYears) {
  RecordsBuilder b;
  // Born 2008-02-29: the 13th birthday is 2021-03-01 (2021 has no 29 February).
  AddPlacedChild(b, "C1", "2008-02-29", "F", "FOST_LA", "2021-02-28", "2021-03-01");  // aged 12
  AddPlacedChild(b, "C2", "2008-02-29", "F", "FOST_LA", "2021-02-28", "2021-03-02");  // 13 on 03-01
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2020));
  EXPECT_EQ(r.counts.denominator, 1);
}

TEST(TeenagePregnancyTest, BoysAndOtherSexesAreNotInTheDenominator) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-06-01");
  b.AddIncident("I1", "C1", "PREGNANCY", "2023-10-01T10:00");
  AddPlacedChild(b, "C2", "2010-01-01", "X", "FOST_LA", "2023-06-01");
  AddPlacedChild(b, "C3", "2010-01-01", "NK", "FOST_LA", "2023-06-01");
  AddPlacedChild(b, "C4", "2010-01-01", "F", "FOST_LA", "2023-06-01");
  AddPlacedChild(b, "C5", "", "F", "FOST_LA", "2023-06-01");  // no dob: no age
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(Supplementary(r, "incidents"), 0);
}

TEST(TeenagePregnancyTest, APregnancyWhileNotAccommodatedDoesNotCount) {
  RecordsBuilder b;
  b.AddChild("C1", "2010-01-01", "F");
  b.AddEpisode("E1", "C1", "2023-06-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-06-01", "2023-12-01");
  b.AddPlacement("P2", "E1", "HOME", "2023-12-01");
  b.AddIncident("I1", "C1", "PREGNANCY", "2023-12-01T09:00");  // at home
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(Supplementary(r, "incidents"), 0);
}

TEST(TeenagePregnancyTest, CountsGirlsAndQualifyingIncidents) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "F", "FOST_LA", "2023-06-01");
  b.AddIncident("I1", "C1", "PREGNANCY", "2023-10-01T10:00");
  b.AddIncident("I2", "C1", "PREGNANCY", "2024-07-31T23:30");  // on PE (local date)
  b.AddIncident("I3", "C1", "PREGNANCY", "2024-08-01T00:10");  // after PE
  b.AddIncident("I4", "C1", "PREGNANCY", "2023-07-31T12:00");  // before PS
  b.AddIncident("I5", "C1", "SELF_HARM", "2023-10-01T12:00");  // another type
  // C2: 16th birthday 2024-03-01; a pregnancy on it does not count.
  AddPlacedChild(b, "C2", "2008-03-01", "F", "FOST_LA", "2023-06-01");
  b.AddIncident("I6", "C2", "PREGNANCY", "2024-03-01T10:00");
  // C3: 13th birthday 2024-05-10; a pregnancy the day before does not count, on it does.
  AddPlacedChild(b, "C3", "2011-05-10", "F", "FOST_LA", "2023-06-01");
  b.AddIncident("I7", "C3", "PREGNANCY", "2024-05-09T10:00");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(Supplementary(r, "incidents"), 2);
}

TEST(TeenagePregnancyTest, IsNeverBrokenDownWhenPublished) {
  const Indicator* indicator = FindIndicator("1 H.4");
  ASSERT_NE(indicator, nullptr);
  EXPECT_FALSE(indicator->definition.breakdowns_publishable);
  EXPECT_EQ(indicator->definition.polarity, Polarity::kLowerIsBetter);
}

TEST(TeenagePregnancyTest, ExplainsTheIncident) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "F", "FOST_LA", "2023-06-01");
  b.AddIncident("I1", "C1", "PREGNANCY", "2023-10-01T10:00");
  auto units = ExplainOne(b.Build(), "1 H.4", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons,
            (std::vector<std::string>{
                "accommodated on at least one day of the period",
                "aged 13-15 on the period's days 2023-08-01 to 2024-07-31, accommodated then in "
                "placement PC1",
                "PREGNANCY incident I1 on 2023-10-01 while accommodated and aged 13-15"}));
}

TEST(TeenagePregnancyTest, ExplainsABoy) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-06-01");
  auto units = ExplainOne(b.Build(), "1 H.4", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_EQ(units[0].reasons.back(), "sex is M, not F");
}

// --- 1 H.5 suicide, attempted suicide, self-harm ---

TEST(SelfHarmTest, AnIncidentInThePeriodWhileAccommodatedCounts) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-06-01");
  b.AddIncident("I1", "C1", "SELF_HARM", "2023-09-01T10:00");
  b.AddIncident("I2", "C1", "SELF_HARM", "2024-07-31T23:59");  // on PE
  b.AddIncident("I3", "C1", "SUICIDE_ATTEMPT", "2023-10-01T10:00");
  // C2: at home when the incident happens.
  b.AddChild("C2", "2010-01-01", "M");
  b.AddEpisode("E2", "C2", "2023-06-01");
  b.AddPlacement("P2a", "E2", "RES_LA", "2023-06-01", "2023-10-01");
  b.AddPlacement("P2b", "E2", "HOME", "2023-10-01");
  b.AddIncident("I4", "C2", "SUICIDE_ATTEMPT", "2023-10-01T00:30");
  // C3: incidents outside the period, or of other types.
  AddPlacedChild(b, "C3", "2010-01-01", "M", "FOST_LA", "2023-06-01");
  b.AddIncident("I5", "C3", "SELF_HARM", "2023-07-31T23:59");
  b.AddIncident("I6", "C3", "SELF_HARM", "2024-08-01T00:00");
  b.AddIncident("I7", "C3", "MISSING", "2023-09-01T10:00", "2023-09-03T10:00");
  // C4: not accommodated during the period.
  AddPlacedChild(b, "C4", "2010-01-01", "M", "FOST_LA", "2022-06-01", "2023-08-01");
  b.AddIncident("I8", "C4", "SUICIDE", "2023-09-01T10:00");
  IndicatorResult r = ComputeOne(b.Build(), "1 H.5", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(Supplementary(r, "SELF_HARM"), 2);
  EXPECT_EQ(Supplementary(r, "SUICIDE_ATTEMPT"), 1);
  EXPECT_EQ(Supplementary(r, "SUICIDE"), 0);
}

TEST(SelfHarmTest, IsNeverBrokenDownWhenPublished) {
  const Indicator* indicator = FindIndicator("1 H.5");
  ASSERT_NE(indicator, nullptr);
  EXPECT_FALSE(indicator->definition.breakdowns_publishable);
  EXPECT_TRUE(FindIndicator("1 H.1")->definition.breakdowns_publishable);
}

TEST(SelfHarmTest, ExplainsTheIncident) {
  RecordsBuilder b;
  AddPlacedChild(b, "C1", "2010-01-01", "M", "FOST_LA", "2023-06-01");
  b.AddIncident("I1", "C1", "SUICIDE", "2023-09-01T10:00");
  b.AddIncident("I2", "C1", "SELF_HARM", "2023-09-02T10:00");
  auto units = ExplainOne(b.Build(), "1 H.5", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].reasons.back(),
            "SUICIDE incident I1 on 2023-09-01 while accommodated (2 such incidents)");
}

}  // namespace
}  // namespace pif::engine
