#include "pif/engine/snapshot.h"

#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::D;
using testing::RecordsBuilder;

std::vector<std::string> SpellPlacementIds(const AccommodationSpell& spell) {
  std::vector<std::string> ids;
  for (const Placement* p : spell.placements) ids.push_back(p->placement_id);
  return ids;
}

TEST(SnapshotTest, ContiguousPlacementsFormOneSpellAcrossEpisodes) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-03-10");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-10");
  b.AddEpisode("E2", "C1", "2023-03-10");
  b.AddPlacement("P2", "E2", "RES_LA", "2023-03-10");
  Snapshot snapshot(b.Build());
  const ChildTimeline* t = snapshot.FindChild("C1");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->spells.size(), 1u);
  EXPECT_EQ(t->spells[0].start, D("2023-01-01"));
  EXPECT_FALSE(t->spells[0].end.has_value());
  EXPECT_EQ(SpellPlacementIds(t->spells[0]), (std::vector<std::string>{"P1", "P2"}));
}

TEST(SnapshotTest, AGapOfADayStartsANewSpell) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-10");
  b.AddPlacement("P2", "E1", "FOST_LA", "2023-03-11");
  Snapshot snapshot(b.Build());
  const ChildTimeline* t = snapshot.FindChild("C1");
  ASSERT_EQ(t->spells.size(), 2u);
  EXPECT_EQ(t->spells[0].end, D("2023-03-10"));
  EXPECT_EQ(t->spells[1].start, D("2023-03-11"));
}

TEST(SnapshotTest, AHomePlacementBetweenStartsANewSpell) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-10");
  b.AddPlacement("H1", "E1", "HOME", "2023-03-10", "2023-03-10");
  b.AddPlacement("P2", "E1", "FOST_LA", "2023-03-10");
  Snapshot snapshot(b.Build());
  EXPECT_EQ(snapshot.FindChild("C1")->spells.size(), 2u);
}

TEST(SnapshotTest, ShortBreaksAreIgnoredAndAnAllShortBreakEpisodeIsNotLookedAfter) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01", "2023-01-05");
  b.AddPlacement("SB", "E1", "FOST_LA", "2023-01-01", "2023-01-05").short_break = "Y";
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-01-01");  // no placements at all: still looked after
  Snapshot snapshot(b.Build());
  const ChildTimeline* c1 = snapshot.FindChild("C1");
  EXPECT_TRUE(c1->episodes.empty());
  EXPECT_FALSE(c1->LookedAfterOn(D("2023-01-02")));
  EXPECT_FALSE(c1->AccommodatedOn(D("2023-01-02")));
  EXPECT_TRUE(c1->spells.empty());
  const ChildTimeline* c2 = snapshot.FindChild("C2");
  EXPECT_TRUE(c2->LookedAfterOn(D("2023-01-02")));
  EXPECT_FALSE(c2->AccommodatedOn(D("2023-01-02")));
}

TEST(SnapshotTest, PlacementAtPrefersLatestStartThenGreatestIdAndHonoursHalfOpenEnds) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-10");
  b.AddPlacement("P2", "E1", "KIN", "2023-03-10");
  b.AddPlacement("P3", "E1", "HOME", "2023-03-10", "2023-03-20");
  Snapshot snapshot(b.Build());
  const ChildTimeline* t = snapshot.FindChild("C1");
  EXPECT_EQ(t->PlacementAt(D("2023-03-09"))->placement_id, "P1");
  // P1 ends on 10 March (not covering it); P2 and P3 start that day: greatest id wins.
  EXPECT_EQ(t->PlacementAt(D("2023-03-10"))->placement_id, "P3");
  EXPECT_EQ(t->AccommodatingPlacementAt(D("2023-03-10"))->placement_id, "P2");
  EXPECT_EQ(t->PlacementAt(D("2022-12-31")), nullptr);
}

TEST(SnapshotTest, GroupsSurveyAnswersIntoResponsesAndChildrenIntoFamilies) {
  RecordsBuilder b;
  b.AddChild("C1").family_group_id = "F1";
  b.AddChild("C2").family_group_id = "F1";
  b.AddChild("C3");
  b.AddAnswer("R1", "C1", "CHILD", "2023-05-01", "SAFE_NOW", "YES");
  b.AddAnswer("R1", "C1", "CHILD", "2023-05-01", "SAFER_THAN_BEFORE", "NO");
  Snapshot snapshot(b.Build());
  ASSERT_EQ(snapshot.families().size(), 1u);
  EXPECT_EQ(snapshot.families()[0].family_group_id, "F1");
  EXPECT_EQ(snapshot.families()[0].members.size(), 2u);
  ASSERT_EQ(snapshot.survey_responses().size(), 1u);
  const SurveyResponse& response = snapshot.survey_responses()[0];
  EXPECT_EQ(response.answers.size(), 2u);
  ASSERT_NE(response.AnswerTo("SAFER_THAN_BEFORE"), nullptr);
  EXPECT_EQ(*response.AnswerTo("SAFER_THAN_BEFORE"), "NO");
  EXPECT_EQ(response.AnswerTo("WORKER_LISTENS"), nullptr);
  EXPECT_EQ(response.timeline, snapshot.FindChild("C1"));
}

TEST(SnapshotTest, ChildrenWithVisitsOnlyTheChildrenHavingTheListsNamed) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReferral("R1", "C1", "2023-01-05");
  b.AddChild("C2");
  b.AddEpisode("E2", "C2", "2023-02-01");
  b.AddPlacement("P2", "E2", "FOST_LA", "2023-02-01");
  b.AddChild("C3");  // nothing at all
  b.AddChild("C4");
  b.AddIncident("I4", "C4", "MISSING", "2023-03-01T10:00");
  b.AddChild("C5");  // an episode of short breaks only is ignored: not looked after
  b.AddEpisode("E5", "C5", "2023-04-01", "2023-04-03");
  b.AddPlacement("P5", "E5", "FOST_LA", "2023-04-01", "2023-04-03").short_break = "Y";
  Snapshot snapshot(b.Build());
  auto ids = [](ChildrenWithRange range) {
    std::vector<std::string> out;
    for (const ChildTimeline& t : range) out.push_back(t.child->person_id);
    return out;
  };
  EXPECT_EQ(ids(snapshot.ChildrenWith(kHasReferrals)), (std::vector<std::string>{"C1"}));
  EXPECT_EQ(ids(snapshot.ChildrenWith(kHasEpisodes | kHasIncidents)),
            (std::vector<std::string>{"C2", "C4"}));
  EXPECT_TRUE(ids(snapshot.ChildrenWith(kHasReviews)).empty());
  EXPECT_EQ(ids(snapshot.ChildrenWith(0xFFFF)), (std::vector<std::string>{"C1", "C2", "C4"}));
}

TEST(SnapshotTest, FindsFindingsNeedsAndEpisodePlacementsOfItsOwnRecordsOnly) {
  RecordsBuilder b;
  b.AddChild("C1");
  b.AddReview("V2", "C1", "LAC", "2023-05-01");
  b.AddReview("V1", "C1", "LAC", "2023-04-01");
  b.AddFinding("V1", "HIGH_RISK", "YES");
  b.AddFinding("V2", "HIGH_RISK", "NO");
  b.AddFinding("V1", "SUPPORT_EFFECTIVE", "PARTLY");
  b.AddAssessment("A1", "C1", "KINSHIP_CARER");
  b.AddNeed("N1", "A1", "KINSHIP_SUPPORT", "NOT_MET");
  b.AddEpisode("E1", "C1", "2023-01-01");
  b.AddPlacement("P2", "E1", "KIN", "2023-03-01");
  b.AddPlacement("P1", "E1", "FOST_LA", "2023-01-01", "2023-03-01");
  Snapshot snapshot(b.Build());
  const CaseRecords& records = snapshot.records();
  ASSERT_NE(snapshot.ReviewFinding(records.reviews[1], "SUPPORT_EFFECTIVE"), nullptr);
  EXPECT_EQ(*snapshot.ReviewFinding(records.reviews[1], "SUPPORT_EFFECTIVE"), "PARTLY");
  EXPECT_EQ(*snapshot.ReviewFinding(records.reviews[0], "HIGH_RISK"), "NO");
  EXPECT_EQ(snapshot.ReviewFinding(records.reviews[0], "SUPPORT_EFFECTIVE"), nullptr);
  ASSERT_EQ(snapshot.NeedsOf(records.assessments[0]).size(), 1u);
  EXPECT_EQ(snapshot.NeedsOf(records.assessments[0]).front()->need_id, "N1");
  // A record that is not the snapshot's own (a copy) has nothing.
  const Review copy = records.reviews[1];
  EXPECT_EQ(snapshot.ReviewFinding(copy, "HIGH_RISK"), nullptr);
  const Assessment assessment_copy = records.assessments[0];
  EXPECT_TRUE(snapshot.NeedsOf(assessment_copy).empty());
  const RecordSpan<Placement> placements = snapshot.PlacementsOfEpisode("E1");
  ASSERT_EQ(placements.size(), 2u);
  EXPECT_EQ(placements[0]->placement_id, "P1");  // by start date
  EXPECT_EQ(placements[1]->placement_id, "P2");
  EXPECT_TRUE(snapshot.PlacementsOfEpisode("E9").empty());
  ASSERT_EQ(snapshot.social_work_assessments().size(), 0u);  // KINSHIP_CARER is not one
}

}  // namespace
}  // namespace pif::engine
