#include "import_summary.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pif::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const ServiceEndpoint kIntake{"intake", "127.0.0.1:50051",
                              "pif.intake.v1.IntakeService/ListRejections"};

void AddRejection(common::v1::SubmissionSummary* summary, int64_t position, const std::string& file,
                  int64_t row, const std::string& type, const std::string& id,
                  const std::vector<std::vector<std::string>>& errors) {  // field, rule, message
  common::v1::Rejection* rejection = summary->add_rejections();
  rejection->set_position(position);
  rejection->mutable_source()->set_file(file);
  rejection->mutable_source()->set_row(row);
  rejection->set_record_type(type);
  rejection->set_record_id(id);
  for (const auto& error : errors) {
    common::v1::FieldError* field_error = rejection->add_errors();
    field_error->set_field(error[0]);
    field_error->set_rule_code(error[1]);
    field_error->set_message(error[2]);
  }
}

csv::CsvError CellCountError(const std::string& file, int64_t row) {
  csv::CsvError error;
  error.file = file;
  error.row = row;
  error.rule_code = "CSV_CELL_COUNT";
  error.message = "the row has 3 cells but the header has 2 columns";
  return error;
}

// children.csv: 3 rows sent (C2 at row 3 rejected) and one unreadable row (row 5);
// placements.csv: 2 rows sent (P2 at row 3 rejected with two problems).
BatchOutcome MixedOutcome() {
  BatchOutcome outcome;
  outcome.files = {{"children.csv", "Child", 3, 1}, {"placements.csv", "Placement", 2, 0}};
  outcome.records_sent = 5;
  outcome.row_errors = {CellCountError("children.csv", 5)};
  outcome.row_error_count = 1;
  common::v1::SubmissionSummary& summary = outcome.summary;
  summary.set_council("S12000033");
  summary.set_batch_id("b1");
  summary.set_data_version(7);
  summary.set_accepted_count(3);
  summary.set_rejected_count(2);
  summary.mutable_committed_at()->set_seconds(1714557600);  // 2024-05-01T10:00:00Z
  AddRejection(&summary, 2, "children.csv", 3, "Child", "C2",
               {{"sex", "CODE_UNKNOWN", "sex Q is not one of M, F, X, NK"}});
  AddRejection(&summary, 5, "placements.csv", 3, "Placement", "P2",
               {{"end_date", "PLACEMENT_END_BEFORE_START",
                 "end_date 2023-01-04 is before start_date 2023-02-01"},
                {"", "PLACEMENT_OUTSIDE_EPISODE", "the placement is outside its episode"}});
  return outcome;
}

const std::vector<SkippedFile> kSkipped = {
    {"staff.csv", "the workforce import is not available yet"}};

TEST(ImportSummaryTest, TextShowsCountsPerFileSkippedFilesAndEveryProblemInFileAndRowOrder) {
  const ImportSummary summary =
      BuildImportSummary(kIntake, "S12000033", MixedOutcome(), nullptr, "", kSkipped);
  EXPECT_EQ(FormatSummaryText(summary),
            "intake batch b1 (council S12000033): data version 7, committed "
            "2024-05-01T10:00:00Z\n"
            "accepted 3, rejected 3 (1 of them unreadable rows, not sent)\n"
            "  children.csv            2 accepted          2 rejected (1 unreadable)\n"
            "  placements.csv          1 accepted          1 rejected\n"
            "staff.csv: not imported: the workforce import is not available yet\n"
            "children.csv row 3: sex: sex Q is not one of M, F, X, NK [CODE_UNKNOWN]\n"
            "children.csv row 5: the row has 3 cells but the header has 2 columns "
            "[CSV_CELL_COUNT]\n"
            "placements.csv row 3: end_date: end_date 2023-01-04 is before start_date "
            "2023-02-01 [PLACEMENT_END_BEFORE_START]\n"
            "placements.csv row 3: the placement is outside its episode "
            "[PLACEMENT_OUTSIDE_EPISODE]\n");
}

TEST(ImportSummaryTest, JsonHasTheCountsAndOneObjectPerProblem) {
  const ImportSummary summary =
      BuildImportSummary(kIntake, "S12000033", MixedOutcome(), nullptr, "", kSkipped);
  const std::string text = FormatSummaryJson(summary);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_EQ(json["council"], "S12000033");
  EXPECT_EQ(json["batch_id"], "b1");
  EXPECT_EQ(json["data_version"], 7);
  EXPECT_EQ(json["accepted"], 3);
  EXPECT_EQ(json["rejected"], 3);
  EXPECT_EQ(json["replayed"], false);
  EXPECT_EQ(json["committed_at"], "2024-05-01T10:00:00Z");
  EXPECT_EQ(json["unreadable_rows"], 1);
  EXPECT_EQ(json["rejections_not_listed"], 0);
  ASSERT_EQ(json["files"].size(), 2u);
  EXPECT_EQ(json["files"][0], (nlohmann::json{{"file", "children.csv"},
                                              {"record_type", "Child"},
                                              {"accepted", 2},
                                              {"rejected", 2},
                                              {"unreadable_rows", 1}}));
  EXPECT_EQ(json["not_imported"][0]["file"], "staff.csv");
  ASSERT_EQ(json["rejections"].size(), 4u);
  EXPECT_EQ(json["rejections"][0],
            (nlohmann::json{{"file", "children.csv"},
                            {"row", 3},
                            {"record_type", "Child"},
                            {"record_id", "C2"},
                            {"field", "sex"},
                            {"rule_code", "CODE_UNKNOWN"},
                            {"message", "sex Q is not one of M, F, X, NK"}}));
  EXPECT_EQ(json["rejections"][1]["rule_code"], "CSV_CELL_COUNT");
  EXPECT_EQ(json["rejections"][1]["record_type"], "Child");
  EXPECT_EQ(json["rejections"][1]["row"], 5);
  EXPECT_EQ(json["rejections"][3]["field"], "");
  EXPECT_EQ(json["rejections"][3]["record_id"], "P2");
}

TEST(ImportSummaryTest, AllAcceptedShowsZeroRejectedAndNoRejectionLines) {
  BatchOutcome outcome;
  outcome.files = {{"children.csv", "Child", 2, 0}};
  outcome.summary.set_batch_id("b2");
  outcome.summary.set_accepted_count(2);
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "", {});
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(summary.council, "S12000033");
  EXPECT_EQ(FormatSummaryText(summary),
            "intake batch b2 (council S12000033): data version 0\n"
            "accepted 2, rejected 0\n"
            "  children.csv          2 accepted          0 rejected\n");
}

TEST(ImportSummaryTest, AReplayWithoutTheServiceRecordLeavesPerFileCountsUnknown) {
  BatchOutcome outcome = MixedOutcome();
  outcome.summary.set_replayed(true);
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr,
                                                   "GetBatch failed: unavailable", {});
  EXPECT_FALSE(summary.files[0].accepted.has_value());
  const std::string text = FormatSummaryText(summary);
  EXPECT_THAT(text, HasSubstr("replayed: this batch id was already committed"));
  EXPECT_THAT(text, HasSubstr("per-file counts not shown: GetBatch failed: unavailable\n"));
  EXPECT_THAT(text, Not(HasSubstr(" accepted          ")));
  const nlohmann::json json = nlohmann::json::parse(FormatSummaryJson(summary));
  EXPECT_EQ(json["replayed"], true);
  EXPECT_TRUE(json["files"][0]["accepted"].is_null());
}

TEST(ImportSummaryTest, TheServiceRecordGivesPerFileCountsOfAReplay) {
  BatchOutcome outcome = MixedOutcome();
  outcome.summary.set_replayed(true);
  common::v1::Batch audit;
  common::v1::RecordTypeCount* children = audit.add_record_type_counts();
  children->set_record_type("Child");
  children->set_accepted_count(40);
  children->set_rejected_count(4);
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, &audit, "", {});
  ASSERT_EQ(summary.files.size(), 2u);
  EXPECT_EQ(summary.files[0].accepted, 40);
  EXPECT_EQ(summary.files[0].rejected, 5);  // 4 by the service, 1 unreadable
  EXPECT_EQ(summary.files[1].accepted, 0);  // no Placement counts: none in the batch
  EXPECT_EQ(summary.files[1].rejected, 0);
  EXPECT_EQ(summary.file_counts_note, "");
}

TEST(ImportSummaryTest, CountsThatDoNotAddUpAreNotShownPerFile) {
  BatchOutcome outcome = MixedOutcome();
  outcome.summary.set_accepted_count(4);  // the service says 4; the rows say 3
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "", {});
  EXPECT_FALSE(summary.files[1].accepted.has_value());
  EXPECT_THAT(summary.file_counts_note, HasSubstr("do not match the rows sent"));
}

TEST(ImportSummaryTest, SaysHowManyRejectionsAreNotListedAndHowToListThem) {
  BatchOutcome outcome;
  outcome.files = {{"children.csv", "Child", 3000, 0}};
  outcome.summary.set_batch_id("b3");
  outcome.summary.set_accepted_count(1500);
  outcome.summary.set_rejected_count(1500);
  outcome.summary.set_rejections_truncated(true);
  for (int i = 0; i < 1000; ++i) {
    AddRejection(&outcome.summary, i + 1, "children.csv", i + 2, "Child", absl::StrCat("C", i),
                 {{"sex", "REQUIRED_FIELD_MISSING", "sex is required"}});
  }
  const ImportSummary summary =
      BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "GetBatch failed: x", {});
  EXPECT_EQ(summary.rejections.size(), 1000u);
  EXPECT_EQ(summary.rejections_not_listed, 500);
  const std::string text = FormatSummaryText(summary);
  EXPECT_THAT(text, HasSubstr("... and 500 more rejected records, not listed here.\n"));
  EXPECT_THAT(text, HasSubstr("500 of them are kept by intake with their errors"));
  EXPECT_THAT(text, HasSubstr("grpcurl -plaintext -d '{\"council\":\"S12000033\",\"batch_id\":"
                              "\"b3\",\"page_size\":1000}' 127.0.0.1:50051 "
                              "pif.intake.v1.IntakeService/ListRejections"));
  EXPECT_THAT(text, Not(HasSubstr("unreadable rows (not sent)")));
}

TEST(ImportSummaryTest, LeavesOutUnreadableRowsBeyondTheLastListedKeptRejection) {
  BatchOutcome outcome;
  outcome.files = {{"children.csv", "Child", 10, 1}, {"placements.csv", "Placement", 10, 1}};
  outcome.summary.set_rejected_count(5);
  outcome.summary.set_rejections_truncated(true);  // the service listed only the first
  AddRejection(&outcome.summary, 1, "children.csv", 2, "Child", "C1",
               {{"sex", "REQUIRED_FIELD_MISSING", "sex is required"}});
  outcome.row_errors = {CellCountError("children.csv", 3), CellCountError("placements.csv", 4)};
  outcome.row_error_count = 2;
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "", {});
  ASSERT_EQ(summary.rejections.size(), 1u);
  EXPECT_EQ(summary.rejections[0].row, 2);
  EXPECT_EQ(summary.rejected, 7);
  EXPECT_EQ(summary.rejections_not_listed, 6);
  EXPECT_EQ(summary.kept_not_listed, 4);
}

TEST(ImportSummaryTest, ListsAtMostAThousandUnreadableRowsAndSaysTheRestWereNotSent) {
  BatchOutcome outcome;
  outcome.files = {{"children.csv", "Child", 0, 1500}};
  for (int i = 0; i < 1000; ++i)
    outcome.row_errors.push_back(CellCountError("children.csv", i + 2));
  outcome.row_error_count = 1500;
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "", {});
  EXPECT_EQ(summary.rejections.size(), 1000u);
  EXPECT_EQ(summary.rejections_not_listed, 500);
  EXPECT_EQ(summary.kept_not_listed, 0);
  const std::string text = FormatSummaryText(summary);
  EXPECT_THAT(text, HasSubstr("500 of them are unreadable rows (not sent)"));
  EXPECT_THAT(text, Not(HasSubstr("grpcurl")));
}

TEST(RejectionLineTest, NamesTheStreamPositionWhenTheFileIsNotKnown) {
  RejectedRecord record;
  record.position = 7;
  EXPECT_EQ(RejectionLine(record, {"start", "REQUIRED_FIELD_MISSING", "start is required"}),
            "record 7: start: start is required [REQUIRED_FIELD_MISSING]");
}

TEST(RejectionLineTest, EscapesControlCharactersSoAValueCannotDriveTheTerminal) {
  RejectedRecord record;
  record.file = "children.csv";
  record.row = 4;
  EXPECT_EQ(RejectionLine(record, {"sex", "CODE_UNKNOWN", "sex \x1b[2J\n is not a code"}),
            "children.csv row 4: sex: sex \\x1b[2J\\x0a is not a code [CODE_UNKNOWN]");
  EXPECT_EQ(Printable("caf\xc3\xa9\t"), "caf\xc3\xa9\\x09");
}

TEST(ImportSummaryTest, JsonReplacesBytesThatAreNotUtf8InsteadOfFailing) {
  BatchOutcome outcome = MixedOutcome();
  outcome.summary.mutable_rejections(0)->mutable_errors(0)->set_message("bad \xff byte");
  const ImportSummary summary = BuildImportSummary(kIntake, "S12000033", outcome, nullptr, "", {});
  const nlohmann::json json = nlohmann::json::parse(FormatSummaryJson(summary));
  EXPECT_EQ(json["rejections"][0]["message"], "bad \xef\xbf\xbd byte");
}

}  // namespace
}  // namespace pif::ctl
