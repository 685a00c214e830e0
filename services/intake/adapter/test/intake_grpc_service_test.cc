// The intake adapter over gRPC, in process: a real server on port 0 (the shared ServiceHost, mutual
// TLS with throwaway certificates, callers authenticated by tokens of a test identity provider)
// hosting IntakeGrpcService over the fake submission store of the case schema. Person's calls go
// through a client certificate of pifctl, the services-only rpcs through a pif service's.
#include "pif/intake/adapter/intake_grpc_service.h"

#include <grpcpp/client_context.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/grpc/status_mapping.h"
#include "pif/grpc/testing/authorization_matrix.h"
#include "pif/grpc/testing/test_host.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/submission/testing/fake_store.h"
#include "pif/submission/testing/store_contents.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/testing/counting_store.h"

namespace pif::intake {
namespace {

using pif::testing::TestIdentityProvider;
using pif::testing::TestTls;
using submission::testing::FakeSubmissionStore;
using submission_grpc::testing::CountingSubmissionStore;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";

v1::SubmittedRecord Typed(const std::string& text) {
  v1::SubmittedRecord submitted;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, submitted.mutable_record()))
      << text;
  return submitted;
}

v1::SubmittedRecord Child(const std::string& id) {
  return Typed(absl::StrCat("child { person_id: '", id,
                            "' dob { year: 2012 month: 6 day: 1 } sex: SEX_F }"));
}

v1::SubmittedRecord Episode(const std::string& id, const std::string& person) {
  return Typed(absl::StrCat("care_episode { episode_id: '", id, "' person_id: '", person,
                            "' start_date { year: 2023 month: 1 day: 1 } }"));
}

v1::SubmittedRecord Raw(const std::string& type,
                        const std::vector<std::pair<std::string, std::string>>& cells) {
  v1::SubmittedRecord submitted;
  *submitted.mutable_raw() = submission_grpc::ToRawRecord(type, cells);
  return submitted;
}

// `record` as read from row `row` of the CSV file `file`.
v1::SubmittedRecord FromFile(v1::SubmittedRecord record, const std::string& file, int64_t row) {
  record.mutable_source()->set_file(file);
  record.mutable_source()->set_row(row);
  return record;
}

// A whole submission stream: the header, one chunk of `records` (none when there are none),
// the end counting them.
std::vector<v1::SubmitRecordsRequest> Stream(const std::string& council,
                                             const std::string& batch_id,
                                             const std::vector<v1::SubmittedRecord>& records) {
  std::vector<v1::SubmitRecordsRequest> stream(1);
  stream[0].mutable_header()->set_council(council);
  stream[0].mutable_header()->set_batch_id(batch_id);
  stream[0].mutable_header()->set_source_system("adapter test");
  if (!records.empty()) {
    stream.emplace_back();
    for (const v1::SubmittedRecord& record : records) {
      *stream.back().mutable_chunk()->add_records() = record;
    }
  }
  stream.emplace_back();
  stream.back().mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
  return stream;
}

// The field violations of a failed call as "field:RULE".
std::vector<std::string> Violations(const grpc::Status& status) {
  std::vector<std::string> found;
  for (const FieldViolation& violation : FieldViolationsOf(FromGrpcStatus(status))) {
    found.push_back(violation.field + ":" + violation.rule_code);
  }
  return found;
}

// The caller every test but the authorization tests calls as: every role, both councils.
constexpr char kCaller[] = "user=jo@council certificate=pifctl";

// The certificates of every test (made once: openssl takes a while).
const TestTls& Tls() {
  static const TestTls* tls = new TestTls();
  return *tls;
}

class IntakeGrpcServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_ = std::make_unique<FakeSubmissionStore>(CaseSchema());
    store_ = fake_.get();
    auto counting = std::make_unique<CountingSubmissionStore>(*fake_);
    counting_ = counting.get();
    std::vector<HostedService> services;
    services.push_back({v1::IntakeService::service_full_name(),
                        std::make_unique<IntakeGrpcService>(std::move(counting))});
    host_ = pif::testing::StartTestHost(std::move(services), identity_.CallAuth(), Tls().Server());
    ASSERT_NE(host_, nullptr);
    const std::string token = identity_.TokenWithEveryRole({kCouncil, kOtherCouncil});
    stub_ = v1::IntakeService::NewStub(pif::testing::ChannelTo(*host_, token, Tls().Person()));
    service_stub_ =
        v1::IntakeService::NewStub(pif::testing::ChannelTo(*host_, token, Tls().Service()));
  }

  grpc::Status Send(const std::vector<v1::SubmitRecordsRequest>& stream,
                    v1::SubmitRecordsResponse* response) {
    grpc::ClientContext context;
    auto writer = stub_->SubmitRecords(&context, response);
    for (const v1::SubmitRecordsRequest& request : stream) {
      if (!writer->Write(request)) break;
    }
    writer->WritesDone();
    return writer->Finish();
  }

  common::v1::SubmissionSummary MustSubmit(const std::string& batch_id,
                                           const std::vector<v1::SubmittedRecord>& records,
                                           const std::string& council = kCouncil) {
    v1::SubmitRecordsResponse response;
    const grpc::Status status = Send(Stream(council, batch_id, records), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.summary();
  }

  grpc::Status ListRejections(const v1::ListRejectionsRequest& request,
                              v1::ListRejectionsResponse* response) {
    grpc::ClientContext context;
    return stub_->ListRejections(&context, request, response);
  }

  // The snapshot stream: every message, and the status it ended with.
  grpc::Status Export(const v1::ExportSnapshotRequest& request,
                      std::vector<v1::ExportSnapshotResponse>* messages) {
    grpc::ClientContext context;
    auto reader = service_stub_->ExportSnapshot(&context, request);
    v1::ExportSnapshotResponse message;
    while (reader->Read(&message)) messages->push_back(message);
    return reader->Finish();
  }

  grpc::Status Delete(const v1::DeleteRecordRequest& request, v1::DeleteRecordResponse* response) {
    grpc::ClientContext context;
    return stub_->DeleteRecord(&context, request, response);
  }

  int64_t StoredVersion() { return store_->GetDataVersion(kCouncil)->version; }

  TestIdentityProvider identity_;
  std::unique_ptr<FakeSubmissionStore> fake_;
  FakeSubmissionStore* store_ = nullptr;
  CountingSubmissionStore* counting_ = nullptr;
  std::unique_ptr<ServiceHost> host_;
  // A person's client (pifctl's certificate) and a pif service's, both with kCaller's token.
  std::unique_ptr<v1::IntakeService::Stub> stub_;
  std::unique_ptr<v1::IntakeService::Stub> service_stub_;
};

// ---- SubmitRecords ------------------------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, ASubmissionStoresValidRecordsAndReportsEachRejection) {
  const common::v1::SubmissionSummary summary = MustSubmit(
      "B1",
      {Child("C1"), FromFile(Raw("Child", {{"person_id", "C2"}, {"sex", "Q"}}), "children.csv", 3),
       Raw("Alien", {{"id", "X"}}), Episode("E1", "C1")});
  EXPECT_EQ(summary.council(), kCouncil);
  EXPECT_EQ(summary.batch_id(), "B1");
  EXPECT_EQ(summary.data_version(), 1);
  EXPECT_EQ(summary.accepted_count(), 2);
  EXPECT_EQ(summary.rejected_count(), 2);
  EXPECT_FALSE(summary.replayed());
  ASSERT_EQ(summary.rejections_size(), 2);
  EXPECT_EQ(summary.rejections(0).position(), 2);
  EXPECT_EQ(summary.rejections(0).rejection_id(), "B1#2");
  EXPECT_EQ(summary.rejections(0).source().file(), "children.csv");
  EXPECT_EQ(summary.rejections(0).source().row(), 3);
  EXPECT_EQ(summary.rejections(0).errors(0).rule_code(), "UNKNOWN_CODE");
  EXPECT_EQ(summary.rejections(1).errors(0).rule_code(), "UNKNOWN_RECORD_TYPE");
  EXPECT_THAT(*submission::testing::StoredRecords(*store_, kCouncil),
              ElementsAre("Child C1", "CareEpisode E1"));
  // The batch is audited under the caller as the adapter names it.
  const absl::StatusOr<submission::BatchAudit> audit = store_->GetBatch(kCouncil, "B1");
  ASSERT_TRUE(audit.ok());
  EXPECT_THAT(audit->caller, ::testing::Eq(kCaller));
  EXPECT_EQ(audit->source_system, "adapter test");
}

TEST_F(IntakeGrpcServiceTest, ABatchIdSentAgainGetsTheFirstSummaryAndChangesNothing) {
  const common::v1::SubmissionSummary first = MustSubmit("B1", {Child("C1")});
  const common::v1::SubmissionSummary again = MustSubmit("B1", {Child("C2"), Child("C3")});
  EXPECT_TRUE(again.replayed());
  EXPECT_EQ(again.data_version(), first.data_version());
  EXPECT_EQ(again.accepted_count(), 1);
  EXPECT_EQ(again.committed_at().seconds(), first.committed_at().seconds());
  EXPECT_EQ(StoredVersion(), 1);
}

TEST_F(IntakeGrpcServiceTest, ABrokenStreamIsRefusedNamingTheFieldAndCommitsNothing) {
  v1::SubmitRecordsResponse response;
  std::vector<v1::SubmitRecordsRequest> stream = Stream("S12", "B1", {Child("C1")});
  grpc::Status status = Send(stream, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(Violations(status), ElementsAre("header.council:MALFORMED_COUNCIL"));

  stream = Stream(kCouncil, "", {Child("C1")});
  EXPECT_THAT(Violations(Send(stream, &response)),
              ElementsAre("header.batch_id:REQUIRED_FIELD_MISSING"));

  stream = Stream(kCouncil, "B1", {Child("C1")});
  EXPECT_THAT(Violations(Send({stream[1], stream[0], stream[2]}, &response)),
              ElementsAre("header:BATCH_HEADER_MISSING"));
  EXPECT_THAT(Violations(Send({stream[0], stream[1]}, &response)),
              ElementsAre("end:BATCH_END_MISSING"));
  EXPECT_THAT(Violations(Send({stream[0], stream[1], stream[2], stream[1]}, &response)),
              ElementsAre("end:MESSAGE_AFTER_BATCH_END"));
  EXPECT_THAT(Violations(Send({stream[0], stream[1], stream[0], stream[2]}, &response)),
              ElementsAre("content:UNEXPECTED_MESSAGE"));
  stream[2].mutable_end()->set_record_count(2);
  EXPECT_THAT(Violations(Send(stream, &response)),
              ElementsAre("end.record_count:RECORD_COUNT_MISMATCH"));
  EXPECT_EQ(StoredVersion(), 0);
  EXPECT_EQ(store_->GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(IntakeGrpcServiceTest, AStoreThatCannotBeReachedIsUnavailable) {
  store_->FailEveryCall(absl::UnavailableError("the database is not answering"));
  v1::SubmitRecordsResponse response;
  EXPECT_EQ(Send(Stream(kCouncil, "B1", {Child("C1")}), &response).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  grpc::ClientContext context;
  v1::GetDataVersionRequest request;
  request.set_council(kCouncil);
  v1::GetDataVersionResponse version;
  EXPECT_EQ(service_stub_->GetDataVersion(&context, request, &version).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

// ---- GetBatch and ListBatches -------------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, GetBatchGivesTheAuditOfOneOfTheCouncilsBatches) {
  MustSubmit("B1", {Child("C1"), Raw("Child", {{"person_id", "C2"}})});
  grpc::ClientContext context;
  v1::GetBatchRequest request;
  request.set_council(kCouncil);
  request.set_batch_id("B1");
  v1::GetBatchResponse response;
  ASSERT_TRUE(stub_->GetBatch(&context, request, &response).ok());
  EXPECT_EQ(response.batch().batch_id(), "B1");
  EXPECT_EQ(response.batch().source_system(), "adapter test");
  EXPECT_THAT(response.batch().caller(), ::testing::Eq(kCaller));
  EXPECT_EQ(response.batch().accepted_count(), 1);
  EXPECT_EQ(response.batch().rejected_count(), 1);
  ASSERT_EQ(response.batch().record_type_counts_size(), 1);
  EXPECT_EQ(response.batch().record_type_counts(0).record_type(), "Child");

  request.set_council(kOtherCouncil);
  grpc::ClientContext other;
  EXPECT_EQ(stub_->GetBatch(&other, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
  request.set_batch_id("");
  grpc::ClientContext missing;
  EXPECT_THAT(Violations(stub_->GetBatch(&missing, request, &response)),
              ElementsAre("batch_id:REQUIRED_FIELD_MISSING"));
}

TEST_F(IntakeGrpcServiceTest, ListBatchesPagesTheCouncilsBatchesNewestFirst) {
  for (const char* id : {"B1", "B2", "B3"}) MustSubmit(id, {});
  MustSubmit("B9", {}, kOtherCouncil);
  v1::ListBatchesRequest request;
  request.set_council(kCouncil);
  request.set_page_size(2);
  std::vector<std::string> ids;
  for (int page = 0; page < 3; ++page) {
    grpc::ClientContext context;
    v1::ListBatchesResponse response;
    ASSERT_TRUE(stub_->ListBatches(&context, request, &response).ok());
    for (const common::v1::Batch& batch : response.batches()) ids.push_back(batch.batch_id());
    request.set_page_token(response.next_page_token());
    if (response.next_page_token().empty()) break;
  }
  EXPECT_THAT(ids, ElementsAre("B3", "B2", "B1"));
  grpc::ClientContext bad_token;
  request.set_page_token("?");
  v1::ListBatchesResponse response;
  EXPECT_THAT(Violations(stub_->ListBatches(&bad_token, request, &response)),
              ElementsAre("page_token:MALFORMED_PAGE_TOKEN"));
  grpc::ClientContext negative;
  request.set_page_token("");
  request.set_page_size(-1);
  EXPECT_THAT(Violations(stub_->ListBatches(&negative, request, &response)),
              ElementsAre("page_size:OUT_OF_RANGE"));
}

// ---- ListRejections and GetRejection ------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, RejectionsArePagedFilteredByTypeAndCountedWhole) {
  MustSubmit("B1", {Raw("Child", {{"person_id", "C1"}}), Raw("Child", {{"person_id", "C2"}}),
                    Raw("CareEpisode", {{"episode_id", "E1"}})});
  MustSubmit("B9", {Raw("Child", {{"person_id", "C9"}})}, kOtherCouncil);
  v1::ListRejectionsRequest request;
  request.set_council(kCouncil);
  request.set_page_size(2);
  std::vector<std::string> ids;
  for (int page = 0; page < 3; ++page) {
    v1::ListRejectionsResponse response;
    ASSERT_TRUE(ListRejections(request, &response).ok());
    EXPECT_EQ(response.open_count(), 3);
    for (const auto& rejection : response.rejections()) {
      ids.push_back(rejection.rejection().rejection_id());
      EXPECT_EQ(rejection.state(), common::v1::REJECTION_STATE_OPEN);
    }
    request.set_page_token(response.next_page_token());
    if (response.next_page_token().empty()) break;
  }
  EXPECT_THAT(ids, ElementsAre("B1#1", "B1#2", "B1#3"));

  request.set_page_token("");
  request.set_record_type(v1::RECORD_TYPE_CARE_EPISODE);
  v1::ListRejectionsResponse episodes;
  ASSERT_TRUE(ListRejections(request, &episodes).ok());
  ASSERT_EQ(episodes.rejections_size(), 1);
  EXPECT_EQ(episodes.rejections(0).rejection().record_type(), "CareEpisode");
  // The open count is the council's whole figure, whatever the filters.
  EXPECT_EQ(episodes.open_count(), 3);

  request.set_record_type(static_cast<v1::RecordType>(99));
  v1::ListRejectionsResponse unknown;
  EXPECT_THAT(Violations(ListRejections(request, &unknown)),
              ElementsAre("record_type:UNKNOWN_RECORD_TYPE"));
  request.set_record_type(v1::RECORD_TYPE_UNSPECIFIED);
  request.set_council("nowhere");
  EXPECT_THAT(Violations(ListRejections(request, &unknown)),
              ElementsAre("council:MALFORMED_COUNCIL"));
}

TEST_F(IntakeGrpcServiceTest, ARejectionComesBackAsItWasSentTypedOrRaw) {
  v1::SubmittedRecord bad_date = Episode("E1", "C1");
  bad_date.mutable_record()->mutable_care_episode()->mutable_start_date()->set_month(13);
  MustSubmit("B1", {bad_date, Raw("Child", {{"person_id", "C2"}, {"sex", "Q"}})});
  v1::GetRejectionRequest request;
  request.set_council(kCouncil);
  request.set_rejection_id("B1#1");
  v1::GetRejectionResponse typed;
  grpc::ClientContext first;
  ASSERT_TRUE(stub_->GetRejection(&first, request, &typed).ok());
  ASSERT_TRUE(typed.has_record());
  EXPECT_EQ(typed.record().care_episode().start_date().month(), 13);
  EXPECT_EQ(typed.rejection().rejection().errors(0).rule_code(), "MALFORMED_DATE");
  EXPECT_EQ(typed.rejection().rejection().errors(0).value(), "2023-13-01");

  request.set_rejection_id("B1#2");
  v1::GetRejectionResponse raw;
  grpc::ClientContext second;
  ASSERT_TRUE(stub_->GetRejection(&second, request, &raw).ok());
  ASSERT_TRUE(raw.has_raw());
  EXPECT_EQ(raw.raw().record_type(), "Child");
  ASSERT_EQ(raw.raw().fields_size(), 2);
  EXPECT_EQ(raw.raw().fields(1).text(), "Q");

  // Another council's rejection id is not found, and the id is required.
  request.set_council(kOtherCouncil);
  grpc::ClientContext other;
  EXPECT_EQ(stub_->GetRejection(&other, request, &raw).error_code(), grpc::StatusCode::NOT_FOUND);
  request.set_rejection_id("");
  grpc::ClientContext missing;
  EXPECT_THAT(Violations(stub_->GetRejection(&missing, request, &raw)),
              ElementsAre("rejection_id:REQUIRED_FIELD_MISSING"));
}

// ---- ExportSnapshot -----------------------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, ASnapshotIsTheHeaderThenChunksOfTheAskedSizeInSchemaOrder) {
  MustSubmit("B1", {Episode("E1", "C1"), Child("C3"), Child("C1"), Child("C2"), Child("C4")});
  v1::ExportSnapshotRequest request;
  request.set_council(kCouncil);
  request.set_max_records_per_chunk(2);
  std::vector<v1::ExportSnapshotResponse> messages;
  ASSERT_TRUE(Export(request, &messages).ok());
  ASSERT_EQ(messages.size(), 4u);
  ASSERT_TRUE(messages[0].has_header());
  const v1::SnapshotHeader& header = messages[0].header();
  EXPECT_EQ(header.council(), kCouncil);
  EXPECT_EQ(header.data_version(), 1);
  EXPECT_TRUE(header.has_taken_at());
  ASSERT_EQ(header.record_counts_size(), 15);
  EXPECT_EQ(header.record_counts(0).record_type(), v1::RECORD_TYPE_CHILD);
  EXPECT_EQ(header.record_counts(0).count(), 4);
  EXPECT_EQ(header.record_counts(5).record_type(), v1::RECORD_TYPE_CARE_EPISODE);
  EXPECT_EQ(header.record_counts(5).count(), 1);
  std::vector<std::string> order;
  std::vector<int> sizes;
  for (size_t i = 1; i < messages.size(); ++i) {
    ASSERT_TRUE(messages[i].has_chunk());
    sizes.push_back(messages[i].chunk().records_size());
    for (const v1::Record& record : messages[i].chunk().records()) {
      order.push_back(record.has_child() ? record.child().person_id()
                                         : record.care_episode().episode_id());
    }
  }
  EXPECT_THAT(sizes, ElementsAre(2, 2, 1));
  EXPECT_THAT(order, ElementsAre("C1", "C2", "C3", "C4", "E1"));
  EXPECT_EQ(messages[1].chunk().records(0).child().dob().year(), 2012);
}

TEST_F(IntakeGrpcServiceTest, ASnapshotOfChosenTypesHasTheDefaultChunkSize) {
  std::vector<v1::SubmittedRecord> children;
  for (int i = 0; i < 1001; ++i) children.push_back(Child(absl::StrCat("C", i)));
  children.push_back(Episode("E1", "C1"));
  MustSubmit("B1", children);
  v1::ExportSnapshotRequest request;
  request.set_council(kCouncil);
  request.add_record_types(v1::RECORD_TYPE_CHILD);
  std::vector<v1::ExportSnapshotResponse> messages;
  ASSERT_TRUE(Export(request, &messages).ok());
  ASSERT_EQ(messages.size(), 3u);
  ASSERT_EQ(messages[0].header().record_counts_size(), 1);
  EXPECT_EQ(messages[0].header().record_counts(0).count(), 1001);
  EXPECT_EQ(messages[1].chunk().records_size(), 1000);
  EXPECT_EQ(messages[2].chunk().records_size(), 1);
  // An empty council: the header alone.
  request.set_council(kOtherCouncil);
  messages.clear();
  ASSERT_TRUE(Export(request, &messages).ok());
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].header().data_version(), 0);
}

TEST_F(IntakeGrpcServiceTest, ASnapshotRequestIsCheckedBeforeAnythingIsSent) {
  v1::ExportSnapshotRequest request;
  request.set_council("S1200003");
  std::vector<v1::ExportSnapshotResponse> messages;
  EXPECT_THAT(Violations(Export(request, &messages)), ElementsAre("council:MALFORMED_COUNCIL"));
  request.set_council(kCouncil);
  request.set_max_records_per_chunk(-1);
  EXPECT_THAT(Violations(Export(request, &messages)),
              ElementsAre("max_records_per_chunk:OUT_OF_RANGE"));
  request.set_max_records_per_chunk(0);
  request.add_record_types(v1::RECORD_TYPE_CHILD);
  request.add_record_types(v1::RECORD_TYPE_UNSPECIFIED);
  EXPECT_THAT(Violations(Export(request, &messages)),
              ElementsAre("record_types[1]:UNKNOWN_RECORD_TYPE"));
  EXPECT_THAT(messages, IsEmpty());
}

// ---- GetDataVersion -----------------------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, TheDataVersionIsZeroUntilABatchThenNamesTheLastBatch) {
  v1::GetDataVersionRequest request;
  request.set_council(kCouncil);
  v1::GetDataVersionResponse before;
  grpc::ClientContext first;
  ASSERT_TRUE(service_stub_->GetDataVersion(&first, request, &before).ok());
  EXPECT_EQ(before.council(), kCouncil);
  EXPECT_EQ(before.data_version(), 0);
  EXPECT_FALSE(before.has_changed_at());
  MustSubmit("B1", {Child("C1")});
  MustSubmit("B2", {});
  v1::GetDataVersionResponse after;
  grpc::ClientContext second;
  ASSERT_TRUE(service_stub_->GetDataVersion(&second, request, &after).ok());
  EXPECT_EQ(after.data_version(), 2);
  EXPECT_EQ(after.last_batch_id(), "B2");
  EXPECT_TRUE(after.has_changed_at());
  request.set_council("");
  grpc::ClientContext missing;
  EXPECT_THAT(Violations(service_stub_->GetDataVersion(&missing, request, &after)),
              ElementsAre("council:REQUIRED_FIELD_MISSING"));
}

// ---- DeleteRecord -------------------------------------------------------------------------

TEST_F(IntakeGrpcServiceTest, DeleteRecordTakesOutARecordWithItsReasonAndCaller) {
  MustSubmit("B1", {Child("C1"), Episode("E1", "C1"), Raw("Child", {{"person_id", "C2"}})});
  v1::DeleteRecordRequest request;
  request.set_council(kCouncil);
  request.set_record_type(v1::RECORD_TYPE_CARE_EPISODE);
  request.set_record_id("E1");
  request.set_reason("sent for the wrong child");
  v1::DeleteRecordResponse response;
  ASSERT_TRUE(Delete(request, &response).ok());
  EXPECT_FALSE(response.deletion_id().empty());
  EXPECT_EQ(response.data_version(), 2);
  EXPECT_TRUE(response.has_deleted_at());
  EXPECT_EQ(response.cleared_rejection_count(), 0);
  const std::vector<submission::testing::RecordedDeletion> deletions = store_->Deletions(kCouncil);
  ASSERT_EQ(deletions.size(), 1u);
  EXPECT_EQ(deletions[0].record_type, "CareEpisode");
  EXPECT_EQ(deletions[0].reason, "sent for the wrong child");
  EXPECT_THAT(deletions[0].caller, ::testing::Eq(kCaller));

  // A record only ever rejected: its rejections are cleared.
  request.set_record_type(v1::RECORD_TYPE_CHILD);
  request.set_record_id("C2");
  ASSERT_TRUE(Delete(request, &response).ok());
  EXPECT_EQ(response.cleared_rejection_count(), 1);
  // Nothing with that id, stored or rejected.
  EXPECT_EQ(Delete(request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(IntakeGrpcServiceTest, DeleteRecordChecksEveryArgumentBeforeTheStore) {
  MustSubmit("B1", {Child("C1")});
  v1::DeleteRecordRequest valid;
  valid.set_council(kCouncil);
  valid.set_record_type(v1::RECORD_TYPE_CHILD);
  valid.set_record_id("C1");
  valid.set_reason("sent in error");
  v1::DeleteRecordResponse response;
  v1::DeleteRecordRequest request = valid;
  request.set_council("s12000033");
  EXPECT_THAT(Violations(Delete(request, &response)), ElementsAre("council:MALFORMED_COUNCIL"));
  request = valid;
  request.set_record_type(v1::RECORD_TYPE_UNSPECIFIED);
  EXPECT_THAT(Violations(Delete(request, &response)),
              ElementsAre("record_type:UNKNOWN_RECORD_TYPE"));
  request = valid;
  request.set_record_id("");
  EXPECT_THAT(Violations(Delete(request, &response)),
              ElementsAre("record_id:REQUIRED_FIELD_MISSING"));
  request = valid;
  request.set_reason("");
  EXPECT_THAT(Violations(Delete(request, &response)), ElementsAre("reason:REQUIRED_FIELD_MISSING"));
  request.set_reason(std::string(2001, 'x'));
  EXPECT_THAT(Violations(Delete(request, &response)), ElementsAre("reason:VALUE_TOO_LONG"));
  EXPECT_THAT(store_->Deletions(kCouncil), IsEmpty());
  EXPECT_EQ(StoredVersion(), 1);
  ASSERT_TRUE(Delete(valid, &response).ok());
  EXPECT_THAT(store_->Deletions(kCouncil), ::testing::SizeIs(1));
}

// ---- Who may call what --------------------------------------------------------------------

// Every rpc of the service, from its descriptor: refused without a token (even when malformed),
// for another council, without its roles and, when services-only, from a person's client, with
// the store untouched; served for the right role and council.
TEST_F(IntakeGrpcServiceTest, EveryRpcAuthorizesItsCallerBeforeTheStore) {
  MustSubmit("B0", {Child("C1"), Raw("Child", {{"person_id", "C2"}, {"sex", "Q"}})});
  using pif::testing::Serialized;
  pif::testing::AuthorizationMatrix matrix;
  matrix.service = v1::IntakeService::service_full_name();
  matrix.identity = &identity_;
  matrix.channel = [this](bool as_service) {
    return pif::testing::ChannelTo(*host_, "", as_service ? Tls().Service() : Tls().Person());
  };
  matrix.footprint = [this] { return counting_->Footprint(); };
  matrix.calls["SubmitRecords"].messages = [](const std::string& council) {
    std::vector<std::string> messages;
    for (const v1::SubmitRecordsRequest& message : Stream(council, "M1", {Child("C9")})) {
      messages.push_back(message.SerializeAsString());
    }
    return messages;
  };
  matrix.calls["GetBatch"].messages = [](const std::string& council) {
    v1::GetBatchRequest request;
    request.set_council(council);
    request.set_batch_id("B0");
    return Serialized(request);
  };
  matrix.calls["ListBatches"].messages = [](const std::string& council) {
    v1::ListBatchesRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["ListRejections"].messages = [](const std::string& council) {
    v1::ListRejectionsRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["GetRejection"].messages = [](const std::string& council) {
    v1::GetRejectionRequest request;
    request.set_council(council);
    request.set_rejection_id("B0#2");
    return Serialized(request);
  };
  matrix.calls["ExportSnapshot"].messages = [](const std::string& council) {
    v1::ExportSnapshotRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["GetDataVersion"].messages = [](const std::string& council) {
    v1::GetDataVersionRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["DeleteRecord"].messages = [](const std::string& council) {
    v1::DeleteRecordRequest request;
    request.set_council(council);
    request.set_record_type(v1::RECORD_TYPE_CHILD);
    request.set_record_id("C1");
    request.set_reason("sent in error");
    return Serialized(request);
  };
  matrix.calls["EraseChild"].messages = [](const std::string& council) {
    v1::EraseChildRequest request;
    request.set_council(council);
    request.set_person_id("C1");
    request.set_reason("erasure request 17");
    request.set_request_id("erase-1");
    return Serialized(request);
  };
  pif::testing::ExpectEveryRpcAuthorizes(matrix);
}

TEST_F(IntakeGrpcServiceTest, ASubmissionForAnotherCouncilIsRefusedBeforeAnythingIsStaged) {
  auto stub = v1::IntakeService::NewStub(pif::testing::ChannelTo(
      *host_, identity_.Token({auth::Role::kSubmitter}, {kCouncil}), Tls().Person()));
  grpc::ClientContext context;
  v1::SubmitRecordsResponse response;
  auto writer = stub->SubmitRecords(&context, &response);
  for (const v1::SubmitRecordsRequest& request : Stream(kOtherCouncil, "B1", {Child("C1")})) {
    if (!writer->Write(request)) break;
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message().find(kOtherCouncil), std::string::npos);
  EXPECT_EQ(counting_->calls(), 0);
  EXPECT_EQ(store_->GetDataVersion(kOtherCouncil)->version, 0);
}

}  // namespace
}  // namespace pif::intake
