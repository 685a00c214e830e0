#include "import_driver.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_files.h"

namespace pif::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A submission stream that records what it is sent and answers as told.
class FakeStream final : public SubmissionStream {
 public:
  // Writes accepted before the fake "server" stops reading (-1: never stops).
  int64_t writes_before_stop = -1;
  grpc::Status finish_status = grpc::Status::OK;
  common::v1::SubmissionSummary finish_summary;

  // What happened, one entry per call: `header b1`, `row children.csv 2 person_id=C1|sex=F`,
  // `end 3`, `cancel`, `finish`.
  std::vector<std::string> events;

  bool WriteHeader(const common::v1::BatchHeader& header) override {
    events.push_back(absl::StrCat("header ", header.council(), " ", header.batch_id()));
    return Accept();
  }
  bool AddRow(const std::string& record_type, const std::string& file,
              const csv::Row& row) override {
    std::vector<std::string> cells;
    for (const auto& [name, text] : row.fields) cells.push_back(absl::StrCat(name, "=", text));
    events.push_back(absl::StrCat("row ", record_type, " ", file, " ", row.row_number, " ",
                                  absl::StrJoin(cells, "|")));
    return Accept();
  }
  bool WriteEnd(int64_t record_count) override {
    events.push_back(absl::StrCat("end ", record_count));
    return Accept();
  }
  void Cancel() override { events.push_back("cancel"); }
  grpc::Status Finish(common::v1::SubmissionSummary* summary) override {
    events.push_back("finish");
    if (finish_status.ok()) *summary = finish_summary;
    return finish_status;
  }

 private:
  bool Accept() {
    if (writes_before_stop < 0) return true;
    if (writes_before_stop == 0) return false;
    --writes_before_stop;
    return true;
  }
};

const ContractFile* Contract(const std::string& name) {
  for (const ContractFile& file : ContractFiles()) {
    if (file.file_name == name) return &file;
  }
  ADD_FAILURE() << "no contract file " << name;
  return nullptr;
}

common::v1::BatchHeader Header() {
  common::v1::BatchHeader header;
  header.set_council("S12000033");
  header.set_batch_id("b1");
  return header;
}

class SubmitFilesTest : public ::testing::Test {
 protected:
  FileToSend File(const std::string& name, const std::string& content) {
    return {Contract(name), dir_.Write(name, content)};
  }
  testing::TestDirectory dir_;
  FakeStream stream_;
};

TEST_F(SubmitFilesTest, SendsHeaderEveryRowWithItsFileAndSpreadsheetRowThenTheEnd) {
  stream_.finish_summary.set_accepted_count(3);
  const BatchOutcome outcome =
      SubmitFiles(Header(),
                  {File("children.csv", "person_id,sex,dob\r\nC1,F,\r\nC2,M,2015-02-03\r\n"),
                   File("care_episodes.csv", "episode_id,person_id\n\"E\n1\",C1\n")},
                  stream_, nullptr);
  EXPECT_THAT(stream_.events,
              ElementsAre("header S12000033 b1", "row Child children.csv 2 person_id=C1|sex=F|dob=",
                          "row Child children.csv 3 person_id=C2|sex=M|dob=2015-02-03",
                          "row CareEpisode care_episodes.csv 2 episode_id=E\n1|person_id=C1",
                          "end 3", "finish"));
  EXPECT_TRUE(outcome.status.ok());
  EXPECT_TRUE(outcome.end_sent);
  EXPECT_EQ(outcome.summary.accepted_count(), 3);
  EXPECT_EQ(outcome.records_sent, 3);
  ASSERT_EQ(outcome.files.size(), 2u);
  EXPECT_EQ(outcome.files[0].file, "children.csv");
  EXPECT_EQ(outcome.files[0].record_type, "Child");
  EXPECT_EQ(outcome.files[0].rows_sent, 2);
  EXPECT_EQ(outcome.files[1].rows_sent, 1);
}

TEST_F(SubmitFilesTest, KeepsBackAndCountsRowsTheReaderCannotRead) {
  const BatchOutcome outcome =
      SubmitFiles(Header(), {File("children.csv", "person_id,sex\nC1,F\nC2,M,extra\nC3,X\n")},
                  stream_, nullptr);
  EXPECT_THAT(stream_.events,
              ElementsAre("header S12000033 b1", "row Child children.csv 2 person_id=C1|sex=F",
                          "row Child children.csv 4 person_id=C3|sex=X", "end 2", "finish"));
  EXPECT_EQ(outcome.row_error_count, 1);
  ASSERT_EQ(outcome.row_errors.size(), 1u);
  EXPECT_EQ(outcome.row_errors[0].row, 3);
  EXPECT_EQ(outcome.row_errors[0].rule_code, csv::kCellCount);
  EXPECT_THAT(outcome.row_errors[0].cells, IsEmpty());
  EXPECT_EQ(outcome.files[0].unreadable_rows, 1);
  EXPECT_EQ(outcome.files[0].rows_sent, 2);
}

TEST_F(SubmitFilesTest, KeepsOnlyTheFirstRowErrorsButCountsThemAll) {
  SubmitOptions options;
  options.max_kept_row_errors = 2;
  const BatchOutcome outcome =
      SubmitFiles(Header(), {File("children.csv", "person_id,sex\na\nb\nc\nC1,F\n")}, stream_,
                  nullptr, options);
  EXPECT_EQ(outcome.row_error_count, 3);
  EXPECT_EQ(outcome.row_errors.size(), 2u);
  EXPECT_EQ(outcome.records_sent, 1);
}

TEST_F(SubmitFilesTest, BrokenQuotingMidFileCancelsTheCallAndSendsNoEnd) {
  stream_.finish_status = grpc::Status(grpc::StatusCode::CANCELLED, "Cancelled");
  const BatchOutcome outcome =
      SubmitFiles(Header(),
                  {File("children.csv", "person_id,sex\nC1,F\n"),
                   File("care_episodes.csv", "episode_id,person_id\nE1,C1\nE2,C\"1\nE3,C1\n"),
                   File("placements.csv", "placement_id,episode_id\nP1,E1\n")},
                  stream_, nullptr);
  EXPECT_THAT(stream_.events,
              ElementsAre("header S12000033 b1", "row Child children.csv 2 person_id=C1|sex=F",
                          "row CareEpisode care_episodes.csv 2 episode_id=E1|person_id=C1",
                          "cancel", "finish"));
  EXPECT_FALSE(outcome.status.ok());
  EXPECT_FALSE(outcome.end_sent);
  ASSERT_EQ(outcome.file_errors.size(), 1u);
  EXPECT_EQ(outcome.file_errors[0].file, "care_episodes.csv");
  EXPECT_EQ(outcome.file_errors[0].row, 3);
  EXPECT_EQ(outcome.file_errors[0].rule_code, csv::kMalformed);
}

TEST_F(SubmitFilesTest, AFileErrorIsNeverReportedAsAResultEvenIfTheCallEndedOk) {
  const BatchOutcome outcome =
      SubmitFiles(Header(), {File("children.csv", "person_id,sexx\nC1,F\n")}, stream_, nullptr);
  EXPECT_THAT(stream_.events, ElementsAre("header S12000033 b1", "cancel", "finish"));
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::CANCELLED);
  ASSERT_EQ(outcome.file_errors.size(), 1u);
  EXPECT_EQ(outcome.file_errors[0].rule_code, csv::kUnknownColumn);
}

TEST_F(SubmitFilesTest, AnEarlyAnswerStopsSendingButTheFilesAreStillReadForUnreadableRows) {
  stream_.writes_before_stop = 1;  // the header, then the service answers (a replay)
  stream_.finish_summary.set_replayed(true);
  stream_.finish_summary.set_accepted_count(40);
  const BatchOutcome outcome =
      SubmitFiles(Header(),
                  {File("children.csv", "person_id,sex\nC1,F\nC2,M\n"),
                   File("placements.csv", "placement_id,episode_id\nP1,E1,x\nP2,E1\n")},
                  stream_, nullptr);
  EXPECT_THAT(stream_.events, ElementsAre("header S12000033 b1",
                                          "row Child children.csv 2 person_id=C1|sex=F", "finish"));
  EXPECT_TRUE(outcome.status.ok());
  EXPECT_TRUE(outcome.summary.replayed());
  EXPECT_EQ(outcome.summary.accepted_count(), 40);
  EXPECT_FALSE(outcome.end_sent);
  EXPECT_EQ(outcome.records_sent, 0);
  EXPECT_EQ(outcome.row_error_count, 1);
  EXPECT_EQ(outcome.files[1].unreadable_rows, 1);
}

TEST_F(SubmitFilesTest, AFailedCallStopsReadingAndKeepsTheStatus) {
  stream_.writes_before_stop = 0;
  stream_.finish_status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused");
  const BatchOutcome outcome =
      SubmitFiles(Header(), {File("children.csv", "person_id,sex\nC1,F\nC2\n")}, stream_, nullptr);
  EXPECT_THAT(stream_.events, ElementsAre("header S12000033 b1", "finish"));
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(outcome.status.error_message(), "connection refused");
  EXPECT_FALSE(outcome.end_sent);
  EXPECT_EQ(outcome.row_error_count, 0);
}

TEST_F(SubmitFilesTest, AFailureAfterTheEndLeavesTheCommitInDoubt) {
  stream_.finish_status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection reset");
  const BatchOutcome outcome =
      SubmitFiles(Header(), {File("children.csv", "person_id\nC1\n")}, stream_, nullptr);
  EXPECT_TRUE(outcome.end_sent);
  EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST(CheckHeadersTest, ReportsEveryHeaderProblemOfEveryFileWithoutSending) {
  testing::TestDirectory dir;
  const std::vector<FileToSend> files = {
      {Contract("children.csv"), dir.Write("children.csv", "person_id,sexx,dobb\nC1,F,\n")},
      {Contract("placements.csv"), dir.Write("placements.csv", "placement_id,episode_id\n")},
      {Contract("needs.csv"), dir.Write("needs.csv", "")},
  };
  std::vector<std::string> errors;
  for (const csv::CsvError& error : CheckHeaders(files)) {
    errors.push_back(absl::StrCat(error.file, " ", error.column, " ", error.rule_code));
  }
  EXPECT_THAT(errors,
              ElementsAre("children.csv sexx CSV_UNKNOWN_COLUMN",
                          "children.csv dobb CSV_UNKNOWN_COLUMN", "needs.csv  CSV_MISSING_HEADER"));
}

TEST(CheckHeadersTest, FindsNothingWrongWithGoodHeaders) {
  testing::TestDirectory dir;
  EXPECT_THAT(CheckHeaders(
                  {{Contract("children.csv"), dir.Write("children.csv", "sex,person_id\nF,C1\n")}}),
              IsEmpty());
}

}  // namespace
}  // namespace pif::ctl
