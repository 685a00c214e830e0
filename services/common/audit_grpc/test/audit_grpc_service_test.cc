// ListAuditRecords over a real server on port 0 (ServiceHost, tokens from a test identity
// provider) with a fake audit behind it: an auditor reads its council's records oldest first in
// pages; other roles, other councils and callers without a token are refused, and every one of
// these calls is itself audited, the refusals with their code.
#include "pif/audit_grpc/audit_grpc_service.h"

#include <grpcpp/client_context.h>

#include "gtest/gtest.h"
#include "pif/audit/testing/fake_audit_log.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/proto_util/dates.h"

namespace pif::audit {
namespace {

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000036";
const absl::Time kNoon = absl::FromUnixSeconds(1717243200);

class AuditGrpcServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int minute : {3, 1, 2}) {
      AuditRecord record;
      record.at = kNoon + absl::Minutes(minute);
      record.service = "intake";
      record.method = "/pif.intake.v1.IntakeService/GetRejection";
      record.caller = "user=sub" + std::to_string(minute);
      record.council = kCouncil;
      record.code = "OK";
      record.records_read = 1;
      record.children = {"P" + std::to_string(minute)};
      ASSERT_TRUE(log_->Append(record).ok());
    }
    AuditRecord elsewhere;
    elsewhere.at = kNoon;
    elsewhere.council = kOtherCouncil;
    ASSERT_TRUE(log_->Append(elsewhere).ok());
    kept_before_ = log_->Records().size();

    ServerOptions options;
    options.service_name = "intake";
    options.listen = "127.0.0.1:0";
    std::vector<HostedService> services;
    services.push_back(
        {v1::AuditService::service_full_name(), std::make_unique<AuditGrpcService>(log_)});
    auto host =
        ServiceHost::Start(options, std::move(services), nullptr, identity_.CallAuth(), log_);
    ASSERT_TRUE(host.ok()) << host.status();
    host_ = *std::move(host);
    stub_ = v1::AuditService::NewStub(
        OpenChannel("127.0.0.1:" + std::to_string(host_->port()), ClientOptions()));
  }

  grpc::Status List(const std::string& token, v1::ListAuditRecordsRequest request,
                    v1::ListAuditRecordsResponse* response) {
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    return stub_->ListAuditRecords(&context, request, response);
  }

  v1::ListAuditRecordsRequest Request(const std::string& council = kCouncil) const {
    v1::ListAuditRecordsRequest request;
    request.set_council(council);
    *request.mutable_since() = ToTimestamp(kNoon);
    return request;
  }

  // The audit records of the calls this test made, in order.
  std::vector<AuditRecord> CallsAudited() const {
    std::vector<AuditRecord> records = log_->Records();
    return std::vector<AuditRecord>(records.begin() + static_cast<long>(kept_before_),
                                    records.end());
  }

  pif::testing::TestIdentityProvider identity_;
  std::shared_ptr<testing::FakeAuditLog> log_ = std::make_shared<testing::FakeAuditLog>();
  size_t kept_before_ = 0;
  std::unique_ptr<ServiceHost> host_;
  std::unique_ptr<v1::AuditService::Stub> stub_;
};

TEST_F(AuditGrpcServiceTest, AnAuditorReadsItsCouncilOldestFirstInPages) {
  const std::string token =
      identity_.TokenWithRoleNames("auditor@council", {"auditor"}, {kCouncil});
  v1::ListAuditRecordsRequest request = Request();
  // Before now: the reads themselves are audited in the same log as they happen.
  *request.mutable_until() = ToTimestamp(kNoon + absl::Hours(1));
  request.set_page_size(2);
  v1::ListAuditRecordsResponse first;
  const grpc::Status status = List(token, request, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(first.records_size(), 2);
  EXPECT_EQ(first.records(0).caller(), "user=sub1");
  EXPECT_EQ(first.records(0).children(0), "P1");
  EXPECT_EQ(FromTimestamp(first.records(0).at()), kNoon + absl::Minutes(1));
  EXPECT_EQ(first.records(0).service(), "intake");
  EXPECT_EQ(first.records(0).records_read(), 1);
  EXPECT_EQ(first.records(1).caller(), "user=sub2");
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  v1::ListAuditRecordsResponse second;
  ASSERT_TRUE(List(token, request, &second).ok());
  ASSERT_EQ(second.records_size(), 1);
  EXPECT_EQ(second.records(0).caller(), "user=sub3");
  EXPECT_TRUE(second.next_page_token().empty());
  // Until excludes its own instant.
  request = Request();
  *request.mutable_until() = ToTimestamp(kNoon + absl::Minutes(2));
  v1::ListAuditRecordsResponse window;
  ASSERT_TRUE(List(token, request, &window).ok());
  ASSERT_EQ(window.records_size(), 1);
  EXPECT_EQ(window.records(0).caller(), "user=sub1");

  // The reads are audited with who read and how many records.
  const std::vector<AuditRecord> audited = CallsAudited();
  ASSERT_EQ(audited.size(), 3u);
  EXPECT_EQ(audited[0].method, "/pif.audit.v1.AuditService/ListAuditRecords");
  EXPECT_EQ(audited[0].caller, "user=auditor@council");
  EXPECT_EQ(audited[0].council, kCouncil);
  EXPECT_EQ(audited[0].code, "OK");
  EXPECT_EQ(audited[0].records_read, 2);
  EXPECT_EQ(audited[1].records_read, 1);
}

TEST_F(AuditGrpcServiceTest, OtherRolesOtherCouncilsAndNoTokenAreRefusedAndAudited) {
  v1::ListAuditRecordsResponse response;
  EXPECT_EQ(List("", Request(), &response).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(List(identity_.TokenWithRoleNames("analyst@council", {"analyst", "admin"}, {kCouncil}),
                 Request(), &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(List(identity_.TokenWithRoleNames("auditor@elsewhere", {"auditor"}, {kOtherCouncil}),
                 Request(), &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(response.records_size(), 0);
  const std::vector<AuditRecord> audited = CallsAudited();
  ASSERT_EQ(audited.size(), 3u);
  EXPECT_EQ(audited[0].code, "UNAUTHENTICATED");
  EXPECT_EQ(audited[0].caller, "anonymous");
  EXPECT_EQ(audited[1].code, "PERMISSION_DENIED");
  EXPECT_EQ(audited[1].caller, "user=analyst@council");
  EXPECT_EQ(audited[2].code, "PERMISSION_DENIED");
  EXPECT_EQ(audited[2].caller, "user=auditor@elsewhere");
  EXPECT_EQ(audited[2].council, kCouncil);  // the council asked for
  for (const AuditRecord& record : audited) EXPECT_EQ(record.records_read, 0);
}

TEST_F(AuditGrpcServiceTest, AWindowWithoutSinceOrEndingBeforeItIsInvalid) {
  const std::string token =
      identity_.TokenWithRoleNames("auditor@council", {"auditor"}, {kCouncil});
  v1::ListAuditRecordsRequest request = Request();
  request.clear_since();
  v1::ListAuditRecordsResponse response;
  EXPECT_EQ(List(token, request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  request = Request();
  *request.mutable_until() = ToTimestamp(kNoon - absl::Seconds(1));
  EXPECT_EQ(List(token, request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  request = Request();
  request.set_page_token("not a token");
  EXPECT_EQ(List(token, request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace pif::audit
