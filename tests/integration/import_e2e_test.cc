// `pifctl import` end to end: the real pifctl binary reads a directory of contract CSV files and
// streams them to a real pif-intake over a fresh PostgreSQL database.
#include <grpcpp/client_context.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/csv/csv_reader.h"
#include "pif/csv/csv_writer.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;
using Table = std::vector<std::vector<std::string>>;  // header row, then records

// One valid row of every intake file, parents before children.
const std::vector<std::pair<std::string, Table>>& EveryFile() {
  static const auto* files = new std::vector<std::pair<std::string, Table>>{
      {"children.csv",
       {{"person_id", "dob", "expected_dob", "sex", "ethnic_group", "disability", "locality",
         "family_group_id"},
        {"P1", "2010-05-06", "", "F", "White, Scottish", "N", "North \"East\"", "F1"}}},
      {"involvements.csv",
       {{"involvement_id", "person_id", "open_date", "close_date", "basis", "has_current_plan",
         "close_reason", "exit_interview"},
        {"I1", "P1", "2022-01-10", "2023-01-10", "LAC", "Y", "NEEDS_MET", "DONE"}}},
      {"allocations.csv",
       {{"allocation_id", "involvement_id", "staff_id", "start_date", "end_date"},
        {"A1", "I1", "W7", "2022-01-10", "2022-06-01"}}},
      {"cp_referrals.csv",
       {{"referral_id", "person_id", "referral_date"}, {"R1", "P1", "2021-12-01"}}},
      {"cp_registrations.csv",
       {{"registration_id", "person_id", "registration_date", "conference_type",
         "deregistration_date", "deregistration_reason"},
        {"G1", "P1", "2021-12-20", "INITIAL", "2022-06-20", "IMPROVED_HOME"}}},
      {"care_episodes.csv",
       {{"episode_id", "person_id", "start_date", "end_date", "destination"},
        {"E1", "P1", "2022-01-10", "2023-01-10", "HOME_PARENTS"}}},
      {"legal_reasons.csv",
       {{"legal_id", "episode_id", "start_date", "end_date", "code"},
        {"L1", "E1", "2022-01-10", "2023-01-10", "CSO_AWAY"}}},
      {"placements.csv",
       {{"placement_id", "episode_id", "carer_id", "start_date", "end_date", "type", "foster_type",
         "short_break", "permanent_substitute", "outwith_approval"},
        {"PL1", "E1", "C9", "2022-01-10", "2022-09-01", "FOST_LA", "LONG_TERM", "N", "N", "Y"}}},
      {"assessments.csv",
       {{"assessment_id", "person_id", "type", "requested_date", "due_date", "completed_date",
         "status", "child_views", "dev_concern"},
        {"AS1", "P1", "SW", "2022-01-01", "2022-02-01", "2022-01-25", "COMPLETE", "RECORDED",
         "N"}}},
      {"needs.csv",
       {{"need_id", "assessment_id", "domain", "identified_date", "target_date", "status",
         "status_date"},
        {"N1", "AS1", "HEALTH", "2022-01-25", "2022-04-25", "MET", "2022-04-01"}}},
      {"reviews.csv",
       {{"review_id", "person_id", "type", "meeting_date", "sw_due_date", "sw_submitted_date"},
        {"RV1", "P1", "LAC", "2022-03-01", "2022-02-22", "2022-02-20"}}},
      {"review_items.csv", {{"review_id", "item", "value"}, {"RV1", "HIGH_RISK", "YES"}}},
      {"incidents.csv",
       {{"incident_id", "person_id", "type", "start", "end"},
        {"IN1", "P1", "MISSING", "2022-03-05T22:15:00", "2022-03-06T09:00:00"}}},
      {"status_snapshots.csv",
       {{"person_id", "as_at", "aftercare_eligible", "aftercare_receiving", "econ", "homeless_12m",
         "young_carer", "yc_support_accessed", "acel_on_track", "leaver_scqf"},
        {"P1", "2023-03-31", "Y", "Y", "SCHOOL", "NK", "N", "NA", "Y", "5"}}},
      {"survey_responses.csv",
       {{"response_id", "person_id", "respondent", "survey_date", "context", "item", "answer"},
        {"Q1", "P1", "CHILD", "2022-05-01", "REVIEW", "SAFE_NOW", "YES"}}},
  };
  return *files;
}

// What one run of pifctl did.
struct PifctlRun {
  int exit_status = -1;
  std::string output;  // stdout and stderr together
  // The JSON summary (the output line that starts with `{`); null when there is none.
  nlohmann::json json;
};

class ImportE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TestDatabase("import_e2e");
    std::vector<std::string> args = {"--listen=127.0.0.1:0",
                                     "--database_url=" + database_->conninfo(), "--drain_seconds=5",
                                     "--db_pool_size=4"};
    for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) {
      args.push_back(std::move(arg));
    }
    intake_ = new ServiceProcess(BinaryPath("pif-intake"), args);
    auto port = intake_->WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status() << intake_->Log();
    address_ = new std::string(absl::StrCat("127.0.0.1:", *port));
  }
  static void TearDownTestSuite() {
    delete address_;
    delete intake_;
    delete database_;
  }

  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ =
        std::filesystem::path(::testing::TempDir()) / absl::StrCat("pif_import_e2e_", info->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  void WriteTable(const std::string& name, const Table& table) const {
    std::ofstream out(directory_ / name, std::ios::binary);
    for (const std::vector<std::string>& row : table) csv::WriteCsvRow(out, row);
  }
  void WriteText(const std::string& name, const std::string& text) const {
    std::ofstream out(directory_ / name, std::ios::binary);
    out << text;
  }

  // Runs `pifctl import --council=COUNCIL [extra...] DIR` against the test's intake, as a
  // submitter of that council.
  PifctlRun Import(const std::string& council, std::vector<std::string> extra = {},
                   const std::string& address = "") const {
    std::vector<std::string> args = {"import", "--council=" + council,
                                     "--address=" + (address.empty() ? *address_ : address)};
    args.insert(args.end(), extra.begin(), extra.end());
    for (std::string& arg : TestIdentity::Get().PifctlArgs({auth::Role::kSubmitter}, {council})) {
      args.push_back(std::move(arg));
    }
    args.push_back(directory_.string());
    ServiceProcess process(BinaryPath("pifctl"), args);
    PifctlRun run;
    auto exit_status = process.WaitForExit(absl::Seconds(120));
    EXPECT_TRUE(exit_status.ok()) << exit_status.status();
    run.exit_status = exit_status.ok() ? *exit_status : -1;
    run.output = process.Log();
    for (absl::string_view line : absl::StrSplit(run.output, '\n')) {
      if (!line.empty() && line.front() == '{') run.json = nlohmann::json::parse(line);
    }
    return run;
  }

  // Intake over mutual TLS as `party`: pifctl (a person) or a service reading records for the
  // figures (ExportSnapshot and GetDataVersion take only services).
  static std::unique_ptr<intake::v1::IntakeService::Stub> Stub(absl::string_view party) {
    return intake::v1::IntakeService::NewStub(
        OpenChannel(*address_, TestIdentity::Get().TlsClientOptions(party)));
  }
  // A call's context with a token for `role` in `council`.
  static std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    TestIdentity::Get().AddToken(*context, {role}, {council});
    return context;
  }
  // The council's data version, read as the indicators service reads it for an analyst.
  static int64_t DataVersion(const std::string& council) {
    intake::v1::GetDataVersionRequest request;
    request.set_council(council);
    intake::v1::GetDataVersionResponse response;
    const grpc::Status status =
        Stub("indicators")
            ->GetDataVersion(Context(auth::Role::kAnalyst, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.data_version();
  }

  static TestDatabase* database_;
  static ServiceProcess* intake_;
  static std::string* address_;
  std::filesystem::path directory_;
};

TestDatabase* ImportE2eTest::database_ = nullptr;
ServiceProcess* ImportE2eTest::intake_ = nullptr;
std::string* ImportE2eTest::address_ = nullptr;

TEST_F(ImportE2eTest, EveryRecordTypeIsAcceptedAndRunningTheSameImportAgainIsAReplay) {
  for (const auto& [name, table] : EveryFile()) WriteTable(name, table);
  const PifctlRun first = Import("S12000033", {"--format=json"});
  ASSERT_EQ(first.exit_status, 0) << first.output;
  EXPECT_EQ(first.json["accepted"], 15) << first.output;
  EXPECT_EQ(first.json["rejected"], 0);
  EXPECT_EQ(first.json["replayed"], false);
  EXPECT_EQ(first.json["data_version"], 1);
  ASSERT_EQ(first.json["files"].size(), 15u);
  for (const nlohmann::json& file : first.json["files"]) {
    EXPECT_EQ(file["accepted"], 1) << file.dump();
  }

  // Every type arrived: the snapshot counts one record of each.
  intake::v1::ExportSnapshotRequest request;
  request.set_council("S12000033");
  auto context = Context(auth::Role::kAnalyst, "S12000033");
  auto reader = Stub("indicators")->ExportSnapshot(context.get(), request);
  intake::v1::ExportSnapshotResponse message;
  ASSERT_TRUE(reader->Read(&message));
  ASSERT_EQ(message.header().record_counts_size(), 15);
  for (const intake::v1::RecordCount& count : message.header().record_counts()) {
    EXPECT_EQ(count.count(), 1) << intake::v1::RecordType_Name(count.record_type());
  }
  context->TryCancel();

  const PifctlRun second = Import("S12000033", {"--format=json"});
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_EQ(second.json["replayed"], true);
  EXPECT_EQ(second.json["batch_id"], first.json["batch_id"]);
  EXPECT_EQ(second.json["data_version"], 1);
  EXPECT_EQ(second.json["accepted"], 15);
  EXPECT_EQ(second.json["files"][7]["accepted"], 1);  // placements, from the service's record
  EXPECT_EQ(DataVersion("S12000033"), 1);
}

TEST_F(ImportE2eTest, RejectedRowsArePrintedByFileRowFieldAndRuleAndKeptByIntake) {
  WriteTable("children.csv", EveryFile()[0].second);
  WriteTable("care_episodes.csv", EveryFile()[5].second);
  WriteText("placements.csv",
            "placement_id,episode_id,start_date,end_date,type\n"
            "PL1,E1,2022-01-10,2022-03-01,FOST_LA\n"
            "PL2,E1,2022-06-01,2022-04-01,FOST_LA\n"
            "PL3,E1,2022-07-01\n");
  const PifctlRun run = Import("S12000034");
  EXPECT_EQ(run.exit_status, 1) << run.output;
  EXPECT_THAT(run.output,
              HasSubstr("accepted 3, rejected 2 (1 of them unreadable rows, not sent)"));
  EXPECT_THAT(run.output, HasSubstr("placements.csv row 3: end_date: "));
  EXPECT_THAT(run.output, HasSubstr("[PLACEMENT_END_BEFORE_START]\n"));
  EXPECT_THAT(run.output, HasSubstr("placements.csv row 4: "));
  EXPECT_THAT(run.output, HasSubstr("[CSV_CELL_COUNT]\n"));

  intake::v1::ListRejectionsRequest request;
  request.set_council("S12000034");
  intake::v1::ListRejectionsResponse response;
  const grpc::Status status = Stub("pifctl")->ListRejections(
      Context(auth::Role::kSubmitter, "S12000034").get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.rejections_size(), 1);
  const common::v1::Rejection& kept = response.rejections(0).rejection();
  EXPECT_EQ(kept.record_id(), "PL2");
  EXPECT_EQ(kept.source().file(), "placements.csv");
  EXPECT_EQ(kept.source().row(), 3);
}

TEST_F(ImportE2eTest, BrokenQuotingMidFileCancelsTheBatchSoNothingIsCommitted) {
  WriteTable("children.csv", EveryFile()[0].second);
  WriteText("care_episodes.csv",
            "episode_id,person_id,start_date\nE1,P1,2022-01-10\nE2,P\"1,2022-02-10\n");
  const PifctlRun run = Import("S12000035", {"--chunk_records=1"});  // rows go out first
  EXPECT_EQ(run.exit_status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("care_episodes.csv row 3: "));
  EXPECT_THAT(run.output, HasSubstr("[CSV_MALFORMED]"));
  EXPECT_THAT(run.output, HasSubstr("nothing was committed"));
  EXPECT_EQ(DataVersion("S12000035"), 0);
}

TEST_F(ImportE2eTest, AnUnknownColumnStopsTheImportBeforeAnythingIsSent) {
  WriteText("children.csv", "person_id,sexx\nP1,F\n");
  const PifctlRun run = Import("S12000036");
  EXPECT_EQ(run.exit_status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("children.csv row 1: column \"sexx\": "));
  EXPECT_THAT(run.output, HasSubstr("[CSV_UNKNOWN_COLUMN]"));
  EXPECT_EQ(DataVersion("S12000036"), 0);
}

TEST_F(ImportE2eTest, AnUnreachableWorkforceFailsAfterTheIntakeBatchAndSaysWhatWasCommitted) {
  WriteTable("children.csv", EveryFile()[0].second);
  WriteText("staff.csv", "staff_id,valid_from,role\nS1,2022-01-01,QSW\n");
  const PifctlRun run = Import("S12000037", {"--workforce_address=127.0.0.1:1"});
  EXPECT_EQ(run.exit_status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("accepted 1, rejected 0\n"));
  EXPECT_THAT(run.output, HasSubstr("The intake batch above was committed; running the same "
                                    "import again replays it and sends the rest."));
  EXPECT_EQ(DataVersion("S12000037"), 1);
}

TEST_F(ImportE2eTest, AFileOutsideTheContractIsAUsageErrorAndNothingIsSent) {
  WriteTable("children.csv", EveryFile()[0].second);
  WriteText("placement.csv", "placement_id\nPL1\n");
  const PifctlRun run = Import("S12000038");
  EXPECT_EQ(run.exit_status, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("not a file of the data contract: placement.csv"));
  EXPECT_EQ(DataVersion("S12000038"), 0);
}

TEST_F(ImportE2eTest, AnUnreachableIntakeIsReportedWithItsAddress) {
  WriteTable("children.csv", EveryFile()[0].second);
  const PifctlRun run = Import("S12000039", {}, "127.0.0.1:1");
  EXPECT_EQ(run.exit_status, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("intake at 127.0.0.1:1 is unreachable"));
  EXPECT_THAT(run.output, HasSubstr("Nothing was committed."));
}

}  // namespace
}  // namespace pif
