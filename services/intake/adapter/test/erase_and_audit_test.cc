// EraseChild and the access audit of intake's child-level reads, in process: a real server on
// port 0 (ServiceHost with mutual TLS, tokens from a test identity provider, a fake audit log)
// hosting IntakeGrpcService over the fake submission store of the case schema. The callers are
// the pif-indicators service identity (snapshots) and a person's pifctl certificate.
#include <grpcpp/client_context.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/audit/testing/fake_audit_log.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/grpc/status_mapping.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/intake/adapter/intake_grpc_service.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/submission/redaction.h"
#include "pif/submission/testing/fake_store.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/testing/test_certificates.h"

namespace pif::intake {
namespace {

using audit::AuditRecord;
using submission::testing::FakeSubmissionStore;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";
constexpr char kEraseMethod[] = "/pif.intake.v1.IntakeService/EraseChild";

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

v1::SubmittedRecord Placement(const std::string& id, const std::string& episode) {
  return Typed(
      absl::StrCat("placement { placement_id: '", id, "' episode_id: '", episode,
                   "' start_date { year: 2023 month: 2 day: 1 } type: PLACEMENT_TYPE_KIN }"));
}

// A record sent as text cells; a malformed cell gets it rejected on its own.
v1::SubmittedRecord Raw(const std::string& type,
                        const std::vector<std::pair<std::string, std::string>>& cells) {
  v1::SubmittedRecord submitted;
  *submitted.mutable_raw() = submission_grpc::ToRawRecord(type, cells);
  return submitted;
}

class EraseAndAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = pif::testing::MakeTestCertificates(
        {"ca"}, {{"server", "ca"}, {"pif-indicators", "ca"}, {"pifctl", "ca"}});
    ASSERT_TRUE(dir.ok()) << dir.status();
    dir_ = *dir;
    auto store = std::make_unique<FakeSubmissionStore>(CaseSchema());
    store_ = store.get();
    std::vector<HostedService> services;
    services.push_back({v1::IntakeService::service_full_name(),
                        std::make_unique<IntakeGrpcService>(std::move(store))});
    ServerOptions options;
    options.service_name = "intake";
    options.listen = "127.0.0.1:0";
    options.tls = Files("server");
    auto auth = std::make_shared<CallAuthOptions>(*identity_.CallAuth());
    auth->service_identities = {"pif-indicators"};
    auto host = ServiceHost::Start(options, std::move(services), nullptr, auth, log_);
    ASSERT_TRUE(host.ok()) << host.status();
    host_ = *std::move(host);
    person_ = Stub("pifctl");
    service_ = Stub("pif-indicators");
  }

  TlsFiles Files(const std::string& party) const {
    return {dir_ + "/ca.pem", dir_ + "/" + party + ".pem", dir_ + "/" + party + ".key"};
  }

  std::unique_ptr<v1::IntakeService::Stub> Stub(const std::string& party) const {
    ClientOptions client;
    client.tls = **LoadTls(Files(party));
    return v1::IntakeService::NewStub(
        OpenChannel(absl::StrCat("localhost:", host_->port()), client));
  }

  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::string& council = kCouncil) const {
    return identity_.TokenWithRoleNames(subject, roles, {council});
  }

  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
    auto context = std::make_unique<grpc::ClientContext>();
    if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
    return context;
  }

  void Submit(const std::string& batch_id, const std::vector<v1::SubmittedRecord>& records) {
    auto context = Context(Token("sender", {"submitter"}));
    v1::SubmitRecordsResponse response;
    auto writer = person_->SubmitRecords(context.get(), &response);
    v1::SubmitRecordsRequest request;
    request.mutable_header()->set_council(kCouncil);
    request.mutable_header()->set_batch_id(batch_id);
    writer->Write(request);
    request.Clear();
    for (const v1::SubmittedRecord& record : records) {
      *request.mutable_chunk()->add_records() = record;
    }
    writer->Write(request);
    request.Clear();
    request.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
    writer->Write(request);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status Erase(const std::string& token, const std::string& person,
                     const std::string& request_id, v1::EraseChildResponse* response,
                     const std::string& council = kCouncil) {
    v1::EraseChildRequest request;
    request.set_council(council);
    request.set_person_id(person);
    request.set_reason("subject access request SAR-17");
    request.set_request_id(request_id);
    return person_->EraseChild(Context(token).get(), request, response);
  }

  // The person ids of the children (and the count of every record) a snapshot holds.
  std::vector<std::string> ChildrenInSnapshot(int64_t* records = nullptr) {
    auto context = Context(Token("analyst", {"analyst"}));
    v1::ExportSnapshotRequest request;
    request.set_council(kCouncil);
    auto reader = service_->ExportSnapshot(context.get(), request);
    v1::ExportSnapshotResponse message;
    std::vector<std::string> children;
    int64_t count = 0;
    while (reader->Read(&message)) {
      for (const v1::Record& record : message.chunk().records()) {
        ++count;
        if (record.has_child()) children.push_back(record.child().person_id());
      }
    }
    const grpc::Status status = reader->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (records != nullptr) *records = count;
    return children;
  }

  // The audit records of `method`, in order.
  std::vector<AuditRecord> Audited(const std::string& method) const {
    std::vector<AuditRecord> found;
    for (const AuditRecord& record : log_->Records()) {
      if (record.method == method) found.push_back(record);
    }
    return found;
  }

  std::string dir_;
  pif::testing::TestIdentityProvider identity_;
  std::shared_ptr<audit::testing::FakeAuditLog> log_ =
      std::make_shared<audit::testing::FakeAuditLog>();
  FakeSubmissionStore* store_ = nullptr;
  std::unique_ptr<ServiceHost> host_;
  std::unique_ptr<v1::IntakeService::Stub> person_;
  std::unique_ptr<v1::IntakeService::Stub> service_;
};

TEST_F(EraseAndAuditTest, AnAdministratorErasesOneChildWithWhatHangsOffItAndIsAudited) {
  Submit("B1", {Child("C1"), Episode("E1", "C1"), Placement("PL1", "E1"), Child("C2"),
                Episode("E2", "C2")});
  const int64_t version_before = store_->GetDataVersion(kCouncil)->version;
  v1::EraseChildResponse response;
  const grpc::Status status = Erase(Token("admin@council", {"admin"}), "C1", "erase-1", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<std::string> erased;
  for (const v1::RecordCount& count : response.erased()) {
    erased.push_back(absl::StrCat(v1::RecordType_Name(count.record_type()), "=", count.count()));
  }
  EXPECT_THAT(erased, ElementsAre("RECORD_TYPE_CHILD=1", "RECORD_TYPE_CARE_EPISODE=1",
                                  "RECORD_TYPE_PLACEMENT=1"));
  EXPECT_EQ(response.data_version(), version_before + 1);
  EXPECT_FALSE(response.replayed());
  int64_t records = 0;
  EXPECT_THAT(ChildrenInSnapshot(&records), ElementsAre("C2"));
  EXPECT_EQ(records, 2);  // C2 and E2 untouched

  const std::vector<AuditRecord> audited = Audited(kEraseMethod);
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0].code, "OK");
  EXPECT_EQ(audited[0].caller, "user=admin@council certificate=pifctl");
  EXPECT_EQ(audited[0].council, kCouncil);
  EXPECT_THAT(audited[0].children, ElementsAre("C1"));
  EXPECT_EQ(audited[0].records_written, 3);

  // The same request again: the first answer, nothing more erased or written.
  v1::EraseChildResponse replay;
  ASSERT_TRUE(Erase(Token("admin@council", {"admin"}), "C1", "erase-1", &replay).ok());
  EXPECT_TRUE(replay.replayed());
  EXPECT_EQ(replay.data_version(), response.data_version());
  EXPECT_EQ(replay.erased_size(), 3);
  EXPECT_EQ(store_->GetDataVersion(kCouncil)->version, response.data_version());
  EXPECT_EQ(Audited(kEraseMethod).back().records_written, 0);
}

TEST_F(EraseAndAuditTest, NothingOfThePersonIsNotFoundAndARequestIdIsNotReusedForAnother) {
  Submit("B1", {Child("C1"), Child("C2")});
  const std::string admin = Token("admin@council", {"admin"});
  v1::EraseChildResponse response;
  EXPECT_EQ(Erase(admin, "NOBODY", "erase-0", &response).error_code(), grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(Erase(admin, "C1", "erase-1", &response).ok());
  const grpc::Status reused = Erase(admin, "C2", "erase-1", &response);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolationsOf(FromGrpcStatus(reused)).at(0).rule_code, "REQUEST_ID_REUSED");
  EXPECT_THAT(ChildrenInSnapshot(), ElementsAre("C2"));
  const std::vector<AuditRecord> audited = Audited(kEraseMethod);
  ASSERT_EQ(audited.size(), 3u);
  EXPECT_EQ(audited[0].code, "NOT_FOUND");
  EXPECT_THAT(audited[0].children, ElementsAre("NOBODY"));
  EXPECT_EQ(audited[2].code, "INVALID_ARGUMENT");
  EXPECT_THAT(audited[2].children, ElementsAre("C2"));
}

TEST_F(EraseAndAuditTest, EveryArgumentIsCheckedBeforeTheStore) {
  Submit("B1", {Child("C1")});
  const std::string admin = Token("admin@council", {"admin"});
  auto violation = [&](v1::EraseChildRequest request) {
    v1::EraseChildResponse response;
    const grpc::Status status = person_->EraseChild(Context(admin).get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    const auto violations = FieldViolationsOf(FromGrpcStatus(status));
    return violations.empty() ? std::string() : violations[0].field + ":" + violations[0].rule_code;
  };
  v1::EraseChildRequest request;
  request.set_council(kCouncil);
  request.set_person_id("C1");
  request.set_reason("SAR-17");
  request.set_request_id("erase-1");
  v1::EraseChildRequest no_person = request;
  no_person.clear_person_id();
  EXPECT_EQ(violation(no_person), "person_id:REQUIRED_FIELD_MISSING");
  v1::EraseChildRequest no_reason = request;
  no_reason.clear_reason();
  EXPECT_EQ(violation(no_reason), "reason:REQUIRED_FIELD_MISSING");
  v1::EraseChildRequest no_request_id = request;
  no_request_id.clear_request_id();
  EXPECT_EQ(violation(no_request_id), "request_id:REQUIRED_FIELD_MISSING");
  v1::EraseChildRequest bad_request_id = request;
  bad_request_id.set_request_id(std::string(129, 'x'));
  EXPECT_EQ(violation(bad_request_id), "request_id:MALFORMED_REQUEST_ID");
  EXPECT_THAT(ChildrenInSnapshot(), ElementsAre("C1"));
}

TEST_F(EraseAndAuditTest, OnlyAnAdministratorOfTheCouncilErasesAndRefusalsAreAudited) {
  Submit("B1", {Child("C1")});
  v1::EraseChildResponse response;
  EXPECT_EQ(Erase("", "C1", "e1", &response).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Erase(Token("sender", {"submitter", "analyst", "auditor"}), "C1", "e2", &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(
      Erase(Token("admin@elsewhere", {"admin"}, kOtherCouncil), "C1", "e3", &response).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(ChildrenInSnapshot(), ElementsAre("C1"));
  std::vector<std::string> outcomes;
  for (const AuditRecord& record : Audited(kEraseMethod)) {
    outcomes.push_back(record.code + " " + record.caller);
    EXPECT_THAT(record.children, IsEmpty());  // nothing of a refused request is noted
  }
  EXPECT_THAT(outcomes, ElementsAre("UNAUTHENTICATED certificate=pifctl",
                                    "PERMISSION_DENIED user=sender certificate=pifctl",
                                    "PERMISSION_DENIED user=admin@elsewhere certificate=pifctl"));
}

TEST_F(EraseAndAuditTest, ChildLevelReadsAreAuditedWithTheChildrenTheyRead) {
  Submit("B1", {Child("C1"), Episode("E1", "C1"), Child("C2"),
                Raw("CareEpisode",
                    {{"episode_id", "E9"}, {"person_id", "C3"}, {"start_date", "2023-13-01"}})});
  int64_t records = 0;
  ChildrenInSnapshot(&records);
  const std::vector<AuditRecord> exports = Audited("/pif.intake.v1.IntakeService/ExportSnapshot");
  ASSERT_EQ(exports.size(), 1u);
  EXPECT_EQ(exports[0].records_read, records);
  EXPECT_THAT(exports[0].children, UnorderedElementsAre("C1", "C2"));
  EXPECT_THAT(exports[0].caller, HasSubstr("pif-indicators"));

  const std::string sender = Token("sender", {"submitter"});
  v1::ListRejectionsRequest list;
  list.set_council(kCouncil);
  v1::ListRejectionsResponse listed;
  ASSERT_TRUE(person_->ListRejections(Context(sender).get(), list, &listed).ok());
  ASSERT_EQ(listed.rejections_size(), 1);  // E9, rejected on its own
  v1::GetRejectionRequest get;
  get.set_council(kCouncil);
  get.set_rejection_id(listed.rejections(0).rejection().rejection_id());
  v1::GetRejectionResponse got;
  ASSERT_TRUE(person_->GetRejection(Context(sender).get(), get, &got).ok());
  for (const char* method : {"/pif.intake.v1.IntakeService/ListRejections",
                             "/pif.intake.v1.IntakeService/GetRejection"}) {
    const std::vector<AuditRecord> reads = Audited(method);
    ASSERT_EQ(reads.size(), 1u) << method;
    EXPECT_EQ(reads[0].records_read, 1) << method;
    EXPECT_THAT(reads[0].children, ElementsAre("C3")) << method;
  }
  const std::vector<AuditRecord> submissions =
      Audited("/pif.intake.v1.IntakeService/SubmitRecords");
  ASSERT_EQ(submissions.size(), 1u);
  EXPECT_EQ(submissions[0].records_written, 3);
  EXPECT_THAT(submissions[0].children, IsEmpty());
}

TEST_F(EraseAndAuditTest, ACorrectedRejectionComesBackRedactedAndRaw) {
  Submit("B1", {Child("C1"), Episode("E1", "C1"),
                Raw("Placement", {{"placement_id", "PL1"},
                                  {"episode_id", "E1"},
                                  {"start_date", "2023-02-30"},
                                  {"type", "KIN"}})});
  Submit("B2", {Placement("PL1", "E1")});
  v1::GetRejectionRequest get;
  get.set_council(kCouncil);
  get.set_rejection_id("B1#3");
  v1::GetRejectionResponse got;
  const grpc::Status status =
      person_->GetRejection(Context(Token("sender", {"submitter"})).get(), get, &got);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(got.rejection().state(), common::v1::REJECTION_STATE_CLEARED);
  ASSERT_TRUE(got.has_raw());
  ASSERT_GT(got.raw().fields_size(), 0);
  for (const auto& field : got.raw().fields()) EXPECT_EQ(field.text(), submission::kRedacted);
  ASSERT_GT(got.rejection().rejection().errors_size(), 0);
  EXPECT_EQ(got.rejection().rejection().errors(0).rule_code(), "MALFORMED_DATE");
  EXPECT_EQ(got.rejection().rejection().errors(0).message(), submission::kRedacted);
}

}  // namespace
}  // namespace pif::intake
