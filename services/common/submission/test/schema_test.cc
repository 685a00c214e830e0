#include "pif/submission/schema.h"

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::submission {
namespace {

using ::testing::HasSubstr;

// A parent and a child type that meet every structural rule.
SubmissionSchema GoodSchema() {
  SubmissionSchema schema;
  schema.service = "test";
  RecordSchema episode{"CareEpisode", "care_episodes.csv", "care_episodes", {}, {"episode_id"}};
  episode.columns = {Column{"episode_id", ColumnKind::kText, true},
                     Column{"start_date", ColumnKind::kDate, true},
                     Column{"end_date", ColumnKind::kDate}};
  RecordSchema placement{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
  Column fte{"fte", ColumnKind::kDecimal};
  fte.min = 0;
  fte.max = 1;
  fte.min_exclusive = true;
  placement.columns = {Column{"placement_id", ColumnKind::kText, true},
                       Column{"episode_id", ColumnKind::kText, true},
                       Column{"start_date", ColumnKind::kDate, true},
                       Column{"end_date", ColumnKind::kDate},
                       Column{"type", ColumnKind::kCode, true, {"HOME", "KIN"}},
                       fte};
  placement.order_rules = {{"start_date", "end_date", "PLACEMENT_END_BEFORE_START"}};
  placement.parents = {{"episode_id", "CareEpisode", "episode_id", "EPISODE_UNKNOWN"}};
  placement.within_parents = {{"episode_id", "CareEpisode", "start_date", "end_date", "start_date",
                               "end_date", "PLACEMENT_OUTSIDE_EPISODE"}};
  placement.no_overlaps = {{"episode_id", "start_date", "end_date", "PLACEMENT_OVERLAP"}};
  placement.agreements = {{"episode_id", {"type"}, "PLACEMENT_TYPE_DISAGREES"}};
  schema.types = {episode, placement};
  return schema;
}

TEST(SchemaTest, FindsColumnsAndTypesByName) {
  const SubmissionSchema schema = GoodSchema();
  const RecordSchema* placement = schema.Find("Placement");
  ASSERT_NE(placement, nullptr);
  EXPECT_EQ(placement->table, "placements");
  EXPECT_EQ(placement->ColumnIndex("placement_id"), 0);
  EXPECT_EQ(placement->ColumnIndex("type"), 4);
  EXPECT_EQ(placement->ColumnIndex("colour"), -1);
  EXPECT_EQ(schema.Find("placement"), nullptr);
  EXPECT_EQ(schema.FindByFile("care_episodes.csv"), &schema.types[0]);
  EXPECT_EQ(schema.FindByFile("episodes.csv"), nullptr);
}

TEST(CheckSchemaTest, AcceptsAConsistentSchema) {
  EXPECT_TRUE(CheckSchema(GoodSchema()).ok()) << CheckSchema(GoodSchema());
}

TEST(CheckSchemaTest, NamesTheFirstInconsistency) {
  struct Case {
    const char* what;
    std::function<void(SubmissionSchema&)> break_it;
    std::string expected;  // part of the message
  };
  const auto placement = [](SubmissionSchema& s) -> RecordSchema& { return s.types[1]; };
  const Case cases[] = {
      {"no service", [](SubmissionSchema& s) { s.service.clear(); }, "no service name"},
      {"no types", [](SubmissionSchema& s) { s.types.clear(); }, "no record types"},
      {"type twice", [](SubmissionSchema& s) { s.types.push_back(s.types[0]); },
       "CareEpisode: is listed twice"},
      {"file twice", [&](SubmissionSchema& s) { placement(s).file = "care_episodes.csv"; },
       "file \"care_episodes.csv\""},
      {"table not an identifier",
       [&](SubmissionSchema& s) { placement(s).table = "placements; drop"; }, "table"},
      {"column twice",
       [&](SubmissionSchema& s) { placement(s).columns.push_back(placement(s).columns[0]); },
       "placement_id is listed twice"},
      {"column not an identifier",
       [&](SubmissionSchema& s) { placement(s).columns[3].name = "End Date"; },
       "\"End Date\" is not in lower snake case"},
      {"no key", [&](SubmissionSchema& s) { placement(s).key.clear(); }, "has no key"},
      {"key of no column", [&](SubmissionSchema& s) { placement(s).key = {"id"}; },
       "key names no column: \"id\""},
      {"optional key", [&](SubmissionSchema& s) { placement(s).key = {"end_date"}; },
       "key column end_date is not required"},
      {"empty code list", [&](SubmissionSchema& s) { placement(s).columns[4].codes.clear(); },
       "type has no codes"},
      {"repeated code",
       [&](SubmissionSchema& s) { placement(s).columns[4].codes.push_back("HOME"); },
       "type has an empty or repeated code"},
      {"empty range", [&](SubmissionSchema& s) { placement(s).columns[5].max = 0; },
       "fte allows no number"},
      {"zero max length", [&](SubmissionSchema& s) { placement(s).columns[0].max_length = 0; },
       "max_length"},
      {"order rule on a missing column",
       [&](SubmissionSchema& s) { placement(s).order_rules[0].end = "finish"; },
       "order rule names no column: \"finish\""},
      {"order rule on text",
       [&](SubmissionSchema& s) { placement(s).order_rules[0].start = "placement_id"; },
       "order rule placement_id/end_date"},
      {"rule code in lower case",
       [&](SubmissionSchema& s) { placement(s).order_rules[0].rule_code = "end_before"; },
       "rule code \"end_before\""},
      {"parent listed after its child",
       [](SubmissionSchema& s) { std::swap(s.types[0], s.types[1]); },
       "parent type CareEpisode is not listed before this type"},
      {"parent of an unknown type",
       [&](SubmissionSchema& s) { placement(s).parents[0].parent_type = "Episode"; },
       "parent type Episode"},
      {"parent column missing",
       [&](SubmissionSchema& s) { placement(s).parents[0].parent_column = "id"; },
       "names no column: \"id\""},
      {"overlap on a missing group",
       [&](SubmissionSchema& s) { placement(s).no_overlaps[0].group_column = "carer_id"; },
       "no-overlap rule names no column: \"carer_id\""},
      {"within a parent's missing column",
       [&](SubmissionSchema& s) { placement(s).within_parents[0].parent_end = "close_date"; },
       "names no column: \"close_date\""},
      {"agreement on a missing column",
       [&](SubmissionSchema& s) { placement(s).agreements[0].columns.push_back("colour"); },
       "agreement rule names no column: \"colour\""},
      {"empty check", [&](SubmissionSchema& s) { placement(s).checks.push_back(nullptr); },
       "empty record check"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    SubmissionSchema schema = GoodSchema();
    c.break_it(schema);
    const absl::Status status = CheckSchema(schema);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(std::string(status.message()), HasSubstr(c.expected));
  }
}

}  // namespace
}  // namespace pif::submission
