// CallScope over a real server on port 0 with mutual TLS: the caller is established from the
// bearer token and the client certificate; the rpc table, the roles, the service identity and
// the council decide; a call made on the caller's behalf carries its token and no more time than
// the caller has left.
#include "pif/grpc/call_scope.h"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/server_builder.h>

#include <fstream>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "pif/auth/token_minter.h"
#include "pif/grpc/service_client.h"
#include "pif/grpc/status_mapping.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/test_certificates.h"

namespace pif {
namespace {

constexpr char kIssuer[] = "https://idp.test";
constexpr char kCouncil[] = "S12000033";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// What the inner call of a forwarded call saw.
struct Seen {
  absl::Mutex mutex;
  std::string token;
  absl::Time deadline;
};

// GetBatch and ExportSnapshot authorize as every pif handler does; GetBatch with batch_id
// "forward" first calls GetRejection on the same server on its caller's behalf.
class TestIntake final : public intake::v1::IntakeService::Service {
 public:
  explicit TestIntake(Seen* seen) : seen_(seen) {}
  void set_self(ServiceEndpoint self) { self_ = std::move(self); }

  grpc::Status GetBatch(grpc::ServerContext* context, const intake::v1::GetBatchRequest* request,
                        intake::v1::GetBatchResponse* response) override {
    CallScope call(*context);
    if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
      return ToGrpcStatus(allowed);
    }
    response->mutable_batch()->set_caller(call.caller().AuditName());
    if (request->batch_id() == "forward") {
      auto stub = intake::v1::IntakeService::NewStub(self_.channel);
      grpc::ClientContext inner;
      PrepareCall(self_, inner);
      intake::v1::GetRejectionRequest forwarded;
      forwarded.set_council(request->council());
      forwarded.set_rejection_id("r1");
      intake::v1::GetRejectionResponse ignored;
      const grpc::Status status = stub->GetRejection(&inner, forwarded, &ignored);
      if (!status.ok()) return status;
    }
    return grpc::Status::OK;
  }

  grpc::Status GetRejection(grpc::ServerContext* context, const intake::v1::GetRejectionRequest*,
                            intake::v1::GetRejectionResponse*) override {
    absl::MutexLock lock(&seen_->mutex);
    seen_->token = BearerTokenOf(*context);
    seen_->deadline = absl::FromChrono(context->deadline());
    return grpc::Status::OK;
  }

  grpc::Status ExportSnapshot(grpc::ServerContext* context,
                              const intake::v1::ExportSnapshotRequest* request,
                              grpc::ServerWriter<intake::v1::ExportSnapshotResponse>*) override {
    CallScope call(*context);
    return ToGrpcStatus(call.Authorize(request->council()));
  }

 private:
  Seen* seen_;
  ServiceEndpoint self_;
};

class CallScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = testing::MakeTestCertificates(
        {"ca"}, {{"server", "ca"}, {"pif-indicators", "ca"}, {"pifctl", "ca"}});
    ASSERT_TRUE(dir.ok()) << dir.status();
    dir_ = *dir;
    signing_key_ = ReadFile(dir_ + "/pifctl.key");  // any P-256 key signs the test's tokens
    auto options = std::make_shared<CallAuthOptions>();
    auth::TokenPolicy policy;
    policy.issuer = kIssuer;
    policy.audience = "pif";
    options->verifier = std::make_shared<auth::TokenVerifier>(
        *auth::ParseJwks(*auth::JwksFor(signing_key_, "ES256", "k1")), policy);
    options->service_identities = {"pif-indicators"};

    grpc::SslServerCredentialsOptions ssl(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    ssl.pem_root_certs = ReadFile(dir_ + "/ca.pem");
    ssl.pem_key_cert_pairs.push_back(
        {ReadFile(dir_ + "/server.key"), ReadFile(dir_ + "/server.pem")});
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(ssl), &port_);
    builder.RegisterService(&service_);
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
    factories.push_back(std::make_unique<CallRegistryInterceptorFactory>(options));
    builder.experimental().SetInterceptorCreators(std::move(factories));
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ServiceEndpoint self;
    self.service = "intake";
    self.address = "127.0.0.1:" + std::to_string(port_);
    self.channel = Channel("pif-indicators");
    self.deadline = absl::Seconds(60);
    service_.set_self(self);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::shared_ptr<grpc::Channel> Channel(const std::string& party) const {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFile(dir_ + "/ca.pem");
    ssl.pem_cert_chain = ReadFile(dir_ + "/" + party + ".pem");
    ssl.pem_private_key = ReadFile(dir_ + "/" + party + ".key");
    return grpc::CreateChannel("127.0.0.1:" + std::to_string(port_), grpc::SslCredentials(ssl));
  }

  std::string Token(const std::vector<std::string>& roles,
                    const std::vector<std::string>& councils = {kCouncil}) const {
    auth::TokenRequest request;
    request.issuer = kIssuer;
    request.audience = "pif";
    request.subject = "someone@council";
    request.roles = roles;
    request.councils = councils;
    request.issued_at = absl::Now() - absl::Minutes(1);
    return *auth::MintToken(request, "ES256", "k1", signing_key_);
  }

  grpc::Status GetBatch(const std::string& token, const std::string& council,
                        intake::v1::GetBatchResponse* response = nullptr,
                        const std::string& batch_id = "b1") {
    auto stub = intake::v1::IntakeService::NewStub(Channel("pifctl"));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    intake::v1::GetBatchRequest request;
    request.set_council(council);
    request.set_batch_id(batch_id);
    intake::v1::GetBatchResponse ignored;
    return stub->GetBatch(&context, request, response != nullptr ? response : &ignored);
  }

  grpc::Status Export(const std::string& party, const std::string& token) {
    auto stub = intake::v1::IntakeService::NewStub(Channel(party));
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + token);
    intake::v1::ExportSnapshotRequest request;
    request.set_council(kCouncil);
    auto reader = stub->ExportSnapshot(&context, request);
    intake::v1::ExportSnapshotResponse message;
    while (reader->Read(&message)) {
    }
    return reader->Finish();
  }

  std::string dir_;
  std::string signing_key_;
  Seen seen_;
  TestIntake service_{&seen_};
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

TEST_F(CallScopeTest, NoTokenOrAForgedOneIsUnauthenticated) {
  EXPECT_EQ(GetBatch("", kCouncil).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetBatch("not.a.token", kCouncil).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  std::string forged = Token({"submitter"});
  char& inside = forged[forged.size() - 10];  // a signature character carrying 6 bits
  inside = inside == 'A' ? 'B' : 'A';
  EXPECT_EQ(GetBatch(forged, kCouncil).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(CallScopeTest, TheRightRoleForItsCouncilIsAllowedAndNamed) {
  intake::v1::GetBatchResponse response;
  const grpc::Status status = GetBatch(Token({"submitter"}), kCouncil, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.batch().caller(), "user=someone@council certificate=pifctl");
}

TEST_F(CallScopeTest, AnotherRoleOrAnotherCouncilIsDenied) {
  EXPECT_EQ(GetBatch(Token({"viewer"}), kCouncil).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  const grpc::Status other = GetBatch(Token({"submitter"}), "S12000036");
  EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(other.error_message().find("S12000036"), std::string::npos);
  EXPECT_EQ(GetBatch(Token({"submitter"}), "nonsense").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CallScopeTest, ServicesOnlyRpcsRefuseAPersonsCertificate) {
  EXPECT_EQ(Export("pifctl", Token({"analyst"})).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  const grpc::Status service = Export("pif-indicators", Token({"analyst"}));
  EXPECT_TRUE(service.ok()) << service.error_message();
  EXPECT_EQ(Export("pif-indicators", Token({"submitter"})).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(CallScopeTest, ACallOnTheCallersBehalfCarriesItsTokenAndDeadline) {
  const std::string token = Token({"submitter"});
  const absl::Time before = absl::Now();
  const grpc::Status status = GetBatch(token, kCouncil, nullptr, "forward");
  ASSERT_TRUE(status.ok()) << status.error_message();
  absl::MutexLock lock(&seen_.mutex);
  EXPECT_EQ(seen_.token, token);
  // The endpoint allows 60 s; the caller gave its call 30 s: the inner call gets no more.
  EXPECT_LE(seen_.deadline, before + absl::Seconds(31));
  EXPECT_GT(seen_.deadline, before + absl::Seconds(20));
}

}  // namespace
}  // namespace pif
