// The intake service end to end: a real pif-intake binary over a fresh PostgreSQL database,
// driven through its gRPC contract as a council's integration would drive it.
#include <grpcpp/client_context.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/submission/flat_record.h"
#include "pif/submission_grpc/codec.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using intake::v1::ExportSnapshotRequest;
using intake::v1::ExportSnapshotResponse;
using intake::v1::IntakeService;
using intake::v1::Record;
using intake::v1::SubmitRecordsRequest;
using intake::v1::SubmitRecordsResponse;
using intake::v1::SubmittedRecord;
using testing::BinaryPath;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;
using Cells = std::vector<std::pair<std::string, std::string>>;

// ---- records ------------------------------------------------------------------------------

common::v1::Date DateOf(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

SubmittedRecord TypedChild(const std::string& person_id) {
  SubmittedRecord submitted;
  intake::v1::Child* child = submitted.mutable_record()->mutable_child();
  child->set_person_id(person_id);
  *child->mutable_dob() = DateOf(2012, 6, 1);
  child->set_sex(intake::v1::SEX_F);
  return submitted;
}

SubmittedRecord TypedEpisode(const std::string& id, const std::string& person_id,
                             common::v1::Date start) {
  SubmittedRecord submitted;
  intake::v1::CareEpisode* episode = submitted.mutable_record()->mutable_care_episode();
  episode->set_episode_id(id);
  episode->set_person_id(person_id);
  *episode->mutable_start_date() = start;
  return submitted;
}

SubmittedRecord Raw(const std::string& type, Cells cells, const std::string& file = "",
                    int64_t row = 0) {
  SubmittedRecord submitted;
  *submitted.mutable_raw() = submission_grpc::ToRawRecord(type, cells);
  if (!file.empty()) {
    submitted.mutable_source()->set_file(file);
    submitted.mutable_source()->set_row(row);
  }
  return submitted;
}

SubmittedRecord RawPlacement(const std::string& id, const std::string& episode_id,
                             const std::string& start, const std::string& end) {
  return Raw("Placement", {{"placement_id", id},
                           {"episode_id", episode_id},
                           {"start_date", start},
                           {"end_date", end},
                           {"type", "FOST_LA"}});
}

// One valid record of every type, as a CSV export would give its cells (canonical text).
const std::vector<std::pair<std::string, Cells>>& EveryTypeAsCells() {
  static const auto* rows = new std::vector<std::pair<std::string, Cells>>{
      {"Child",
       {{"person_id", "P1"},
        {"dob", "2010-05-06"},
        {"expected_dob", "2010-05-01"},
        {"sex", "F"},
        {"ethnic_group", "White, Scottish"},
        {"disability", "N"},
        {"locality", "North \"East\""},
        {"family_group_id", "F1"}}},
      {"Involvement",
       {{"involvement_id", "I1"},
        {"person_id", "P1"},
        {"open_date", "2022-01-10"},
        {"close_date", "2023-01-10"},
        {"basis", "LAC"},
        {"has_current_plan", "Y"},
        {"close_reason", "NEEDS_MET"},
        {"exit_interview", "DONE"}}},
      {"Allocation",
       {{"allocation_id", "A1"},
        {"involvement_id", "I1"},
        {"staff_id", "W7"},
        {"start_date", "2022-01-10"},
        {"end_date", "2022-06-01"}}},
      {"CpReferral", {{"referral_id", "R1"}, {"person_id", "P1"}, {"referral_date", "2021-12-01"}}},
      {"CpRegistration",
       {{"registration_id", "G1"},
        {"person_id", "P1"},
        {"registration_date", "2021-12-20"},
        {"conference_type", "INITIAL"},
        {"deregistration_date", "2022-06-20"},
        {"deregistration_reason", "IMPROVED_HOME"}}},
      {"CareEpisode",
       {{"episode_id", "E1"},
        {"person_id", "P1"},
        {"start_date", "2022-01-10"},
        {"end_date", "2023-01-10"},
        {"destination", "HOME_PARENTS"}}},
      {"LegalReason",
       {{"legal_id", "L1"},
        {"episode_id", "E1"},
        {"start_date", "2022-01-10"},
        {"end_date", "2023-01-10"},
        {"code", "CSO_AWAY"}}},
      {"Placement",
       {{"placement_id", "PL1"},
        {"episode_id", "E1"},
        {"carer_id", "C9"},
        {"start_date", "2022-01-10"},
        {"end_date", "2022-09-01"},
        {"type", "FOST_LA"},
        {"foster_type", "LONG_TERM"},
        {"short_break", "N"},
        {"permanent_substitute", "N"},
        {"outwith_approval", "Y"}}},
      {"Assessment",
       {{"assessment_id", "AS1"},
        {"person_id", "P1"},
        {"type", "SW"},
        {"requested_date", "2022-01-01"},
        {"due_date", "2022-02-01"},
        {"completed_date", "2022-01-25"},
        {"status", "COMPLETE"},
        {"child_views", "RECORDED"},
        {"dev_concern", "N"}}},
      {"Need",
       {{"need_id", "N1"},
        {"assessment_id", "AS1"},
        {"domain", "HEALTH"},
        {"identified_date", "2022-01-25"},
        {"target_date", "2022-04-25"},
        {"status", "MET"},
        {"status_date", "2022-04-01"}}},
      {"Review",
       {{"review_id", "RV1"},
        {"person_id", "P1"},
        {"type", "LAC"},
        {"meeting_date", "2022-03-01"},
        {"sw_due_date", "2022-02-22"},
        {"sw_submitted_date", "2022-02-20"}}},
      {"ReviewItem", {{"review_id", "RV1"}, {"item", "HIGH_RISK"}, {"value", "YES"}}},
      {"Incident",
       {{"incident_id", "IN1"},
        {"person_id", "P1"},
        {"type", "MISSING"},
        {"start", "2022-03-05T22:15:00"},
        {"end", "2022-03-06T09:00:00"}}},
      {"StatusSnapshot",
       {{"person_id", "P1"},
        {"as_at", "2023-03-31"},
        {"aftercare_eligible", "Y"},
        {"aftercare_receiving", "Y"},
        {"econ", "SCHOOL"},
        {"homeless_12m", "NK"},
        {"young_carer", "N"},
        {"yc_support_accessed", "NA"},
        {"acel_on_track", "Y"},
        {"leaver_scqf", "5"}}},
      {"SurveyResponse",
       {{"response_id", "Q1"},
        {"person_id", "P1"},
        {"respondent", "CHILD"},
        {"survey_date", "2022-05-01"},
        {"context", "REVIEW"},
        {"item", "SAFE_NOW"},
        {"answer", "YES"}}},
  };
  return *rows;
}

// ---- the service ----------------------------------------------------------------------------

struct Submission {
  grpc::Status status;
  common::v1::SubmissionSummary summary;
};

struct Snapshot {
  grpc::Status status;
  intake::v1::SnapshotHeader header;
  std::vector<Record> records;
  int messages = 0;
};

class IntakeServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TestDatabase("intake_svc");
    std::vector<std::string> args = {"--listen=127.0.0.1:0",
                                     "--database_url=" + database_->conninfo(), "--drain_seconds=5",
                                     "--db_pool_size=6"};
    for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) {
      args.push_back(std::move(arg));
    }
    process_ = new ServiceProcess(BinaryPath("pif-intake"), args);
    auto port = process_->WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status() << process_->Log();
    const std::string address = absl::StrCat("127.0.0.1:", *port);
    stub_ =
        IntakeService::NewStub(OpenChannel(address, TestIdentity::Get().TlsClientOptions("pifctl")))
            .release();
    service_stub_ = IntakeService::NewStub(
                        OpenChannel(address, TestIdentity::Get().TlsClientOptions("indicators")))
                        .release();
  }
  static void TearDownTestSuite() {
    delete service_stub_;
    delete stub_;
    delete process_;
    delete database_;
  }

  // A call's context with a token for `role` in `council`.
  static std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    context->AddMetadata("x-pif-client", "intake-service-test");
    TestIdentity::Get().AddToken(*context, {role}, {council});
    return context;
  }

  static SubmitRecordsRequest Header(const std::string& council, const std::string& batch_id) {
    SubmitRecordsRequest request;
    request.mutable_header()->set_council(council);
    request.mutable_header()->set_batch_id(batch_id);
    request.mutable_header()->set_source_system("intake_service_test");
    return request;
  }

  // Sends a whole batch in chunks of `chunk_size` records, then its BatchEnd, as a submitter.
  static Submission Submit(const std::string& council, const std::string& batch_id,
                           const std::vector<SubmittedRecord>& records, size_t chunk_size = 2) {
    auto context = Context(auth::Role::kSubmitter, council);
    Submission result;
    SubmitRecordsResponse response;
    auto writer = stub_->SubmitRecords(context.get(), &response);
    writer->Write(Header(council, batch_id));
    for (size_t i = 0; i < records.size(); i += chunk_size) {
      SubmitRecordsRequest chunk;
      for (size_t j = i; j < records.size() && j < i + chunk_size; ++j) {
        *chunk.mutable_chunk()->add_records() = records[j];
      }
      if (!writer->Write(chunk)) break;
    }
    SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
    writer->Write(end);
    writer->WritesDone();
    result.status = writer->Finish();
    result.summary = response.summary();
    return result;
  }

  // The council's data version, read as the indicators service reads it for an analyst.
  static int64_t DataVersion(const std::string& council) {
    auto context = Context(auth::Role::kAnalyst, council);
    intake::v1::GetDataVersionRequest request;
    request.set_council(council);
    intake::v1::GetDataVersionResponse response;
    grpc::Status status = service_stub_->GetDataVersion(context.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.data_version();
  }

  // The council's snapshot, read as the indicators service reads it for an analyst (of
  // `token_council`, when another than the request's).
  static Snapshot Export(const std::string& council, std::vector<intake::v1::RecordType> types = {},
                         int max_per_chunk = 0, const std::string& token_council = "") {
    auto context = Context(auth::Role::kAnalyst, token_council.empty() ? council : token_council);
    ExportSnapshotRequest request;
    request.set_council(council);
    for (auto type : types) request.add_record_types(type);
    request.set_max_records_per_chunk(max_per_chunk);
    auto reader = service_stub_->ExportSnapshot(context.get(), request);
    Snapshot snapshot;
    ExportSnapshotResponse message;
    while (reader->Read(&message)) {
      ++snapshot.messages;
      if (message.has_header()) {
        EXPECT_EQ(snapshot.messages, 1) << "the header must come first, once";
        snapshot.header = message.header();
      } else {
        for (const Record& record : message.chunk().records()) snapshot.records.push_back(record);
      }
    }
    snapshot.status = reader->Finish();
    return snapshot;
  }

  static std::vector<std::string> PersonIds(const Snapshot& snapshot) {
    std::vector<std::string> ids;
    for (const Record& record : snapshot.records) {
      if (record.has_child()) ids.push_back(record.child().person_id());
    }
    return ids;
  }

  static TestDatabase* database_;
  static ServiceProcess* process_;
  // As a council's system sending and correcting records (pifctl's certificate).
  static IntakeService::Stub* stub_;
  // As the indicators service reading records for the figures (ExportSnapshot and GetDataVersion
  // take only services).
  static IntakeService::Stub* service_stub_;
};

TestDatabase* IntakeServiceTest::database_ = nullptr;
ServiceProcess* IntakeServiceTest::process_ = nullptr;
IntakeService::Stub* IntakeServiceTest::stub_ = nullptr;
IntakeService::Stub* IntakeServiceTest::service_stub_ = nullptr;

std::vector<std::string> RulesOf(const common::v1::Rejection& rejection) {
  std::vector<std::string> rules;
  for (const auto& error : rejection.errors())
    rules.push_back(error.field() + ":" + error.rule_code());
  return rules;
}

// ---- submission -----------------------------------------------------------------------------

TEST_F(IntakeServiceTest, AcceptsTypedAndRawRecordsInAnyOrderAndCommitsThemAsOneVersion) {
  const std::string council = "S12000101";
  Submission result = Submit(council, "b1",
                             {RawPlacement("PL1", "E1", "2023-02-01", "2023-03-01"),
                              TypedEpisode("E1", "P1", DateOf(2023, 1, 15)), TypedChild("P1")});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.summary.accepted_count(), 3);
  EXPECT_EQ(result.summary.rejected_count(), 0);
  EXPECT_EQ(result.summary.data_version(), 1);
  EXPECT_EQ(result.summary.council(), council);
  EXPECT_EQ(result.summary.batch_id(), "b1");
  EXPECT_FALSE(result.summary.replayed());
  EXPECT_EQ(DataVersion(council), 1);

  auto context = Context(auth::Role::kSubmitter, council);
  intake::v1::GetBatchRequest request;
  request.set_council(council);
  request.set_batch_id("b1");
  intake::v1::GetBatchResponse batch;
  ASSERT_TRUE(stub_->GetBatch(context.get(), request, &batch).ok());
  EXPECT_EQ(batch.batch().accepted_count(), 3);
  EXPECT_EQ(batch.batch().source_system(), "intake_service_test");
  EXPECT_NE(batch.batch().caller().find("client=intake-service-test"), std::string::npos)
      << batch.batch().caller();
  std::map<std::string, int64_t> accepted;
  for (const auto& count : batch.batch().record_type_counts()) {
    accepted[count.record_type()] = count.accepted_count();
  }
  EXPECT_EQ(accepted,
            (std::map<std::string, int64_t>{{"CareEpisode", 1}, {"Child", 1}, {"Placement", 1}}));
}

TEST_F(IntakeServiceTest, ARawRowWithAMalformedDateIsRejectedKeptAndFetchedVerbatim) {
  const std::string council = "S12000102";
  const Cells cells = {{"placement_id", "PL9"}, {"start_date", "2023-02-30"}, {"episode_id", "E9"},
                       {"type", "FOST_LA"},     {"carer_id", " spaced "},     {"end_date", ""}};
  Submission result = Submit(council, "b1",
                             {TypedChild("P9"), TypedEpisode("E9", "P9", DateOf(2023, 1, 1)),
                              Raw("Placement", cells, "placements.csv", 17)});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.summary.accepted_count(), 2);
  ASSERT_EQ(result.summary.rejected_count(), 1);
  ASSERT_EQ(result.summary.rejections_size(), 1);
  const common::v1::Rejection& rejection = result.summary.rejections(0);
  EXPECT_EQ(rejection.position(), 3);
  EXPECT_EQ(rejection.source().file(), "placements.csv");
  EXPECT_EQ(rejection.source().row(), 17);
  EXPECT_EQ(rejection.record_type(), "Placement");
  EXPECT_EQ(rejection.record_id(), "PL9");
  EXPECT_EQ(RulesOf(rejection), std::vector<std::string>{"start_date:MALFORMED_DATE"});
  ASSERT_FALSE(rejection.rejection_id().empty());

  auto context = Context(auth::Role::kSubmitter, council);
  intake::v1::GetRejectionRequest get;
  get.set_council(council);
  get.set_rejection_id(rejection.rejection_id());
  intake::v1::GetRejectionResponse fetched;
  ASSERT_TRUE(stub_->GetRejection(context.get(), get, &fetched).ok());
  ASSERT_TRUE(fetched.has_raw());
  EXPECT_EQ(fetched.raw().record_type(), "Placement");
  Cells received;
  for (const auto& field : fetched.raw().fields())
    received.emplace_back(field.name(), field.text());
  EXPECT_EQ(received, cells);
  EXPECT_EQ(fetched.rejection().state(), common::v1::REJECTION_STATE_OPEN);
  EXPECT_EQ(fetched.rejection().batch_id(), "b1");
  ASSERT_EQ(fetched.rejection().rejection().errors_size(), 1);
  EXPECT_EQ(fetched.rejection().rejection().errors(0).value(), "2023-02-30");

  auto list_context = Context(auth::Role::kSubmitter, council);
  intake::v1::ListRejectionsRequest list;
  list.set_council(council);
  intake::v1::ListRejectionsResponse listed;
  ASSERT_TRUE(stub_->ListRejections(list_context.get(), list, &listed).ok());
  ASSERT_EQ(listed.rejections_size(), 1);
  EXPECT_EQ(listed.rejections(0).rejection().rejection_id(), rejection.rejection_id());
  EXPECT_EQ(listed.open_count(), 1);
}

TEST_F(IntakeServiceTest, ATypedRecordWithAnImpossibleDateIsRejectedAndComesBackTyped) {
  const std::string council = "S12000103";
  SubmittedRecord episode = TypedEpisode("E1", "P1", DateOf(2023, 13, 1));
  Submission result = Submit(council, "b1", {TypedChild("P1"), episode});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.summary.rejections_size(), 1);
  EXPECT_EQ(RulesOf(result.summary.rejections(0)),
            std::vector<std::string>{"start_date:MALFORMED_DATE"});

  auto context = Context(auth::Role::kSubmitter, council);
  intake::v1::GetRejectionRequest get;
  get.set_council(council);
  get.set_rejection_id(result.summary.rejections(0).rejection_id());
  intake::v1::GetRejectionResponse fetched;
  ASSERT_TRUE(stub_->GetRejection(context.get(), get, &fetched).ok());
  ASSERT_TRUE(fetched.has_record());
  EXPECT_EQ(fetched.record().SerializeAsString(), episode.record().SerializeAsString())
      << fetched.record().ShortDebugString();
}

TEST_F(IntakeServiceTest, AnUnknownRawRecordTypeIsRejectedAndKept) {
  const std::string council = "S12000104";
  Submission result = Submit(council, "b1", {Raw("Pet", {{"name", "Rex"}})});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.summary.rejections_size(), 1);
  EXPECT_EQ(RulesOf(result.summary.rejections(0)),
            std::vector<std::string>{"record_type:UNKNOWN_RECORD_TYPE"});
  auto context = Context(auth::Role::kSubmitter, council);
  intake::v1::GetRejectionRequest get;
  get.set_council(council);
  get.set_rejection_id(result.summary.rejections(0).rejection_id());
  intake::v1::GetRejectionResponse fetched;
  ASSERT_TRUE(stub_->GetRejection(context.get(), get, &fetched).ok());
  EXPECT_EQ(fetched.raw().record_type(), "Pet");
  ASSERT_EQ(fetched.raw().fields_size(), 1);
  EXPECT_EQ(fetched.raw().fields(0).text(), "Rex");
}

TEST_F(IntakeServiceTest, ResubmittingABatchIdReturnsTheFirstResultAndChangesNothing) {
  const std::string council = "S12000105";
  Submission first = Submit(council, "nightly-1", {TypedChild("P1"), TypedChild("P2")});
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  Submission again = Submit(council, "nightly-1", {TypedChild("P3")});
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_TRUE(again.summary.replayed());
  EXPECT_EQ(again.summary.accepted_count(), 2);
  EXPECT_EQ(again.summary.data_version(), first.summary.data_version());
  EXPECT_EQ(again.summary.committed_at().seconds(), first.summary.committed_at().seconds());
  EXPECT_EQ(DataVersion(council), 1);
  EXPECT_EQ(PersonIds(Export(council)), (std::vector<std::string>{"P1", "P2"}));
}

// ---- streams that break ---------------------------------------------------------------------

TEST_F(IntakeServiceTest, AStreamCancelledHalfWayCommitsNothing) {
  const std::string council = "S12000106";
  {
    auto context = Context(auth::Role::kSubmitter, council);
    SubmitRecordsResponse response;
    auto writer = stub_->SubmitRecords(context.get(), &response);
    ASSERT_TRUE(writer->Write(Header(council, "cut")));
    for (int chunk = 0; chunk < 5; ++chunk) {
      SubmitRecordsRequest request;
      for (int i = 0; i < 100; ++i) {
        *request.mutable_chunk()->add_records() = TypedChild(absl::StrCat("P", chunk, "-", i));
      }
      ASSERT_TRUE(writer->Write(request));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the server stage some
    context->TryCancel();
    EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(DataVersion(council), 0);
  EXPECT_TRUE(PersonIds(Export(council)).empty());
  // The batch id was never committed: sending it again is a first commit, not a replay.
  Submission retry = Submit(council, "cut", {TypedChild("P1")});
  ASSERT_TRUE(retry.status.ok()) << retry.status.error_message();
  EXPECT_FALSE(retry.summary.replayed());
  EXPECT_EQ(retry.summary.data_version(), 1);
}

TEST_F(IntakeServiceTest, AStreamClosedWithoutBatchEndCommitsNothing) {
  const std::string council = "S12000107";
  auto context = Context(auth::Role::kSubmitter, council);
  SubmitRecordsResponse response;
  auto writer = stub_->SubmitRecords(context.get(), &response);
  ASSERT_TRUE(writer->Write(Header(council, "no-end")));
  SubmitRecordsRequest chunk;
  *chunk.mutable_chunk()->add_records() = TypedChild("P1");
  ASSERT_TRUE(writer->Write(chunk));
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "the stream ended without BatchEnd; nothing was committed");
  EXPECT_EQ(DataVersion(council), 0);
}

TEST_F(IntakeServiceTest, ABatchEndWithTheWrongCountCommitsNothing) {
  const std::string council = "S12000108";
  auto context = Context(auth::Role::kSubmitter, council);
  SubmitRecordsResponse response;
  auto writer = stub_->SubmitRecords(context.get(), &response);
  ASSERT_TRUE(writer->Write(Header(council, "miscount")));
  SubmitRecordsRequest chunk;
  *chunk.mutable_chunk()->add_records() = TypedChild("P1");
  *chunk.mutable_chunk()->add_records() = TypedChild("P2");
  ASSERT_TRUE(writer->Write(chunk));
  SubmitRecordsRequest end;
  end.mutable_end()->set_record_count(3);
  ASSERT_TRUE(writer->Write(end));
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = FieldViolationsOf(FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "end.record_count");
  EXPECT_EQ(DataVersion(council), 0);
}

TEST_F(IntakeServiceTest, AStreamThatDoesNotStartWithAHeaderIsRefused) {
  auto context = Context(auth::Role::kSubmitter, "S12000117");
  SubmitRecordsResponse response;
  auto writer = stub_->SubmitRecords(context.get(), &response);
  SubmitRecordsRequest chunk;
  *chunk.mutable_chunk()->add_records() = TypedChild("P1");
  writer->Write(chunk);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = FieldViolationsOf(FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "header");
}

// ---- snapshots ------------------------------------------------------------------------------

TEST_F(IntakeServiceTest, ASnapshotSendsParentsBeforeChildrenAtTheCurrentVersion) {
  const std::string council = "S12000109";
  std::vector<SubmittedRecord> records;
  const auto& rows = EveryTypeAsCells();
  for (auto row = rows.rbegin(); row != rows.rend(); ++row)
    records.push_back(Raw(row->first, row->second));
  Submission result = Submit(council, "all", records, 4);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.summary.rejected_count(), 0) << result.summary.rejections(0).ShortDebugString();
  ASSERT_EQ(Submit(council, "more", {TypedChild("P2")}).summary.accepted_count(), 1);

  Snapshot snapshot = Export(council, {}, 3);
  ASSERT_TRUE(snapshot.status.ok()) << snapshot.status.error_message();
  EXPECT_EQ(snapshot.header.council(), council);
  EXPECT_EQ(snapshot.header.data_version(), DataVersion(council));
  EXPECT_EQ(snapshot.header.data_version(), 2);
  ASSERT_EQ(snapshot.records.size(), 16u);
  EXPECT_EQ(snapshot.messages, 1 + 6);  // header, then 16 records in chunks of at most 3
  int previous = 0;
  for (const Record& record : snapshot.records) {
    const int type = record.GetReflection()
                         ->GetOneofFieldDescriptor(record, Record::descriptor()->oneof_decl(0))
                         ->number();
    EXPECT_GE(type, previous) << record.ShortDebugString();
    previous = type;
  }
  ASSERT_EQ(snapshot.header.record_counts_size(), 15);
  int64_t total = 0;
  for (int i = 0; i < 15; ++i) {
    EXPECT_EQ(snapshot.header.record_counts(i).record_type(), i + 1);
    total += snapshot.header.record_counts(i).count();
  }
  EXPECT_EQ(snapshot.header.record_counts(0).count(), 2);  // two children
  EXPECT_EQ(total, 16);

  Snapshot only =
      Export(council, {intake::v1::RECORD_TYPE_PLACEMENT, intake::v1::RECORD_TYPE_CHILD});
  ASSERT_TRUE(only.status.ok()) << only.status.error_message();
  ASSERT_EQ(only.records.size(), 3u);
  EXPECT_TRUE(only.records[0].has_child());
  EXPECT_TRUE(only.records[1].has_child());
  EXPECT_TRUE(only.records[2].has_placement());
}

TEST_F(IntakeServiceTest, EveryRecordTypeSentAsCsvCellsComesBackWithTheSameValues) {
  const std::string council = "S12000110";
  std::vector<SubmittedRecord> records;
  for (const auto& [type, cells] : EveryTypeAsCells()) records.push_back(Raw(type, cells));
  Submission result = Submit(council, "csv", records, 100);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.summary.accepted_count(), 15);

  Snapshot snapshot = Export(council);
  ASSERT_TRUE(snapshot.status.ok()) << snapshot.status.error_message();
  ASSERT_EQ(snapshot.records.size(), 15u);
  for (size_t i = 0; i < snapshot.records.size(); ++i) {
    const auto& [type, sent] = EveryTypeAsCells()[i];
    const google::protobuf::Message* typed = submission_grpc::RecordInWrapper(snapshot.records[i]);
    ASSERT_NE(typed, nullptr);
    ASSERT_EQ(typed->GetDescriptor()->name(), type);
    std::vector<FieldViolation> violations;
    const submission::FlatRecord flat =
        submission_grpc::ToFlat(*typed, *intake::CaseSchema().Find(type), &violations);
    EXPECT_TRUE(violations.empty());
    EXPECT_EQ(submission::ToNamedCells(flat), sent) << type;
  }
}

TEST_F(IntakeServiceTest, ASnapshotTakenDuringAnImportHasAllOfTheBatchOrNoneOfIt) {
  const std::string council = "S12000111";
  ASSERT_TRUE(Submit(council, "base", {TypedChild("BASE")}).status.ok());
  constexpr int kBatchSize = 20000;
  std::vector<SubmittedRecord> batch;
  for (int i = 0; i < kBatchSize; ++i) batch.push_back(TypedChild(absl::StrCat("C", i)));
  std::atomic<bool> done{false};
  Submission big;
  std::thread import([&] {
    big = Submit(council, "big", batch, 1000);
    done = true;
  });
  int snapshots = 0;
  std::set<int64_t> versions_seen;
  while (!done || snapshots < 2) {
    Snapshot snapshot = Export(council, {intake::v1::RECORD_TYPE_CHILD}, 5000);
    ASSERT_TRUE(snapshot.status.ok()) << snapshot.status.error_message();
    const int64_t version = snapshot.header.data_version();
    const size_t expected = version == 1 ? 1u : 1u + kBatchSize;
    ASSERT_TRUE(version == 1 || version == 2) << version;
    EXPECT_EQ(snapshot.records.size(), expected) << "version " << version;
    EXPECT_EQ(snapshot.header.record_counts(0).count(), static_cast<int64_t>(expected));
    versions_seen.insert(version);
    ++snapshots;
  }
  import.join();
  ASSERT_TRUE(big.status.ok()) << big.status.error_message();
  EXPECT_EQ(big.summary.accepted_count(), kBatchSize);
  EXPECT_TRUE(versions_seen.count(1)) << "no snapshot ran while the import was in flight";
  EXPECT_EQ(Export(council, {intake::v1::RECORD_TYPE_CHILD}).records.size(), 1u + kBatchSize);
}

// ---- councils, deletion, listing, arguments ----------------------------------------------------

TEST_F(IntakeServiceTest, TwoCouncilsNeverSeeEachOthersRecordsBatchesOrRejections) {
  const std::string a = "S12000112", b = "S12000113";
  Submission in_a = Submit(a, "shared-id", {TypedChild("PA"), Raw("Child", {{"person_id", "PX"}})});
  Submission in_b = Submit(b, "shared-id", {TypedChild("PB")});
  ASSERT_TRUE(in_a.status.ok() && in_b.status.ok());
  EXPECT_FALSE(in_b.summary.replayed());  // a batch id is unique per council only
  EXPECT_EQ(PersonIds(Export(a)), std::vector<std::string>{"PA"});
  EXPECT_EQ(PersonIds(Export(b)), std::vector<std::string>{"PB"});
  EXPECT_EQ(DataVersion(a), 1);
  EXPECT_EQ(DataVersion(b), 1);

  ASSERT_EQ(in_a.summary.rejections_size(), 1);
  auto context = Context(auth::Role::kSubmitter, b);
  intake::v1::GetRejectionRequest get;
  get.set_council(b);
  get.set_rejection_id(in_a.summary.rejections(0).rejection_id());
  intake::v1::GetRejectionResponse fetched;
  EXPECT_EQ(stub_->GetRejection(context.get(), get, &fetched).error_code(),
            grpc::StatusCode::NOT_FOUND);

  auto list_context = Context(auth::Role::kSubmitter, b);
  intake::v1::ListRejectionsRequest list;
  list.set_council(b);
  intake::v1::ListRejectionsResponse listed;
  ASSERT_TRUE(stub_->ListRejections(list_context.get(), list, &listed).ok());
  EXPECT_EQ(listed.rejections_size(), 0);
  EXPECT_EQ(listed.open_count(), 0);
}

TEST_F(IntakeServiceTest, DeletingARecordRemovesItBumpsTheVersionAndRefusesWhileReferredTo) {
  const std::string council = "S12000114";
  ASSERT_TRUE(Submit(council, "b1",
                     {TypedChild("P1"), TypedEpisode("E1", "P1", DateOf(2023, 1, 1)),
                      RawPlacement("PL1", "E1", "2023-01-01", "")})
                  .status.ok());
  auto delete_record = [&](intake::v1::RecordType type, const std::string& id,
                           intake::v1::DeleteRecordResponse* response) {
    auto context = Context(auth::Role::kSubmitter, council);
    intake::v1::DeleteRecordRequest request;
    request.set_council(council);
    request.set_record_type(type);
    request.set_record_id(id);
    request.set_reason("sent in error");
    return stub_->DeleteRecord(context.get(), request, response);
  };
  intake::v1::DeleteRecordResponse response;
  EXPECT_EQ(delete_record(intake::v1::RECORD_TYPE_CARE_EPISODE, "E1", &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(delete_record(intake::v1::RECORD_TYPE_PLACEMENT, "PL404", &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(DataVersion(council), 1);

  grpc::Status deleted = delete_record(intake::v1::RECORD_TYPE_PLACEMENT, "PL1", &response);
  ASSERT_TRUE(deleted.ok()) << deleted.error_message();
  EXPECT_EQ(response.data_version(), 2);
  EXPECT_FALSE(response.deletion_id().empty());
  EXPECT_EQ(DataVersion(council), 2);
  Snapshot snapshot = Export(council, {intake::v1::RECORD_TYPE_PLACEMENT});
  EXPECT_TRUE(snapshot.records.empty());
  EXPECT_EQ(snapshot.header.data_version(), 2);

  EXPECT_EQ(delete_record(intake::v1::RECORD_TYPE_UNSPECIFIED, "PL1", &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(IntakeServiceTest, ListBatchesPagesNewestFirst) {
  const std::string council = "S12000115";
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(
        Submit(council, absl::StrCat("b", i), {TypedChild(absl::StrCat("P", i))}).status.ok());
  }
  std::vector<std::string> ids;
  std::string token;
  int pages = 0;
  do {
    auto context = Context(auth::Role::kSubmitter, council);
    intake::v1::ListBatchesRequest request;
    request.set_council(council);
    request.set_page_size(2);
    request.set_page_token(token);
    intake::v1::ListBatchesResponse response;
    ASSERT_TRUE(stub_->ListBatches(context.get(), request, &response).ok());
    for (const auto& batch : response.batches()) ids.push_back(batch.batch_id());
    token = response.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 5);
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(ids, (std::vector<std::string>{"b3", "b2", "b1"}));
}

TEST_F(IntakeServiceTest, EveryRpcRefusesAMalformedCouncilNamingTheField) {
  const std::string bad = "Scotland";
  // The caller may act for a council (every rpc needs one); the request names a malformed one.
  const std::string mine = "S12000117";
  std::vector<grpc::Status> statuses;
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    intake::v1::GetBatchRequest r;
    r.set_council(bad);
    r.set_batch_id("b1");
    intake::v1::GetBatchResponse out;
    statuses.push_back(stub_->GetBatch(c.get(), r, &out));
  }
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    intake::v1::ListBatchesRequest r;
    r.set_council(bad);
    intake::v1::ListBatchesResponse out;
    statuses.push_back(stub_->ListBatches(c.get(), r, &out));
  }
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    intake::v1::ListRejectionsRequest r;
    r.set_council(bad);
    intake::v1::ListRejectionsResponse out;
    statuses.push_back(stub_->ListRejections(c.get(), r, &out));
  }
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    intake::v1::GetRejectionRequest r;
    r.set_council(bad);
    r.set_rejection_id("1");
    intake::v1::GetRejectionResponse out;
    statuses.push_back(stub_->GetRejection(c.get(), r, &out));
  }
  {
    auto c = Context(auth::Role::kAnalyst, mine);
    intake::v1::GetDataVersionRequest r;
    r.set_council(bad);
    intake::v1::GetDataVersionResponse out;
    statuses.push_back(service_stub_->GetDataVersion(c.get(), r, &out));
  }
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    intake::v1::DeleteRecordRequest r;
    r.set_council(bad);
    r.set_record_type(intake::v1::RECORD_TYPE_CHILD);
    r.set_record_id("P1");
    r.set_reason("x");
    intake::v1::DeleteRecordResponse out;
    statuses.push_back(stub_->DeleteRecord(c.get(), r, &out));
  }
  statuses.push_back(Export(bad, {}, 0, mine).status);
  {
    auto c = Context(auth::Role::kSubmitter, mine);
    SubmitRecordsResponse out;
    auto writer = stub_->SubmitRecords(c.get(), &out);
    writer->Write(Header(bad, "b1"));
    writer->WritesDone();
    statuses.push_back(writer->Finish());
  }
  ASSERT_EQ(statuses.size(), 8u);
  for (size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i].error_code(), grpc::StatusCode::INVALID_ARGUMENT) << i;
    auto violations = FieldViolationsOf(FromGrpcStatus(statuses[i]));
    ASSERT_EQ(violations.size(), 1u) << i;
    EXPECT_EQ(violations[0].field, i == 7 ? "header.council" : "council") << i;
    EXPECT_EQ(violations[0].rule_code, "MALFORMED_COUNCIL") << i;
  }
}

TEST_F(IntakeServiceTest, TheLogNeverCarriesRecordValues) {
  const std::string council = "S12000116";
  ASSERT_TRUE(Submit(council, "b1",
                     {TypedChild("SECRET-PERSON-77"),
                      Raw("Placement",
                          {{"placement_id", "SECRET-PLACEMENT-88"}, {"start_date", "2023-99-99"}})})
                  .status.ok());
  const std::string log = process_->Log();
  EXPECT_EQ(log.find("SECRET-"), std::string::npos);
  EXPECT_EQ(log.find("2023-99-99"), std::string::npos);
  EXPECT_NE(log.find("batch_committed"), std::string::npos);
}

}  // namespace
}  // namespace pif
