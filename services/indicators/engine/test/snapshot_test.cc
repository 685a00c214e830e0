#include "pif/engine/snapshot.h"

#include "builder.h"

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
  EXPECT_EQ(snapshot.families().at("F1").size(), 2u);
  ASSERT_EQ(snapshot.survey_responses().size(), 1u);
  EXPECT_EQ(snapshot.survey_responses()[0].answers.size(), 2u);
  EXPECT_EQ(snapshot.survey_responses()[0].answers.at("SAFER_THAN_BEFORE"), "NO");
}

}  // namespace
}  // namespace pif::engine
