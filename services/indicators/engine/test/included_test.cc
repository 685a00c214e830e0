// Golden tests of section 1, Included (1 INC.1 - 1 INC.6), on hand-built data at the boundaries
// the definitions and section 8 name. The period is mostly the CLAS year 2023-08-01 to
// 2024-07-31, so CD = 2024-07-31 and CD - 365 days = 2023-08-01.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::D;
using testing::ExplainOne;
using testing::OD;
using testing::RecordsBuilder;

// A young carer's snapshot: young_carer, yc_support_accessed and econ.
void YoungCarer(RecordsBuilder& b, const std::string& person, const std::string& as_at,
                const std::string& young_carer, const std::string& support,
                const std::string& econ = "") {
  StatusSnapshot& s = b.AddStatus(person, as_at);
  s.young_carer = young_carer;
  s.yc_support_accessed = support;
  s.econ = econ;
}

// A care leaver's snapshot: aftercare_eligible, homeless_12m and econ.
void CareLeaver(RecordsBuilder& b, const std::string& person, const std::string& as_at,
                const std::string& eligible, const std::string& homeless,
                const std::string& econ = "") {
  StatusSnapshot& s = b.AddStatus(person, as_at);
  s.aftercare_eligible = eligible;
  s.homeless_12m = homeless;
  s.econ = econ;
}

// An EQUIP_ADAPT need of a new assessment of the person.
Need& EquipNeed(RecordsBuilder& b, const std::string& id, const std::string& person,
                const std::string& identified, const std::string& target, const std::string& status,
                const std::string& status_date) {
  b.AddAssessment("A" + id, person, "EQUIP");
  Need& n = b.AddNeed(id, "A" + id, "EQUIP_ADAPT", status);
  n.identified_date = OD(identified);
  n.target_date = OD(target);
  n.status_date = OD(status_date);
  return n;
}

// An involvement of the person closed on `close` with `reason`.
void Closed(RecordsBuilder& b, const std::string& id, const std::string& person,
            const std::string& close, const std::string& reason = "TRANSFER_ADULT") {
  b.AddInvolvement(id, person, "DISABILITY", "2015-01-01", close).close_reason = reason;
}

// A TRANSITION assessment requested on `requested` (empty: not recorded).
Assessment& Transition(RecordsBuilder& b, const std::string& id, const std::string& person,
                       const std::string& requested, const std::string& status = "OPEN") {
  Assessment& a = b.AddAssessment(id, person, "TRANSITION");
  a.requested_date = OD(requested);
  a.status = status;
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

TEST(IncludedCatalogueTest, CodesThemesUnitsAndPolarity) {
  for (const char* code : {"1 INC.1", "1 INC.2", "1 INC.3", "1 INC.4", "1 INC.5", "1 INC.6"}) {
    const Indicator* indicator = FindIndicator(code);
    ASSERT_NE(indicator, nullptr) << code;
    EXPECT_EQ(indicator->definition.theme, Theme::kIncluded) << code;
  }
  EXPECT_EQ(FindIndicator("1 INC.3")->definition.polarity, Polarity::kLowerIsBetter);
  EXPECT_EQ(FindIndicator("1 INC.4")->definition.polarity, Polarity::kHigherIsBetter);
  EXPECT_EQ(FindIndicator("1 INC.6")->definition.unit, UnitKind::kInvolvement);
  EXPECT_EQ(FindIndicator("1 INC.5")->definition.unit, UnitKind::kChild);
}

// --- 1 INC.1 ---

TEST(YoungCarerSupportTest, UnderEighteenOnTheCensusDate) {
  RecordsBuilder b;
  b.AddChild("C1", "2006-08-01");  // 17 on CD
  YoungCarer(b, "C1", "2024-05-01", "Y", "Y");
  b.AddChild("C2", "2006-07-31");  // 18 on CD: out
  YoungCarer(b, "C2", "2024-05-01", "Y", "Y");
  b.AddChild("C3", "");  // unborn / no dob: no age, out
  YoungCarer(b, "C3", "2024-05-01", "Y", "Y");
  b.AddChild("C4", "2015-01-01");
  YoungCarer(b, "C4", "2024-05-01", "Y", "N");  // D only
  b.AddChild("C5", "2015-01-01");
  YoungCarer(b, "C5", "2024-05-01", "Y", "NA");  // D only
  b.AddChild("C6", "2015-01-01");
  YoungCarer(b, "C6", "2024-05-01", "N", "Y");  // not a young carer
  b.AddChild("C7", "2015-01-01");
  YoungCarer(b, "C7", "2024-05-01", "", "Y");  // young_carer not recorded: out
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 0);
}

TEST(YoungCarerSupportTest, TheLatestSnapshotInTheWindowIsTakenFirstThenTested) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5"}) b.AddChild(id, "2012-01-01");
  YoungCarer(b, "C1", "2023-10-01", "Y", "Y");
  YoungCarer(b, "C1", "2024-05-01", "N", "");  // latest says not a young carer: out
  YoungCarer(b, "C2", "2023-10-01", "Y", "N");
  YoungCarer(b, "C2", "2024-05-01", "Y", "Y");  // N
  YoungCarer(b, "C3", "2023-08-01", "Y", "Y");  // CD - 365 days: outside the window
  YoungCarer(b, "C4", "2023-08-02", "Y", "Y");  // inside: N
  YoungCarer(b, "C5", "2024-01-01", "Y", "N");
  YoungCarer(b, "C5", "2024-08-01", "Y", "Y");  // after CD: ignored, D only
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(YoungCarerSupportTest, ExplainNamesTheSnapshot) {
  RecordsBuilder b;
  b.AddChild("C1", "2012-01-01");
  YoungCarer(b, "C1", "2024-05-01", "Y", "N");
  auto units = ExplainOne(b.Build(), "1 INC.1", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(units,
                        "status snapshot of 2024-05-01 is the latest in (2023-08-01, 2024-07-31]: "
                        "young_carer Y"));
  EXPECT_TRUE(HasReason(units, "yc_support_accessed N"));
}

// --- 1 INC.2 ---

TEST(YoungCarerEetTest, SixteenOrSeventeenOnTheCensusDate) {
  RecordsBuilder b;
  b.AddChild("C1", "2008-07-31");  // 16 on CD
  YoungCarer(b, "C1", "2024-05-01", "Y", "N", "EMPLOYED");
  b.AddChild("C2", "2008-08-01");  // 15 on CD: out
  YoungCarer(b, "C2", "2024-05-01", "Y", "Y", "SCHOOL");
  b.AddChild("C3", "2006-08-01");  // 17 on CD
  YoungCarer(b, "C3", "2024-05-01", "Y", "Y", "SCHOOL");
  b.AddChild("C4", "2006-07-31");  // 18 on CD: out
  YoungCarer(b, "C4", "2024-05-01", "Y", "Y", "SCHOOL");
  b.AddChild("C5", "2007-01-01");  // not a young carer: out
  YoungCarer(b, "C5", "2024-05-01", "N", "", "EMPLOYED");
  b.AddChild("C6", "");  // no dob: out
  YoungCarer(b, "C6", "2024-05-01", "Y", "Y", "EMPLOYED");
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
}

TEST(YoungCarerEetTest, EconEmptyOrNkLeavesOutAndTheEetSetCounts) {
  RecordsBuilder b;
  const std::vector<std::pair<std::string, std::string>> cases = {{"C1", ""},
                                                                  {"C2", "NK"},
                                                                  {"C3", "UNEMPLOYED"},
                                                                  {"C4", "SCHOOL"},
                                                                  {"C5", "FE_HE"},
                                                                  {"C6", "TRAINING"},
                                                                  {"C7", "EMPLOYED"},
                                                                  {"C8", "VOLUNTARY_WORK"},
                                                                  {"C9", "CARING"},
                                                                  {"C10", "ILL_DISABLED"},
                                                                  {"C11", "OTHER_INACTIVE"}};
  for (const auto& [id, econ] : cases) {
    b.AddChild(id, "2007-03-01");  // 17 on CD
    YoungCarer(b, id, "2024-05-01", "Y", "N", econ);
  }
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 9);
  EXPECT_EQ(r.counts.numerator, 5);
  EXPECT_EQ(r.unknown, 2);
}

TEST(YoungCarerEetTest, AnEarlierKnownEconIsNotUsedWhenTheLatestIsNk) {
  RecordsBuilder b;
  b.AddChild("C1", "2007-03-01");
  YoungCarer(b, "C1", "2023-10-01", "Y", "Y", "SCHOOL");
  YoungCarer(b, "C1", "2024-05-01", "Y", "Y", "NK");
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 1);
}

TEST(YoungCarerEetTest, ExplainSaysWhetherInEet) {
  RecordsBuilder b;
  b.AddChild("C1", "2007-03-01");
  YoungCarer(b, "C1", "2024-05-01", "Y", "Y", "CARING");
  auto units = ExplainOne(b.Build(), "1 INC.2", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_TRUE(HasReason(units, "econ CARING: not in education, employment or training"));
}

// --- 1 INC.3 ---

TEST(CareLeaverHomelessTest, SixteenToEighteenAndHomelessYesOrNoOnly) {
  RecordsBuilder b;
  b.AddChild("C1", "2008-07-31");               // 16
  CareLeaver(b, "C1", "2024-05-01", "Y", "Y");  // N
  b.AddChild("C2", "2008-08-01");               // 15: out
  CareLeaver(b, "C2", "2024-05-01", "Y", "Y");
  b.AddChild("C3", "2005-08-01");               // 18
  CareLeaver(b, "C3", "2024-05-01", "Y", "N");  // D only
  b.AddChild("C4", "2005-07-31");               // 19: out
  CareLeaver(b, "C4", "2024-05-01", "Y", "Y");
  b.AddChild("C5", "");  // no dob: out
  CareLeaver(b, "C5", "2024-05-01", "Y", "Y");
  b.AddChild("C6", "2007-01-01");
  CareLeaver(b, "C6", "2024-05-01", "Y", "NK");  // unknown
  b.AddChild("C7", "2007-01-01");
  CareLeaver(b, "C7", "2024-05-01", "Y", "");  // unknown
  b.AddChild("C8", "2007-01-01");
  CareLeaver(b, "C8", "2024-05-01", "N", "Y");  // not eligible: out
  b.AddChild("C9", "2007-01-01");
  CareLeaver(b, "C9", "2024-05-01", "", "Y");  // eligibility not recorded: out
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 2);
}

TEST(CareLeaverHomelessTest, ABirthdayOn29FebruaryFallsOn1MarchInOtherYears) {
  RecordsBuilder b;
  b.AddChild("C1", "2004-02-29");  // 19th birthday 2023-03-01: 18 on 2023-02-28
  CareLeaver(b, "C1", "2023-01-10", "Y", "Y");
  b.AddChild("C2", "2004-02-28");  // 19 on 2023-02-28: out
  CareLeaver(b, "C2", "2023-01-10", "Y", "Y");
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.3", Period{D("2022-03-01"), D("2023-02-28")});
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(CareLeaverHomelessTest, TheLatestSnapshotDecidesEvenWhenItIsNk) {
  RecordsBuilder b;
  b.AddChild("C1", "2007-01-01");
  CareLeaver(b, "C1", "2023-10-01", "Y", "Y");
  CareLeaver(b, "C1", "2024-05-01", "Y", "NK");  // unknown: the earlier Y is never used
  b.AddChild("C2", "2007-01-01");
  CareLeaver(b, "C2", "2023-10-01", "Y", "Y");
  CareLeaver(b, "C2", "2024-05-01", "N", "Y");  // no longer eligible: out
  b.AddChild("C3", "2007-01-01");
  CareLeaver(b, "C3", "2023-08-01", "Y", "Y");  // CD - 365 days: outside the window
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.3", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 1);
}

TEST(CareLeaverHomelessTest, ExplainSaysWhyUnknown) {
  RecordsBuilder b;
  b.AddChild("C1", "2007-01-01");
  CareLeaver(b, "C1", "2024-05-01", "Y", "NK");
  auto units = ExplainOne(b.Build(), "1 INC.3", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].unknown);
  EXPECT_TRUE(HasReason(units, "homeless_12m NK: not known"));
  EXPECT_TRUE(HasReason(units, "aftercare_eligible Y"));
}

// --- 1 INC.4 ---

TEST(CareLeaverEetTest, EconRecordedAndNotNkInsteadOfTheHomelessCondition) {
  RecordsBuilder b;
  b.AddChild("C1", "2005-08-01");                       // 18
  CareLeaver(b, "C1", "2024-05-01", "Y", "", "FE_HE");  // N
  b.AddChild("C2", "2008-07-31");                       // 16
  CareLeaver(b, "C2", "2024-05-01", "Y", "N", "");      // unknown
  b.AddChild("C3", "2007-01-01");
  CareLeaver(b, "C3", "2024-05-01", "Y", "N", "NK");  // unknown
  b.AddChild("C4", "2007-01-01");
  CareLeaver(b, "C4", "2024-05-01", "Y", "N", "UNEMPLOYED");  // D only
  b.AddChild("C5", "2005-07-31");                             // 19: out
  CareLeaver(b, "C5", "2024-05-01", "Y", "N", "EMPLOYED");
  b.AddChild("C6", "2007-01-01");
  CareLeaver(b, "C6", "2024-05-01", "Y", "NK", "EMPLOYED");  // homeless NK does not matter: N
  b.AddChild("C7", "2008-08-01");                            // 15: out
  CareLeaver(b, "C7", "2024-05-01", "Y", "N", "SCHOOL");
  b.AddChild("C8", "2007-01-01");
  CareLeaver(b, "C8", "2024-05-01", "N", "N", "SCHOOL");  // not eligible: out
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 2);
}

TEST(CareLeaverEetTest, TheLatestSnapshotDecides) {
  RecordsBuilder b;
  b.AddChild("C1", "2007-01-01");
  CareLeaver(b, "C1", "2023-10-01", "Y", "", "SCHOOL");
  CareLeaver(b, "C1", "2024-05-01", "Y", "", "");  // unknown
  b.AddChild("C2", "2007-01-01");
  CareLeaver(b, "C2", "2023-10-01", "Y", "", "UNEMPLOYED");
  CareLeaver(b, "C2", "2024-05-01", "Y", "", "TRAINING");  // N
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 1);
}

TEST(CareLeaverEetTest, ExplainGivesTheAgeWhenOutside) {
  RecordsBuilder b;
  b.AddChild("C1", "2005-07-31");
  CareLeaver(b, "C1", "2024-05-01", "Y", "", "SCHOOL");
  auto units = ExplainOne(b.Build(), "1 INC.4", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_TRUE(HasReason(units, "aged 19 on the census date: not aged 16 to 18"));
}

// --- 1 INC.5 ---

TEST(EquipmentTest, TheDueDateIsTheTargetOrIdentifiedPlus90Days) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"}) b.AddChild(id);
  EquipNeed(b, "N1", "C1", "", "2024-01-10", "MET", "2024-01-10");            // met on its due date
  EquipNeed(b, "N2", "C2", "2023-05-03", "", "MET", "2023-08-01");            // due 2023-08-01 = PS
  EquipNeed(b, "N3", "C3", "2023-05-02", "", "MET", "2023-07-31");            // due 2023-07-31: out
  EquipNeed(b, "N4", "C4", "2024-05-03", "", "MET", "2024-06-01");            // due 2024-08-01: out
  EquipNeed(b, "N5", "C5", "2024-01-01", "2024-08-01", "MET", "2024-02-01");  // target decides
  EquipNeed(b, "N6", "C6", "2024-01-01", "", "MET", "2024-03-31");  // due 2024-03-31 (leap)
  EquipNeed(b, "N7", "C7", "", "", "NOT_MET", "");                  // neither date: ignored
  EquipNeed(b, "N8", "C8", "2023-01-01", "2024-01-10", "MET", "2024-01-09");  // target decides
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.5", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 4);
}

TEST(EquipmentTest, MetWithAStatusDateOnOrBeforeTheDueDateOnly) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5", "C6", "C7"}) b.AddChild(id);
  EquipNeed(b, "N1", "C1", "", "2024-01-10", "MET", "2024-01-11");  // a day late
  EquipNeed(b, "N2", "C2", "", "2024-01-10", "MET", "");            // MET without status_date
  EquipNeed(b, "N3", "C3", "", "2024-01-10", "IN_HAND", "2024-01-01");
  EquipNeed(b, "N4", "C4", "", "2024-01-10", "NOT_MET", "2024-01-01");
  EquipNeed(b, "N5", "C5", "", "2024-01-10", "", "2024-01-01");     // no status
  EquipNeed(b, "N6", "C6", "", "2024-01-10", "MET", "2023-12-01");  // in time
  EquipNeed(b, "N7", "C7", "2024-01-01", "", "MET", "2024-04-01");  // due 03-31: a day late
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.5", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 7);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(EquipmentTest, EveryNeedOfTheChildDueInThePeriodMustPass) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5"}) b.AddChild(id);
  EquipNeed(b, "N1", "C1", "", "2024-01-10", "MET", "2024-01-10");
  EquipNeed(b, "N2", "C1", "", "2024-02-10", "IN_HAND", "");  // fails: C1 not in N
  EquipNeed(b, "N3", "C2", "", "2024-01-10", "MET", "2024-01-10");
  EquipNeed(b, "N4", "C2", "", "2024-02-10", "MET", "2024-02-01");  // both pass
  EquipNeed(b, "N5", "C3", "", "2024-01-10", "MET", "2024-01-10");
  EquipNeed(b, "N6", "C3", "", "2024-09-10", "NOT_MET", "");  // due after PE: not considered
  EquipNeed(b, "N7", "C4", "", "2024-01-10", "MET", "2024-01-10");
  EquipNeed(b, "N8", "C4", "", "", "NOT_MET", "");  // neither date: ignored
  EquipNeed(b, "N9", "C5", "", "2024-01-10", "MET", "2024-01-10");
  b.AddAssessment("H1", "C5", "HEALTH_LAC");
  b.AddNeed("N10", "H1", "HEALTH", "NOT_MET").target_date = D("2024-01-10");  // other domain
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.5", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 5);
  EXPECT_EQ(r.counts.numerator, 4);
  double due = -1;
  double met = -1;
  for (const SupplementaryFigure& figure : r.supplementary) {
    if (figure.name == "needs_due") due = figure.value;
    if (figure.name == "needs_met_in_time") met = figure.value;
  }
  EXPECT_EQ(due, 7);
  EXPECT_EQ(met, 6);
}

TEST(EquipmentTest, ANeedOfAnotherAssessmentTypeBelongsToThePersonOfItsAssessment) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  b.AddAssessment("S1", "C2", "SW");
  Need& n = b.AddNeed("N1", "S1", "EQUIP_ADAPT", "NOT_MET");
  n.target_date = D("2024-01-10");
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.5", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  auto units = ExplainOne(b.Build(), "1 INC.5", ClasYear(2023), "C2");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].person_id, "C2");
}

TEST(EquipmentTest, ExplainListsEachNeedWithItsDueDate) {
  RecordsBuilder b;
  b.AddChild("C1");
  EquipNeed(b, "N1", "C1", "2024-01-01", "", "MET", "");
  auto units = ExplainOne(b.Build(), "1 INC.5", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(HasReason(units,
                        "EQUIP_ADAPT need N1 of assessment AN1 is due 2024-03-31 (identified_date "
                        "+ 90 days): status MET, status_date not recorded, not met by the due "
                        "date"));
}

// --- 1 INC.6 ---

TEST(TransitionPlannedTest, RequestedOnOrBeforeCloseDateMinus365Days) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"}) {
    b.AddChild(id, "2006-01-01");
  }
  Closed(b, "I1", "C1", "2024-03-01");
  Transition(b, "T1", "C1", "2023-03-02");  // exactly close_date - 365 days: N
  Closed(b, "I2", "C2", "2024-03-01");
  Transition(b, "T2", "C2", "2023-03-03");  // a day later: D only
  Closed(b, "I3", "C3", "2024-03-01");
  Transition(b, "T3", "C3", "2023-01-01", "WITHDRAWN");  // any status: N
  Closed(b, "I4", "C4", "2024-03-01");                   // no TRANSITION assessment: D only
  Closed(b, "I5", "C5", "2024-03-01");
  b.AddAssessment("S5", "C5", "SW").requested_date = D("2022-01-01");  // other type: D only
  Closed(b, "I6", "C6", "2024-03-01", "AGE");                          // other reason: out
  Transition(b, "T6", "C6", "2022-01-01");
  Closed(b, "I7", "C7", "2024-08-01");  // closed after PE: out
  Transition(b, "T7", "C7", "2022-01-01");
  Closed(b, "I8", "C8", "2023-07-31");  // closed before PS: out
  Transition(b, "T8", "C8", "2022-01-01");
  Closed(b, "I9", "C9", "2023-08-01");  // closed on PS: in
  Transition(b, "T9", "C9", "2022-07-01");
  Closed(b, "I10", "C10", "2024-03-01");
  Transition(b, "T10", "C10", "").completed_date = D("2022-01-01");  // no requested_date
  b.AddInvolvement("I11", "C10", "DISABILITY", "2015-01-01").close_reason = "TRANSFER_ADULT";
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.6", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 7);
  EXPECT_EQ(r.counts.numerator, 3);
}

TEST(TransitionPlannedTest, EachInvolvementIsAUnit) {
  RecordsBuilder b;
  b.AddChild("C1", "2006-01-01");
  Closed(b, "I1", "C1", "2024-03-01");  // deadline 2023-03-02: N
  Closed(b, "I2", "C1", "2023-09-01");  // deadline 2022-09-01: D only
  Transition(b, "T1", "C1", "2023-01-01");
  IndicatorResult r = ComputeOne(b.Build(), "1 INC.6", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  auto units = ExplainOne(b.Build(), "1 INC.6", ClasYear(2023), "I2");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].unit_id, "I2");
  EXPECT_EQ(units[0].person_id, "C1");
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  EXPECT_TRUE(
      HasReason(units, "involvement I2 of C1 closed 2023-09-01 with reason TRANSFER_ADULT"));
  EXPECT_TRUE(HasReason(units,
                        "TRANSITION assessment T1 requested 2023-01-01, after 2022-09-01 (365 "
                        "days before closing)"));
}

}  // namespace
}  // namespace pif::engine
