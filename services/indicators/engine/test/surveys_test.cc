// Golden tests of section 2, the survey indicators 2 S.4 - 2 INC.7, on hand-built responses at
// the boundaries indicators.md (sections 3 and 8) names.
#include <cctype>
#include <utility>

#include "gmock/gmock.h"
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::ExplainOne;
using ::testing::HasSubstr;
using testing::RecordsBuilder;

using Answers = std::vector<std::pair<std::string, std::string>>;

// Adds one questionnaire: a row per (item, answer), all sharing the response id.
void Respond(RecordsBuilder& b, const std::string& response, const std::string& person,
             const std::string& respondent, const std::string& date, const Answers& answers) {
  for (const auto& [item, answer] : answers) {
    b.AddAnswer(response, person, respondent, date, item, answer);
  }
}

double Supplementary(const IndicatorResult& r, const std::string& name) {
  for (const SupplementaryFigure& f : r.supplementary) {
    if (f.name == name) return f.value;
  }
  ADD_FAILURE() << "no supplementary figure " << name << " in " << r.code;
  return -1;
}

const Counts* Cell(const IndicatorResult& r, const std::string& dimension,
                   const std::string& category) {
  for (const BreakdownCell& c : r.breakdowns) {
    if (c.dimension == dimension && c.category == category) return &c.counts;
  }
  return nullptr;
}

// Every reason given for one unit, joined, for substring checks.
std::string ReasonsOf(const std::vector<UnitExplanation>& units, const std::string& unit_id) {
  for (const UnitExplanation& u : units) {
    if (u.unit_id != unit_id) continue;
    std::string all;
    for (const std::string& reason : u.reasons) all += reason + "\n";
    return all;
  }
  ADD_FAILURE() << "no unit " << unit_id;
  return "";
}

// --- rules shared by every survey indicator (exercised on 2 S.4 and 2 ACH.5) ---

TEST(SurveyFeelSafeTest, EitherItemYesIsPositive) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  b.AddChild("C3");
  b.AddChild("C4");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S2", "C2", "CHILD", "2023-10-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "YES"}});
  Respond(b, "S3", "C3", "CHILD", "2023-10-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S4", "C4", "CHILD", "2023-10-01",
          {{"SAFE_NOW", "PARTLY"}, {"SAFER_THAN_BEFORE", "PARTLY"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
  EXPECT_EQ(r.unknown, 0);
  EXPECT_EQ(Supplementary(r, "responses"), 4);
}

TEST(SurveyFeelSafeTest, DkOrNaOnEitherItemLeavesTheRespondentOutEvenWithAYes) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddChild("C2");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "DK"}});
  Respond(b, "S2", "C2", "CHILD", "2023-10-01", {{"SAFE_NOW", "NA"}, {"SAFER_THAN_BEFORE", "YES"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(r.unknown, 2);
  // The responses counted include those left out for DK or NA: responses = D + unknown.
  EXPECT_EQ(Supplementary(r, "responses"), 2);
}

TEST(SurveyFeelSafeTest, OnlyTheLatestResponseOfARespondentCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S9", "C1", "CHILD", "2023-09-01",
          {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "YES"}});
  Respond(b, "S1", "C1", "CHILD", "2024-03-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "NO"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(Supplementary(r, "responses"), 1);
}

TEST(SurveyFeelSafeTest, OnTheSameDayTheGreatestResponseIdIsTheLatest) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S2", "C1", "CHILD", "2023-10-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S10", "C1", "CHILD", "2023-10-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "NO"}});
  // "S2" > "S10" in string order.
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(SurveyFeelSafeTest, ALaterResponseMissingAnItemIsSkippedAndAnEarlierCompleteOneCounts) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2023-09-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S2", "C1", "CHILD", "2024-03-01", {{"SAFE_NOW", "NO"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(SurveyFeelSafeTest, ALaterCompleteResponseAnsweringDkReplacesAnEarlierYes) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2023-09-01",
          {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "YES"}});
  Respond(b, "S2", "C1", "CHILD", "2024-03-01", {{"SAFE_NOW", "DK"}, {"SAFER_THAN_BEFORE", "NO"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 1);
}

TEST(SurveyFeelSafeTest, OnlyResponsesDatedInThePeriodCount) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4"}) b.AddChild(id);
  const Answers yes = {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "YES"}};
  Respond(b, "S1", "C1", "CHILD", "2023-07-31", yes);  // day before PS
  Respond(b, "S2", "C2", "CHILD", "2023-08-01", yes);  // PS
  Respond(b, "S3", "C3", "CHILD", "2024-07-31", yes);  // PE
  Respond(b, "S4", "C4", "CHILD", "2024-08-01", yes);  // day after PE
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(SurveyFeelSafeTest, AnOutOfPeriodLaterResponseDoesNotHideAnInPeriodOne) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2024-01-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S2", "C1", "CHILD", "2024-09-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "NO"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(SurveyFeelSafeTest, ParentResponsesAreNotCounted) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "PARENT_CARER", "2023-10-01",
          {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "YES"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 0);
  EXPECT_EQ(Supplementary(r, "responses"), 0);
}

TEST(SurveyFeelSafeTest, EachAnonymousResponseIsItsOwnRespondentWithNoBreakdown) {
  RecordsBuilder b;
  b.AddChild("C1", "2010-06-15", "M");
  const Answers yes = {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}};
  Respond(b, "A1", "", "CHILD", "2023-10-01", yes);
  Respond(b, "A2", "", "CHILD", "2023-10-01", yes);
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", yes);
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 3);
  EXPECT_EQ(Supplementary(r, "responses"), 3);
  // Only the named child reaches the breakdowns.
  ASSERT_NE(Cell(r, "sex", "M"), nullptr);
  EXPECT_EQ(Cell(r, "sex", "M")->denominator, 1);
  EXPECT_EQ(Cell(r, "sex", "F"), nullptr);
}

TEST(SurveyFeelSafeTest, ExplainNamesTheResponseAndTheAnswers) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2023-09-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S2", "C1", "CHILD", "2024-03-01", {{"SAFE_NOW", "NO"}});
  Respond(b, "A1", "", "CHILD", "2023-10-01", {{"SAFE_NOW", "DK"}, {"SAFER_THAN_BEFORE", "YES"}});
  auto units = ExplainOne(b.Build(), "2 S.4", ClasYear(2023), "CHILD/C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_EQ(units[0].person_id, "C1");
  const std::string reasons = ReasonsOf(units, "CHILD/C1");
  EXPECT_THAT(reasons, HasSubstr("response S1 (CHILD, 2023-09-01, PERIODIC) is the latest that "
                                 "counts: SAFE_NOW = YES, SAFER_THAN_BEFORE = NO"));
  EXPECT_THAT(reasons, HasSubstr("response S2 (CHILD, 2024-03-01, PERIODIC), does not answer "
                                 "every item (SAFE_NOW, SAFER_THAN_BEFORE)"));
  EXPECT_THAT(reasons, HasSubstr("an item is answered YES"));
  auto anonymous = ExplainOne(b.Build(), "2 S.4", ClasYear(2023), "A1");
  ASSERT_EQ(anonymous.size(), 1u);
  EXPECT_TRUE(anonymous[0].unknown);
  EXPECT_EQ(anonymous[0].person_id, "");
  EXPECT_THAT(ReasonsOf(anonymous, "A1"),
              HasSubstr("SAFE_NOW is answered DK, so the respondent is left out of the "
                        "denominator"));
}

TEST(SurveyFeelSafeTest, ARespondentWithNoCompleteResponseIsOutside) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"SAFE_NOW", "YES"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 0);
  auto units = ExplainOne(b.Build(), "2 S.4", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_FALSE(units[0].unknown);
  EXPECT_THAT(ReasonsOf(units, "CHILD/C1"), HasSubstr("no response in the period counts"));
}

TEST(SurveyFeelSafeTest, APersonWhoIsNotAKnownChildIsStillARespondentWithNoBreakdown) {
  // Intake rejects such rows; if one reaches the engine it counts under its ids, with no child.
  RecordsBuilder b;
  b.AddChild("C1", "2010-06-15", "M");
  Respond(b, "S1", "Z9", "CHILD", "2023-09-01", {{"SAFE_NOW", "YES"}, {"SAFER_THAN_BEFORE", "NO"}});
  Respond(b, "S2", "Z9", "CHILD", "2023-10-01", {{"SAFE_NOW", "NO"}, {"SAFER_THAN_BEFORE", "NO"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 S.4", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 0);
  EXPECT_EQ(Cell(r, "sex", "M"), nullptr);
  auto units = ExplainOne(b.Build(), "2 S.4", ClasYear(2023), "CHILD/Z9");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].person_id, "");
  EXPECT_THAT(ReasonsOf(units, "CHILD/Z9"), HasSubstr("2 response(s) in the period"));
}

// --- 2 N.10 looked-after children with a trusted adult ---

// A child looked after throughout the CLAS year 2023 (born `dob`).
void LookedAfterChild(RecordsBuilder& b, const std::string& id, const std::string& dob) {
  b.AddChild(id, dob);
  b.AddEpisode("E" + id, id, "2020-01-01");
  b.AddPlacement("P" + id, "E" + id, "FOST_LA", "2020-01-01");
}

TEST(SurveyTrustedAdultTest, ALookedAfterChildAged5To17OnTheSurveyDateCounts) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2010-06-15");
  LookedAfterChild(b, "C2", "2010-06-15");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  Respond(b, "S2", "C2", "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "PARTLY"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(Supplementary(r, "responses"), 2);
}

TEST(SurveyTrustedAdultTest, AgeIsTakenOnTheSurveyDateFromThe5thToThe18thBirthday) {
  RecordsBuilder b;
  LookedAfterChild(b, "C4", "2018-10-02");   // 4 on 2023-10-01 (5 the next day)
  LookedAfterChild(b, "C5", "2018-10-01");   // 5th birthday on 2023-10-01
  LookedAfterChild(b, "C17", "2005-10-02");  // 17 on 2023-10-01 (18 the next day)
  LookedAfterChild(b, "C18", "2005-10-01");  // 18th birthday on 2023-10-01
  LookedAfterChild(b, "CU", "");             // no dob: no age
  for (const char* id : {"C4", "C5", "C17", "C18", "CU"}) {
    Respond(b, std::string("S") + id, id, "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  }
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(SurveyTrustedAdultTest, TheChildMustBeLookedAfterOnTheSurveyDate) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-10-01");  // ends on the survey date
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-10-01");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-10-01");  // starts on the survey date
  b.AddPlacement("P2", "E2", "HOME", "2023-10-01");
  b.AddChild("C3");
  b.AddEpisode("E3", "C3", "2023-01-01");  // only short breaks: ignored
  b.AddPlacement("P3", "E3", "FOST_LA", "2023-01-01").short_break = "Y";
  for (const char* id : {"C1", "C2", "C3"}) {
    Respond(b, std::string("S") + id, id, "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  }
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
  auto units = ExplainOne(b.Build(), "2 N.10", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_FALSE(units[0].in_denominator);
  EXPECT_THAT(ReasonsOf(units, "CHILD/C1"),
              HasSubstr("response SC1 (CHILD, 2023-10-01, PERIODIC), was returned on a day the "
                        "child was not looked after"));
}

TEST(SurveyTrustedAdultTest, AnonymousAndParentResponsesAreNotCounted) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2010-06-15");
  Respond(b, "A1", "", "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  Respond(b, "S1", "C1", "PARENT_CARER", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(Supplementary(r, "responses"), 0);
  auto units = ExplainOne(b.Build(), "2 N.10", ClasYear(2023), "A1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_THAT(ReasonsOf(units, "A1"), HasSubstr("is anonymous"));
}

TEST(SurveyTrustedAdultTest, EligibilityIsTestedBeforeTheLatestResponseIsChosen) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2024-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2024-01-01");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "YES"}});
  Respond(b, "S2", "C1", "CHILD", "2024-03-01", {{"TRUSTED_ADULT", "NO"}});  // no longer LAC
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST(SurveyTrustedAdultTest, DkLeavesTheChildOut) {
  RecordsBuilder b;
  LookedAfterChild(b, "C1", "2010-06-15");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"TRUSTED_ADULT", "DK"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 N.10", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 0);
  EXPECT_EQ(r.unknown, 1);
  EXPECT_EQ(Supplementary(r, "responses"), 1);
}

// --- the composite child indicators: every item YES ---

struct CompositeCase {
  const char* code;
  std::vector<std::string> items;
};

class SurveyCompositeTest : public ::testing::TestWithParam<CompositeCase> {};

TEST_P(SurveyCompositeTest, PositiveOnlyWhenEveryItemIsYes) {
  const CompositeCase& c = GetParam();
  RecordsBuilder b;
  Answers all_yes;
  for (const std::string& item : c.items) all_yes.push_back({item, "YES"});
  b.AddChild("C0");
  Respond(b, "S0", "C0", "CHILD", "2023-10-01", all_yes);
  // One child per item answering it NO or PARTLY and the rest YES.
  for (size_t i = 0; i < c.items.size(); ++i) {
    const std::string id = "C" + std::to_string(i + 1);
    b.AddChild(id);
    Answers answers = all_yes;
    answers[i].second = i % 2 == 0 ? "NO" : "PARTLY";
    Respond(b, "S" + id, id, "CHILD", "2023-10-01", answers);
  }
  // A child answering NA on the last item is unknown.
  b.AddChild("CNA");
  Answers na = all_yes;
  na.back().second = "NA";
  Respond(b, "SNA", "CNA", "CHILD", "2023-10-01", na);
  // A parent answering every item YES is not counted.
  Respond(b, "P0", "C0", "PARENT_CARER", "2023-10-01", all_yes);
  IndicatorResult r = ComputeOne(b.Build(), c.code, ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, static_cast<int64_t>(c.items.size()) + 1);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 1);
  EXPECT_EQ(Supplementary(r, "responses"), static_cast<double>(c.items.size()) + 2);
}

TEST_P(SurveyCompositeTest, AResponseMissingOneItemIsSkipped) {
  const CompositeCase& c = GetParam();
  RecordsBuilder b;
  b.AddChild("C1");
  Answers earlier;
  for (const std::string& item : c.items) earlier.push_back({item, "YES"});
  Respond(b, "S1", "C1", "CHILD", "2023-09-01", earlier);
  Answers later;
  for (const std::string& item : c.items) later.push_back({item, "NO"});
  later.pop_back();  // the last item is not answered
  Respond(b, "S2", "C1", "CHILD", "2024-01-01", later);
  IndicatorResult r = ComputeOne(b.Build(), c.code, ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 1);
  EXPECT_EQ(r.counts.numerator, 1);
}

TEST_P(SurveyCompositeTest, ExplainListsEveryItem) {
  const CompositeCase& c = GetParam();
  RecordsBuilder b;
  b.AddChild("C1");
  Answers answers;
  std::string listed;
  for (const std::string& item : c.items) {
    answers.push_back({item, "YES"});
    listed += (listed.empty() ? "" : ", ") + item + " = YES";
  }
  answers.front().second = "NO";
  listed.replace(listed.find("YES"), 3, "NO");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", answers);
  auto units = ExplainOne(b.Build(), c.code, ClasYear(2023), "CHILD/C1");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_TRUE(units[0].in_denominator);
  EXPECT_FALSE(units[0].in_numerator);
  const std::string reasons = ReasonsOf(units, "CHILD/C1");
  EXPECT_THAT(reasons, HasSubstr("is the latest that counts: " + listed));
  EXPECT_THAT(reasons, HasSubstr("not every item is answered YES"));
}

INSTANTIATE_TEST_SUITE_P(
    ChildItems, SurveyCompositeTest,
    ::testing::Values(CompositeCase{"2 H.6", {"HEALTH_INFO", "HEALTH_ACCESS", "HEALTH_CARE"}},
                      CompositeCase{"2 ACH.5", {"KNOWS_GOOD_AT"}},
                      CompositeCase{"2 ACT.2", {"REGULAR_ACTIVITY"}},
                      CompositeCase{"2 R.5 child", {"LIFE_IMPROVED"}},
                      CompositeCase{"2 R.6", {"VIEWS_HEARD", "RESPECTED", "RESPONSIBLE_OPPS"}},
                      CompositeCase{"2 INC.7", {"ACCEPTED", "FAIR", "TAKE_PART"}}),
    [](const ::testing::TestParamInfo<CompositeCase>& param) {
      std::string name;
      for (char ch : std::string(param.param.code)) {
        if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
      }
      return name;
    });

// --- 2 R.5 lives improved, children and parents ---

TEST(SurveyLifeImprovedTest, AChildAndAParentAboutTheSameChildAreTwoRespondents) {
  RecordsBuilder b;
  b.AddChild("C1", "2010-06-15", "M");
  b.AddChild("C2", "2010-06-15", "F");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"LIFE_IMPROVED", "YES"}});
  Respond(b, "S2", "C1", "PARENT_CARER", "2023-10-01", {{"LIFE_IMPROVED", "NO"}});
  Respond(b, "S3", "C2", "PARENT_CARER", "2023-11-01", {{"LIFE_IMPROVED", "YES"}});
  Respond(b, "S4", "C2", "PARENT_CARER", "2023-12-01", {{"LIFE_IMPROVED", "DK"}});  // latest
  Respond(b, "A1", "", "PARENT_CARER", "2023-12-01", {{"LIFE_IMPROVED", "YES"}});
  Respond(b, "A2", "", "CHILD", "2023-12-01", {{"LIFE_IMPROVED", "NO"}});

  IndicatorResult all = ComputeOne(b.Build(), "2 R.5", ClasYear(2023));
  EXPECT_EQ(all.counts.denominator, 4);
  EXPECT_EQ(all.counts.numerator, 2);
  EXPECT_EQ(all.unknown, 1);
  EXPECT_EQ(Supplementary(all, "responses"), 5);
  const Counts* child = Cell(all, "respondent", "CHILD");
  const Counts* parent = Cell(all, "respondent", "PARENT_CARER");
  ASSERT_NE(child, nullptr);
  ASSERT_NE(parent, nullptr);
  EXPECT_EQ(child->denominator, 2);
  EXPECT_EQ(child->numerator, 1);
  EXPECT_EQ(parent->denominator, 2);
  EXPECT_EQ(parent->numerator, 1);
  // A parent's answer is broken down by the child it is about.
  ASSERT_NE(Cell(all, "sex", "M"), nullptr);
  EXPECT_EQ(Cell(all, "sex", "M")->denominator, 2);

  IndicatorResult children = ComputeOne(b.Build(), "2 R.5 child", ClasYear(2023));
  EXPECT_EQ(children.counts.denominator, 2);
  EXPECT_EQ(children.counts.numerator, 1);
  EXPECT_EQ(children.unknown, 0);
  EXPECT_EQ(Supplementary(children, "responses"), 2);
  EXPECT_EQ(Cell(children, "respondent", "CHILD"), nullptr);

  IndicatorResult parents = ComputeOne(b.Build(), "2 R.5 parent", ClasYear(2023));
  EXPECT_EQ(parents.counts.denominator, 2);
  EXPECT_EQ(parents.counts.numerator, 1);
  EXPECT_EQ(parents.unknown, 1);
  EXPECT_EQ(Supplementary(parents, "responses"), 3);
}

TEST(SurveyLifeImprovedTest, ExplainNamesUnitsByRespondentAndPerson) {
  RecordsBuilder b;
  b.AddChild("C1");
  Respond(b, "S1", "C1", "CHILD", "2023-10-01", {{"LIFE_IMPROVED", "YES"}});
  Respond(b, "S2", "C1", "PARENT_CARER", "2023-10-01", {{"LIFE_IMPROVED", "NO"}});
  auto units = ExplainOne(b.Build(), "2 R.5", ClasYear(2023), "C1");
  ASSERT_EQ(units.size(), 2u);
  EXPECT_TRUE(units[0].in_numerator);
  EXPECT_THAT(ReasonsOf(units, "PARENT_CARER/C1"),
              HasSubstr("response S2 (PARENT_CARER, 2023-10-01, PERIODIC) is the latest that "
                        "counts: LIFE_IMPROVED = NO"));
  EXPECT_THAT(ReasonsOf(units, "CHILD/C1"), HasSubstr("every item is answered YES"));
  auto parents = ExplainOne(b.Build(), "2 R.5 parent", ClasYear(2023), "C1");
  ASSERT_EQ(parents.size(), 1u);
  EXPECT_EQ(parents[0].unit_id, "PARENT_CARER/C1");
}

// --- 2 R.7 parents and carers heard and supported ---

TEST(SurveyParentsHeardTest, OnlyParentsAnsweringBothItemsYesArePositive) {
  RecordsBuilder b;
  for (const char* id : {"C1", "C2", "C3", "C4"}) b.AddChild(id);
  Respond(b, "S1", "C1", "PARENT_CARER", "2023-10-01",
          {{"P_VIEWS_HEARD", "YES"}, {"P_SUPPORT_NEEDED", "YES"}});
  Respond(b, "S2", "C2", "PARENT_CARER", "2023-10-01",
          {{"P_VIEWS_HEARD", "YES"}, {"P_SUPPORT_NEEDED", "PARTLY"}});
  Respond(b, "S3", "C3", "PARENT_CARER", "2023-10-01",
          {{"P_VIEWS_HEARD", "NA"}, {"P_SUPPORT_NEEDED", "YES"}});
  Respond(b, "S4", "C4", "CHILD", "2023-10-01",
          {{"P_VIEWS_HEARD", "YES"}, {"P_SUPPORT_NEEDED", "YES"}});
  Respond(b, "S5", "C4", "PARENT_CARER", "2023-10-01", {{"P_VIEWS_HEARD", "YES"}});
  IndicatorResult r = ComputeOne(b.Build(), "2 R.7", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 2);
  EXPECT_EQ(r.counts.numerator, 1);
  EXPECT_EQ(r.unknown, 1);
  EXPECT_EQ(Supplementary(r, "responses"), 3);
}

TEST(SurveyParentsHeardTest, ExplainSaysWhyAParentIsNotPositive) {
  RecordsBuilder b;
  b.AddChild("C2");
  Respond(b, "S2", "C2", "PARENT_CARER", "2023-10-01",
          {{"P_VIEWS_HEARD", "YES"}, {"P_SUPPORT_NEEDED", "PARTLY"}});
  auto units = ExplainOne(b.Build(), "2 R.7", ClasYear(2023), "PARENT_CARER/C2");
  ASSERT_EQ(units.size(), 1u);
  const std::string reasons = ReasonsOf(units, "PARENT_CARER/C2");
  EXPECT_THAT(reasons, HasSubstr("P_VIEWS_HEARD = YES, P_SUPPORT_NEEDED = PARTLY"));
  EXPECT_THAT(reasons, HasSubstr("not every item is answered YES"));
}

TEST(SurveyCatalogueTest, EverySurveyIndicatorIsInAreaTwoWithRespondentUnits) {
  for (const char* code : {"2 S.4", "2 N.10", "2 H.6", "2 ACH.5", "2 ACT.2", "2 R.5", "2 R.5 child",
                           "2 R.5 parent", "2 R.6", "2 R.7", "2 INC.7"}) {
    const Indicator* indicator = FindIndicator(code);
    ASSERT_NE(indicator, nullptr) << code;
    EXPECT_EQ(indicator->definition.area, 2) << code;
    EXPECT_EQ(indicator->definition.unit, UnitKind::kRespondent) << code;
    // Every one reports the responses counted, even with no data.
    IndicatorResult r = ComputeOne(CaseRecords{}, code, ClasYear(2023));
    EXPECT_EQ(Supplementary(r, "responses"), 0) << code;
  }
  EXPECT_EQ(FindIndicator("2 S.4")->definition.theme, Theme::kSafe);
  EXPECT_EQ(FindIndicator("2 N.10")->definition.theme, Theme::kNurtured);
  EXPECT_EQ(FindIndicator("2 H.6")->definition.theme, Theme::kHealthy);
  EXPECT_EQ(FindIndicator("2 ACH.5")->definition.theme, Theme::kAchieving);
  EXPECT_EQ(FindIndicator("2 ACT.2")->definition.theme, Theme::kActive);
  EXPECT_EQ(FindIndicator("2 R.7")->definition.theme, Theme::kRespected);
  EXPECT_EQ(FindIndicator("2 INC.7")->definition.theme, Theme::kIncluded);
}

}  // namespace
}  // namespace pif::engine
