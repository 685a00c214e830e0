// Access control end to end over the four real binaries (mutual TLS, the test identity
// provider): every refused call is refused with the right code, reads and changes nothing, and
// is in the answering service's audit (read back with an auditor's token through
// ListAuditRecords). Tokens: none, expired, not yet valid, another issuer, another audience, a
// bad signature, `alg: none`, HS256 signed with the public key, a role the rpc does not admit.
// Councils: a token for council A on every council-naming rpc of every service, for a council B
// with data and a council C without, answered identically. A person's certificate on a
// services-only rpc. Erasure of a child end to end, and the audit row of an answered call kept
// when the binary is killed (SIGKILL) right after the answer.
// (Plaintext, a foreign CA and an expired certificate are in transport_e2e_test.)
#include <grpcpp/grpcpp.h>
#include <openssl/evp.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/audit/v1/audit_service.grpc.pb.h"
#include "pif/auth/roles.h"
#include "pif/auth/rpc_rules.h"
#include "pif/auth/testing/test_keys.h"
#include "pif/auth/token_minter.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/testing/raw_call.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/proto_util/dates.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif {
namespace {

using intake::v1::IntakeService;
using intake::v1::SubmitRecordsRequest;
using intake::v1::SubmittedRecord;
using testing::BinaryPath;
using testing::RawCall;
using testing::RawCallResult;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;

// The council the callers act for, a council with data they may not act for, one without.
constexpr char kCouncilA[] = "S12000033";
constexpr char kCouncilB[] = "S12000036";
constexpr char kCouncilC[] = "S12000005";

// ---- tokens ---------------------------------------------------------------------------------

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The kid of the test identity provider's key, as its JWKS names it.
std::string TestKid() {
  const nlohmann::json jwks = nlohmann::json::parse(FileText(TestIdentity::Get().JwksFile()));
  return jwks.at("keys").at(0).at("kid").get<std::string>();
}

// The claims of a good token for `roles` in `councils`; each forgery changes one thing.
auth::TokenRequest GoodRequest(const std::vector<auth::Role>& roles,
                               const std::vector<std::string>& councils) {
  auth::TokenRequest request;
  request.issuer = testing::kTestIssuer;
  request.audience = testing::kTestAudience;
  request.subject = "access-e2e";
  for (auth::Role role : roles) request.roles.emplace_back(auth::RoleName(role));
  request.councils = councils;
  request.issued_at = absl::Now() - absl::Minutes(1);
  return request;
}

// `request` signed by the test identity provider's own key.
std::string Signed(const auth::TokenRequest& request) {
  absl::StatusOr<std::string> token =
      auth::MintToken(request, "ES256", TestKid(), FileText(TestIdentity::Get().SigningKeyFile()));
  EXPECT_TRUE(token.ok()) << token.status();
  return token.value_or("");
}

// The payload (claims JSON) of a token.
std::string PayloadOf(const std::string& token) {
  const std::vector<std::string> parts = absl::StrSplit(token, '.');
  std::string claims;
  EXPECT_TRUE(parts.size() == 3 && absl::WebSafeBase64Unescape(parts[1], &claims));
  return claims;
}

// The public key of the test identity provider as PEM (what anyone may hold).
std::string PublicPem() {
  return auth::PublicPemOf(FileText(TestIdentity::Get().SigningKeyFile()));
}

// A token with the given header and payload, signed with HMAC-SHA256 under `secret`.
std::string HmacSigned(const std::string& header, const std::string& payload,
                       const std::string& secret) {
  const std::string input =
      absl::WebSafeBase64Escape(header) + "." + absl::WebSafeBase64Escape(payload);
  unsigned char mac[EVP_MAX_MD_SIZE];
  size_t mac_size = 0;
  EXPECT_NE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                      reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac,
                      sizeof(mac), &mac_size),
            nullptr);
  return input + "." +
         absl::WebSafeBase64Escape(absl::string_view(reinterpret_cast<char*>(mac), mac_size));
}

// Every refused token for `roles` in `councils`, by what is wrong with it.
std::map<std::string, std::string> ForgedTokens(const std::vector<auth::Role>& roles,
                                                const std::vector<std::string>& councils) {
  std::map<std::string, std::string> tokens;
  auth::TokenRequest expired = GoodRequest(roles, councils);
  expired.issued_at = absl::Now() - absl::Hours(2);
  tokens["expired"] = Signed(expired);
  auth::TokenRequest early = GoodRequest(roles, councils);
  early.issued_at = absl::Now() + absl::Hours(1);
  tokens["not yet valid"] = Signed(early);
  auth::TokenRequest issuer = GoodRequest(roles, councils);
  issuer.issuer = "https://idp.elsewhere";
  tokens["another issuer"] = Signed(issuer);
  auth::TokenRequest audience = GoodRequest(roles, councils);
  audience.audience = "not-pif";
  tokens["another audience"] = Signed(audience);

  const std::string good = Signed(GoodRequest(roles, councils));
  const std::vector<std::string> parts = absl::StrSplit(good, '.');
  // The claims changed (another subject) under the original signature.
  std::string claims = PayloadOf(good);
  claims.replace(claims.find("access-e2e"), 10, "access-e3e");
  tokens["bad signature"] = parts[0] + "." + absl::WebSafeBase64Escape(claims) + "." + parts[2];
  tokens["alg none"] = absl::WebSafeBase64Escape(R"({"alg":"none","typ":"JWT"})") + "." +
                       absl::WebSafeBase64Escape(PayloadOf(good)) + ".";
  tokens["HS256 with the public key"] =
      HmacSigned(absl::StrCat(R"({"alg":"HS256","typ":"JWT","kid":")", TestKid(), R"("})"),
                 PayloadOf(good), PublicPem());
  return tokens;
}

// ---- the services ---------------------------------------------------------------------------

std::vector<std::string> ServiceArgs(const std::string& service, const std::string& conninfo) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=2", "--db_pool_size=4"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(service)) args.push_back(arg);
  return args;
}

// A service binary over its own database, serving on a free port.
struct RunningService {
  RunningService(const std::string& service, const std::string& database,
                 std::vector<std::string> extra_args)
      : name(service), db(database) {
    std::vector<std::string> args = ServiceArgs(service, db.conninfo());
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    process = std::make_unique<ServiceProcess>(BinaryPath("pif-" + service), args);
    auto port = process->WaitUntilServing();
    EXPECT_TRUE(port.ok()) << port.status() << process->Log();
    address = absl::StrCat("127.0.0.1:", port.value_or(1));
  }

  std::string name;
  TestDatabase db;
  std::unique_ptr<ServiceProcess> process;
  std::string address;
};

// A channel to `address` over mutual TLS as `party` (pifctl: a person's client; a service name:
// that service's certificate).
std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address,
                                         const std::string& party = "pifctl") {
  return OpenChannel(address, TestIdentity::Get().TlsClientOptions(party));
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

std::string TokenFor(const std::vector<auth::Role>& roles, const std::string& council) {
  return TestIdentity::Get().Token(roles, {council});
}

// One service's audit of `council` since `since`, read by an auditor of the council.
std::vector<audit::v1::AuditRecord> AuditOf(const std::string& address, const std::string& council,
                                            absl::Time since) {
  auto stub = audit::v1::AuditService::NewStub(ChannelTo(address));
  audit::v1::ListAuditRecordsRequest request;
  request.set_council(council);
  *request.mutable_since() = ToTimestamp(since);
  request.set_page_size(1000);
  std::vector<audit::v1::AuditRecord> records;
  do {
    auto context = Context(TokenFor({auth::Role::kAuditor}, council));
    audit::v1::ListAuditRecordsResponse response;
    const grpc::Status status = stub->ListAuditRecords(context.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    records.insert(records.end(), response.records().begin(), response.records().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return records;
}

// The audit records of `method` answered with `code`.
std::vector<audit::v1::AuditRecord> RowsOf(const std::vector<audit::v1::AuditRecord>& records,
                                           const std::string& method, const std::string& code) {
  std::vector<audit::v1::AuditRecord> rows;
  for (const audit::v1::AuditRecord& record : records) {
    if (record.method() == method && record.code() == code) rows.push_back(record);
  }
  return rows;
}

// A request of `method` naming `council` (in its own `council` field or in its first message
// field that has one, like SubmitRecords' header), other fields left empty, serialized.
std::string RequestNaming(const google::protobuf::MethodDescriptor* method,
                          const std::string& council) {
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<google::protobuf::Message> message(
      factory.GetPrototype(method->input_type())->New());
  const google::protobuf::Descriptor* type = message->GetDescriptor();
  const google::protobuf::Reflection* reflection = message->GetReflection();
  if (const auto* field = type->FindFieldByName("council")) {
    reflection->SetString(message.get(), field, council);
    return message->SerializeAsString();
  }
  for (int i = 0; i < type->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = type->field(i);
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE || field->is_repeated()) {
      continue;
    }
    const auto* inner = field->message_type()->FindFieldByName("council");
    if (inner == nullptr) continue;
    google::protobuf::Message* nested = reflection->MutableMessage(message.get(), field, &factory);
    nested->GetReflection()->SetString(nested, inner, council);
    return message->SerializeAsString();
  }
  ADD_FAILURE() << method->full_name() << " names no council";
  return "";
}

// The descriptor of `full_name` ("/pif.intake.v1.IntakeService/GetBatch").
const google::protobuf::MethodDescriptor* MethodNamed(const std::string& full_name) {
  std::string name = full_name.substr(1);
  name[name.rfind('/')] = '.';
  return google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(name);
}

// ---- records --------------------------------------------------------------------------------

common::v1::Date DateOf(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

SubmittedRecord Child(const std::string& person_id) {
  SubmittedRecord submitted;
  intake::v1::Child* child = submitted.mutable_record()->mutable_child();
  child->set_person_id(person_id);
  *child->mutable_dob() = DateOf(2012, 6, 1);
  child->set_sex(intake::v1::SEX_F);
  return submitted;
}

SubmittedRecord Episode(const std::string& id, const std::string& person_id) {
  SubmittedRecord submitted;
  intake::v1::CareEpisode* episode = submitted.mutable_record()->mutable_care_episode();
  episode->set_episode_id(id);
  episode->set_person_id(person_id);
  *episode->mutable_start_date() = DateOf(2023, 1, 15);
  return submitted;
}

SubmittedRecord Referral(const std::string& id, const std::string& person_id) {
  SubmittedRecord submitted;
  intake::v1::CpReferral* referral = submitted.mutable_record()->mutable_cp_referral();
  referral->set_referral_id(id);
  referral->set_person_id(person_id);
  *referral->mutable_referral_date() = DateOf(2023, 2, 1);
  return submitted;
}

// A care episode of `person_id` whose start date cannot be read: rejected, its cells kept.
SubmittedRecord BadEpisode(const std::string& id, const std::string& person_id) {
  SubmittedRecord submitted;
  common::v1::RawRecord* raw = submitted.mutable_raw();
  raw->set_record_type("CareEpisode");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"episode_id", id}, {"person_id", person_id}, {"start_date", "15/01/2023"}}) {
    common::v1::RawField* field = raw->add_fields();
    field->set_name(name);
    field->set_text(text);
  }
  return submitted;
}

// Sends a batch for `council` as its submitter; the summary.
common::v1::SubmissionSummary Submit(const std::string& address, const std::string& council,
                                     const std::string& batch_id,
                                     const std::vector<SubmittedRecord>& records) {
  auto stub = IntakeService::NewStub(ChannelTo(address));
  auto context = Context(TokenFor({auth::Role::kSubmitter}, council));
  intake::v1::SubmitRecordsResponse response;
  auto writer = stub->SubmitRecords(context.get(), &response);
  SubmitRecordsRequest header;
  header.mutable_header()->set_council(council);
  header.mutable_header()->set_batch_id(batch_id);
  header.mutable_header()->set_source_system("access_e2e_test");
  writer->Write(header);
  SubmitRecordsRequest chunk;
  for (const SubmittedRecord& record : records) *chunk.mutable_chunk()->add_records() = record;
  writer->Write(chunk);
  SubmitRecordsRequest end;
  end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
  writer->Write(end);
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.summary();
}

// The council's data version, read as the indicators service reads it for an analyst.
int64_t DataVersion(const std::string& address, const std::string& council) {
  auto stub = IntakeService::NewStub(ChannelTo(address, "indicators"));
  auto context = Context(TokenFor({auth::Role::kAnalyst}, council));
  intake::v1::GetDataVersionRequest request;
  request.set_council(council);
  intake::v1::GetDataVersionResponse response;
  const grpc::Status status = stub->GetDataVersion(context.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.data_version();
}

// Every record of the council's snapshot as text, read as the indicators service.
std::vector<std::string> SnapshotOf(const std::string& address, const std::string& council) {
  auto stub = IntakeService::NewStub(ChannelTo(address, "indicators"));
  auto context = Context(TokenFor({auth::Role::kAnalyst}, council));
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  auto reader = stub->ExportSnapshot(context.get(), request);
  std::vector<std::string> records;
  intake::v1::ExportSnapshotResponse message;
  while (reader->Read(&message)) {
    for (const intake::v1::Record& record : message.chunk().records()) {
      records.push_back(record.ShortDebugString());
    }
  }
  const grpc::Status status = reader->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  return records;
}

// The council's open rejections as text, read by its submitter.
std::vector<std::string> RejectionsOf(const std::string& address, const std::string& council) {
  auto stub = IntakeService::NewStub(ChannelTo(address));
  auto context = Context(TokenFor({auth::Role::kSubmitter}, council));
  intake::v1::ListRejectionsRequest request;
  request.set_council(council);
  request.set_page_size(1000);
  intake::v1::ListRejectionsResponse response;
  const grpc::Status status = stub->ListRejections(context.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  std::vector<std::string> rejections;
  for (const common::v1::StoredRejection& rejection : response.rejections()) {
    rejections.push_back(rejection.ShortDebugString());
  }
  return rejections;
}

// What a refused call must leave as it was: each council's data version, snapshot and rejections.
std::string Footprint(const std::string& intake_address) {
  std::string text;
  for (const char* council : {kCouncilA, kCouncilB}) {
    absl::StrAppend(&text, council, " v", DataVersion(intake_address, council), "\n");
    for (const std::string& record : SnapshotOf(intake_address, council)) {
      absl::StrAppend(&text, record, "\n");
    }
    for (const std::string& rejection : RejectionsOf(intake_address, council)) {
      absl::StrAppend(&text, rejection, "\n");
    }
  }
  return text;
}

class AccessE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    intake_ = new RunningService("intake", "access_e2e_intake", {});
    indicators_ = new RunningService(
        "indicators", "access_e2e_indicators",
        {"--intake_address=" + intake_->address, "--intake_deadline_seconds=30"});
    workforce_ = new RunningService(
        "workforce", "access_e2e_workforce",
        {"--intake_address=" + intake_->address, "--intake_deadline_seconds=30"});
    reporting_ = new RunningService(
        "reporting", "access_e2e_reporting",
        {"--intake_address=" + intake_->address, "--indicators_address=" + indicators_->address,
         "--workforce_address=" + workforce_->address});
    // Councils A and B have records and a rejection each; C has nothing.
    for (const char* council : {kCouncilA, kCouncilB}) {
      const common::v1::SubmissionSummary summary =
          Submit(intake_->address, council, "seed",
                 {Child("P1"), Episode("E1", "P1"), Child("P2"), BadEpisode("E2", "P2")});
      EXPECT_EQ(summary.accepted_count(), 3) << summary.ShortDebugString();
      EXPECT_EQ(summary.rejected_count(), 1) << summary.ShortDebugString();
    }
  }
  static void TearDownTestSuite() {
    delete reporting_;
    delete workforce_;
    delete indicators_;
    delete intake_;
  }

  static std::vector<RunningService*> Services() {
    return {intake_, indicators_, workforce_, reporting_};
  }

  static RunningService* intake_;
  static RunningService* indicators_;
  static RunningService* workforce_;
  static RunningService* reporting_;
};

RunningService* AccessE2eTest::intake_ = nullptr;
RunningService* AccessE2eTest::indicators_ = nullptr;
RunningService* AccessE2eTest::workforce_ = nullptr;
RunningService* AccessE2eTest::reporting_ = nullptr;

// A child-level read of each service, by a caller whose role admits it.
struct ProbeRpc {
  RunningService* service;
  std::string method;
  std::vector<auth::Role> roles;
};

// Links the generated descriptors of every service into this binary's pool (a static library's
// unreferenced objects are left out).
[[maybe_unused]] const bool kDescriptorsLinked =
    intake::v1::EraseChildRequest::descriptor() != nullptr &&
    indicators::v1::ComputeIndicatorsRequest::descriptor() != nullptr &&
    workforce::v1::ComputeWorkforceRequest::descriptor() != nullptr &&
    reporting::v1::BuildReportRequest::descriptor() != nullptr &&
    audit::v1::ListAuditRecordsRequest::descriptor() != nullptr;

TEST_F(AccessE2eTest, RefusedTokensAreUnauthenticatedReadNothingAndAreAudited) {
  const absl::Time since = absl::Now();
  const std::vector<ProbeRpc> probes = {
      {intake_, "/pif.intake.v1.IntakeService/ListRejections", {auth::Role::kSubmitter}},
      {indicators_,
       "/pif.indicators.v1.IndicatorsService/ComputeIndicators",
       {auth::Role::kAnalyst}},
      {workforce_, "/pif.workforce.v1.WorkforceService/ListRejections", {auth::Role::kSubmitter}},
      {reporting_,
       "/pif.reporting.v1.ReportingService/ListPublishedReports",
       {auth::Role::kViewer}}};
  const std::string before = Footprint(intake_->address);
  for (const ProbeRpc& probe : probes) {
    SCOPED_TRACE(probe.method);
    const auto* method = MethodNamed(probe.method);
    ASSERT_NE(method, nullptr);
    const std::string request = RequestNaming(method, kCouncilA);
    std::map<std::string, std::string> tokens = ForgedTokens(probe.roles, {kCouncilA});
    tokens["no token"] = "";
    for (const auto& [what, token] : tokens) {
      const RawCallResult result =
          RawCall(ChannelTo(probe.service->address), probe.method, token, {request});
      EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << what << ": " << result.status.error_message();
      EXPECT_TRUE(result.responses.empty()) << what;
    }
    // The same call with a good token for a role the rpc does not admit.
    const std::vector<auth::Role> outsiders = {auth::Role::kAdmin};
    const RawCallResult wrong_role = RawCall(ChannelTo(probe.service->address), probe.method,
                                             TokenFor(outsiders, kCouncilA), {request});
    EXPECT_EQ(wrong_role.status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
        << wrong_role.status.error_message();
    EXPECT_TRUE(wrong_role.responses.empty());

    const std::vector<audit::v1::AuditRecord> audit =
        AuditOf(probe.service->address, kCouncilA, since);
    const auto unauthenticated = RowsOf(audit, probe.method, "UNAUTHENTICATED");
    EXPECT_EQ(unauthenticated.size(), tokens.size()) << "one audit row per refused token";
    for (const audit::v1::AuditRecord& row : unauthenticated) {
      EXPECT_EQ(row.council(), kCouncilA);
      EXPECT_EQ(row.records_read(), 0);
      EXPECT_EQ(row.records_written(), 0);
      EXPECT_TRUE(row.children().empty());
      EXPECT_EQ(row.caller().find("user="), std::string::npos) << "an unverified subject named";
    }
    const auto denied = RowsOf(audit, probe.method, "PERMISSION_DENIED");
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_NE(denied[0].caller().find("user=pif-test"), std::string::npos) << denied[0].caller();
    EXPECT_EQ(denied[0].records_read(), 0);
  }
  EXPECT_EQ(Footprint(intake_->address), before) << "a refused call read or changed something";
}

TEST_F(AccessE2eTest, AnotherCouncilIsDeniedOnEveryCouncilRpcWhetherItHasDataOrNot) {
  const absl::Time since = absl::Now();
  const std::string before = Footprint(intake_->address);
  // Every role, for council A only.
  const std::string token = TestIdentity::Get().Token(auth::AllRoles(), {kCouncilA});
  std::map<std::string, std::vector<std::string>> methods_by_address;
  int rpcs = 0;
  for (RunningService* service : Services()) {
    std::vector<std::string> services = {"pif.audit.v1.AuditService"};
    services.push_back(service == intake_       ? "pif.intake.v1.IntakeService"
                       : service == indicators_ ? "pif.indicators.v1.IndicatorsService"
                       : service == workforce_  ? "pif.workforce.v1.WorkforceService"
                                                : "pif.reporting.v1.ReportingService");
    for (const std::string& name : services) {
      const auto* descriptor =
          google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
      ASSERT_NE(descriptor, nullptr) << name;
      for (int i = 0; i < descriptor->method_count(); ++i) {
        const google::protobuf::MethodDescriptor* method = descriptor->method(i);
        const std::string full_name = absl::StrCat("/", name, "/", method->name());
        const auth::RpcRule* rule = auth::FindRpcRule(full_name);
        ASSERT_NE(rule, nullptr) << full_name;
        if (!rule->names_council) continue;
        SCOPED_TRACE(full_name + " on " + service->name);
        ++rpcs;
        // Services-only rpcs are called with a service's certificate, so only the council decides.
        const auto channel =
            ChannelTo(service->address, rule->services_only ? "indicators" : "pifctl");
        const RawCallResult with_data =
            RawCall(channel, full_name, token, {RequestNaming(method, kCouncilB)});
        const RawCallResult without_data =
            RawCall(channel, full_name, token, {RequestNaming(method, kCouncilC)});
        EXPECT_EQ(with_data.status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << with_data.status.error_message();
        EXPECT_TRUE(with_data.responses.empty());
        EXPECT_TRUE(without_data.responses.empty());
        EXPECT_EQ(without_data.status.error_code(), with_data.status.error_code());
        EXPECT_EQ(absl::StrReplaceAll(without_data.status.error_message(), {{kCouncilC, "X"}}),
                  absl::StrReplaceAll(with_data.status.error_message(), {{kCouncilB, "X"}}))
            << "the answers tell the councils apart";
        EXPECT_EQ(with_data.status.error_details(), without_data.status.error_details());
        methods_by_address[service->address].push_back(full_name);
      }
    }
  }
  int expected = 0;
  for (const auth::RpcRule& rule : auth::RpcRules()) {
    if (!rule.names_council) continue;
    expected += rule.method.rfind("/pif.audit.v1.", 0) == 0 ? 4 : 1;  // every binary hosts audit
  }
  EXPECT_EQ(rpcs, expected) << "every council-naming rpc of the four services and their audits";
  EXPECT_EQ(Footprint(intake_->address), before) << "a refused call read or changed something";
  // Each refused call is in the answering service's audit of the council it named.
  for (RunningService* service : Services()) {
    for (const char* council : {kCouncilB, kCouncilC}) {
      const std::vector<audit::v1::AuditRecord> audit = AuditOf(service->address, council, since);
      for (const std::string& method : methods_by_address[service->address]) {
        const auto rows = RowsOf(audit, method, "PERMISSION_DENIED");
        EXPECT_EQ(rows.size(), 1u) << method << " for " << council << " on " << service->name;
        for (const audit::v1::AuditRecord& row : rows) {
          EXPECT_EQ(row.records_read(), 0);
          EXPECT_EQ(row.records_written(), 0);
          EXPECT_TRUE(row.children().empty());
        }
      }
    }
  }
}

TEST_F(AccessE2eTest, APersonsCertificateCannotCallServicesOnlyRpcs) {
  const absl::Time since = absl::Now();
  const std::string before = Footprint(intake_->address);
  // The right role and council: only the certificate is wrong.
  const std::string token = TokenFor({auth::Role::kAnalyst}, kCouncilA);
  int services_only = 0;
  for (const auth::RpcRule& rule : auth::RpcRules()) {
    if (!rule.services_only) continue;
    ++services_only;
    const std::string full_name(rule.method);
    SCOPED_TRACE(full_name);
    ASSERT_EQ(rule.method.rfind("/pif.intake.v1.", 0), 0u) << "only intake has services-only rpcs";
    const auto* method = MethodNamed(std::string(rule.method));
    ASSERT_NE(method, nullptr);
    const RawCallResult result = RawCall(ChannelTo(intake_->address, "pifctl"), full_name, token,
                                         {RequestNaming(method, kCouncilA)});
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
        << result.status.error_message();
    EXPECT_TRUE(result.responses.empty());
    const auto rows =
        RowsOf(AuditOf(intake_->address, kCouncilA, since), full_name, "PERMISSION_DENIED");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_NE(rows[0].caller().find("certificate=pif-pifctl"), std::string::npos)
        << rows[0].caller();
    EXPECT_EQ(rows[0].records_read(), 0);
    EXPECT_TRUE(rows[0].children().empty());
  }
  EXPECT_EQ(services_only, 2);
  EXPECT_EQ(Footprint(intake_->address), before);
}

TEST_F(AccessE2eTest, ErasureRemovesTheChildEverywhereBumpsTheVersionAndIsAudited) {
  const absl::Time since = absl::Now();
  const common::v1::SubmissionSummary summary =
      Submit(intake_->address, kCouncilA, "to-erase",
             {Child("P7"), Episode("E7", "P7"), Referral("R7", "P7"), BadEpisode("E8", "P7"),
              Child("P8")});
  ASSERT_EQ(summary.accepted_count(), 4) << summary.ShortDebugString();
  ASSERT_EQ(summary.rejected_count(), 1) << summary.ShortDebugString();
  const std::string other_council = absl::StrJoin(SnapshotOf(intake_->address, kCouncilB), "\n");
  const int64_t version = DataVersion(intake_->address, kCouncilA);
  auto mentions = [](const std::vector<std::string>& texts, const std::string& id) {
    int count = 0;
    for (const std::string& text : texts) count += text.find("\"" + id + "\"") != std::string::npos;
    return count;
  };
  ASSERT_EQ(mentions(SnapshotOf(intake_->address, kCouncilA), "P7"), 3);
  // The rejected episode names P7 in its kept cells (GetRejection), E8 in the list.
  ASSERT_EQ(mentions(RejectionsOf(intake_->address, kCouncilA), "E8"), 1);
  ASSERT_EQ(summary.rejections_size(), 1);
  const std::string rejection_id = summary.rejections(0).rejection_id();
  auto get_rejection = [&](std::string* out) {
    auto stub = IntakeService::NewStub(ChannelTo(intake_->address));
    auto context = Context(TokenFor({auth::Role::kSubmitter}, kCouncilA));
    intake::v1::GetRejectionRequest request;
    request.set_council(kCouncilA);
    request.set_rejection_id(rejection_id);
    intake::v1::GetRejectionResponse response;
    const grpc::Status status = stub->GetRejection(context.get(), request, &response);
    *out = response.ShortDebugString();
    return status.error_code();
  };
  std::string kept;
  ASSERT_EQ(get_rejection(&kept), grpc::StatusCode::OK);
  ASSERT_EQ(mentions({kept}, "P7"), 1) << kept;

  auto stub = IntakeService::NewStub(ChannelTo(intake_->address));
  intake::v1::EraseChildRequest request;
  request.set_council(kCouncilA);
  request.set_person_id("P7");
  request.set_reason("erasure request 2026-17");
  request.set_request_id("access-e2e-erase-P7");
  // A submitter may not erase; an admin may.
  {
    auto context = Context(TokenFor({auth::Role::kSubmitter}, kCouncilA));
    intake::v1::EraseChildResponse response;
    EXPECT_EQ(stub->EraseChild(context.get(), request, &response).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(DataVersion(intake_->address, kCouncilA), version);
  }
  auto context = Context(TokenFor({auth::Role::kAdmin}, kCouncilA));
  intake::v1::EraseChildResponse response;
  const grpc::Status status = stub->EraseChild(context.get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message() << intake_->process->LogTail(3000);
  std::map<std::string, int64_t> erased;
  for (const intake::v1::RecordCount& count : response.erased()) {
    erased[intake::v1::RecordType_Name(count.record_type())] = count.count();
  }
  EXPECT_EQ(erased, (std::map<std::string, int64_t>{{"RECORD_TYPE_CARE_EPISODE", 1},
                                                    {"RECORD_TYPE_CHILD", 1},
                                                    {"RECORD_TYPE_CP_REFERRAL", 1}}));
  EXPECT_EQ(response.rejection_count(), 1);
  EXPECT_GT(response.data_version(), version);
  EXPECT_EQ(DataVersion(intake_->address, kCouncilA), response.data_version());

  const std::vector<std::string> snapshot = SnapshotOf(intake_->address, kCouncilA);
  EXPECT_EQ(mentions(snapshot, "P7"), 0) << absl::StrJoin(snapshot, "\n");
  EXPECT_EQ(mentions(snapshot, "P8"), 1) << "another child was touched";
  EXPECT_EQ(mentions(RejectionsOf(intake_->address, kCouncilA), "E8"), 0);
  EXPECT_EQ(get_rejection(&kept), grpc::StatusCode::NOT_FOUND) << kept;
  EXPECT_EQ(absl::StrJoin(SnapshotOf(intake_->address, kCouncilB), "\n"), other_council);

  const auto rows = RowsOf(AuditOf(intake_->address, kCouncilA, since),
                           "/pif.intake.v1.IntakeService/EraseChild", "OK");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::vector<std::string>(rows[0].children().begin(), rows[0].children().end()),
            std::vector<std::string>{"P7"});
  EXPECT_EQ(rows[0].records_written(), 3 + 1) << "three records and the kept rejection";
  EXPECT_NE(rows[0].caller().find("user=pif-test"), std::string::npos);
  EXPECT_EQ(RowsOf(AuditOf(intake_->address, kCouncilA, since),
                   "/pif.intake.v1.IntakeService/EraseChild", "PERMISSION_DENIED")
                .size(),
            1u);
}

// The audit row is written before the answer is sent: a binary killed (SIGKILL) right after a
// call returned still has it when it starts again on the same database.
TEST(AccessAuditKillTest, TheAuditRowOfAnAnsweredCallSurvivesSigkill) {
  TestDatabase db("access_e2e_kill");
  const std::vector<std::string> args = ServiceArgs("intake", db.conninfo());
  const absl::Time since = absl::Now();
  std::string request_id;
  {
    ServiceProcess intake(BinaryPath("pif-intake"), args);
    auto port = intake.WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status() << intake.Log();
    auto stub = IntakeService::NewStub(ChannelTo(absl::StrCat("127.0.0.1:", *port)));
    auto context = Context(TokenFor({auth::Role::kSubmitter}, kCouncilA));
    intake::v1::ListBatchesRequest request;
    request.set_council(kCouncilA);
    intake::v1::ListBatchesResponse response;
    const grpc::Status status = stub->ListBatches(context.get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_TRUE(intake.Kill().ok());
  }
  ServiceProcess again(BinaryPath("pif-intake"), args);
  auto port = again.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status() << again.Log();
  const auto rows = RowsOf(AuditOf(absl::StrCat("127.0.0.1:", *port), kCouncilA, since),
                           "/pif.intake.v1.IntakeService/ListBatches", "OK");
  EXPECT_EQ(rows.size(), 1u) << "the answered call's audit row was lost with the process";
}

}  // namespace
}  // namespace pif
