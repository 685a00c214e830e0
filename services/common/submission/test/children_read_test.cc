// The children a read exposed: person ids where records carry them, record ids only for records
// whose child the read does not name otherwise, each once.
#include "pif/submission/children_read.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/submission/redaction.h"

namespace pif::submission {
namespace {

using ::testing::ElementsAre;

SubmissionSchema Schema() {
  RecordSchema child{"Child", "children.csv", "children", {}, {"person_id"}};
  child.columns = {{"person_id", ColumnKind::kText, true}};
  RecordSchema episode{"CareEpisode", "care_episodes.csv", "care_episodes", {}, {"episode_id"}};
  episode.columns = {{"episode_id", ColumnKind::kText, true},
                     {"person_id", ColumnKind::kText, true}};
  episode.parents = {{"person_id", "Child", "person_id", "PERSON_UNKNOWN"}};
  RecordSchema placement{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
  placement.columns = {{"placement_id", ColumnKind::kText, true},
                       {"episode_id", ColumnKind::kText, true}};
  placement.parents = {{"episode_id", "CareEpisode", "episode_id", "EPISODE_UNKNOWN"}};
  return {"intake", {child, episode, placement}};
}

FlatRecord Record(const SubmissionSchema& schema, int type,
                  std::vector<std::pair<std::string, std::string>> cells) {
  return FromNamedCells(schema.types[static_cast<size_t>(type)], cells, nullptr);
}

TEST(ChildrenReadTest, PersonIdsOnceAndRecordIdsOnlyWhereTheParentIsNotRead) {
  const SubmissionSchema schema = Schema();
  ChildrenRead everything(schema, {});
  everything.Note(Record(schema, 0, {{"person_id", "P1"}}));
  everything.Note(Record(schema, 1, {{"episode_id", "E1"}, {"person_id", "P1"}}));
  everything.Note(Record(schema, 1, {{"episode_id", "E2"}, {"person_id", "P2"}}));
  everything.Note(Record(schema, 2, {{"placement_id", "PL1"}, {"episode_id", "E2"}}));
  EXPECT_THAT(everything.ids(), ElementsAre("P1", "P2"));

  ChildrenRead placements_only(schema, {"Placement"});
  placements_only.Note(Record(schema, 2, {{"placement_id", "PL1"}, {"episode_id", "E2"}}));
  EXPECT_THAT(placements_only.ids(), ElementsAre("Placement:PL1"));
}

TEST(ChildrenReadTest, ARejectionIsNamedByItsPersonCellOrItsRecordId) {
  ChildrenRead read(Schema(), {});
  StoredRejection named;
  named.rejection.record_type = "CareEpisode";
  named.rejection.record_id = "E9";
  named.cells = {{"episode_id", "E9"}, {"person_id", "P7"}};
  read.Note(named);
  StoredRejection unnamed;
  unnamed.rejection.record_type = "Placement";
  unnamed.rejection.record_id = "PL9";
  unnamed.cells = {{"placement_id", "PL9"}, {"person_id", ""}};
  read.Note(unnamed);
  StoredRejection redacted = named;
  redacted.cells = RedactedCells(named.cells);
  read.Note(redacted);
  EXPECT_THAT(read.ids(), ElementsAre("P7", "Placement:PL9", "CareEpisode:E9"));
}

}  // namespace
}  // namespace pif::submission
