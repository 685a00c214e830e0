// Mutual TLS through the shared bootstrap: certificates made by openssl for the test, a real
// server on port 0, and clients with and without the right identity.
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>

#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/core/tls.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/testing/test_certificates.h"

namespace pif {
namespace {

// The test certificates: two CAs, a server and a client signed by "ca", a stranger signed by
// "other_ca"; made once per test binary.
class Certificates {
 public:
  static const Certificates& Get() {
    static const Certificates* certificates = new Certificates();
    return *certificates;
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  bool ok() const { return ok_; }

  // The files of one party: `ca` trusted, `party`.pem/.key presented.
  TlsFiles Files(const std::string& ca, const std::string& party) const {
    return TlsFiles{Path(ca + ".pem"), Path(party + ".pem"), Path(party + ".key")};
  }

 private:
  Certificates() {
    auto dir = testing::MakeTestCertificates(
        {"ca", "other_ca"}, {{"server", "ca"}, {"client", "ca"}, {"stranger", "other_ca"}});
    ok_ = dir.ok();
    if (ok_) dir_ = *dir;
  }

  std::string dir_;
  bool ok_ = false;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A server with only the health service, listening with `tls`.
absl::StatusOr<std::unique_ptr<ServiceHost>> StartServer(const TlsFiles& tls) {
  ServerOptions options;
  options.service_name = "tls-test";
  options.listen = "127.0.0.1:0";
  options.tls = tls;
  return ServiceHost::Start(options, {}, std::make_shared<Metrics>("intake"));
}

// The result of a health check over `credentials`.
grpc::Status Check(int port, std::shared_ptr<grpc::ChannelCredentials> credentials) {
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), credentials);
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  return stub->Check(&context, request, &response);
}

// Client credentials trusting `ca` and presenting `party` (none when empty).
std::shared_ptr<grpc::ChannelCredentials> ClientCredentials(const std::string& ca,
                                                            const std::string& party) {
  const Certificates& c = Certificates::Get();
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFile(c.Path(ca + ".pem"));
  if (!party.empty()) {
    ssl.pem_cert_chain = ReadFile(c.Path(party + ".pem"));
    ssl.pem_private_key = ReadFile(c.Path(party + ".key"));
  }
  return grpc::SslCredentials(ssl);
}

class MutualTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Certificates::Get().ok()) << "openssl could not make the test certificates";
    auto server = StartServer(Certificates::Get().Files("ca", "server"));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = std::move(*server);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Drain(absl::ZeroDuration());
  }
  std::unique_ptr<ServiceHost> server_;
};

TEST_F(MutualTlsTest, AClientWithACertificateOfTheSameCaIsServed) {
  EXPECT_TRUE(Check(server_->port(), ClientCredentials("ca", "client")).ok());
  // The same through OpenChannel, the way every pif client connects.
  auto tls = LoadTls(Certificates::Get().Files("ca", "client"));
  ASSERT_TRUE(tls.ok()) << tls.status();
  ClientOptions options;
  options.tls = *tls;
  auto stub = grpc::health::v1::Health::NewStub(
      OpenChannel(absl::StrCat("127.0.0.1:", server_->port()), options));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_TRUE(stub->Check(&context, {}, &response).ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(MutualTlsTest, AClientWithoutACertificateIsRefused) {
  EXPECT_FALSE(Check(server_->port(), ClientCredentials("ca", "")).ok());
}

TEST_F(MutualTlsTest, APlaintextClientIsRefused) {
  EXPECT_FALSE(Check(server_->port(), grpc::InsecureChannelCredentials()).ok());
}

TEST_F(MutualTlsTest, AClientCertificateOfAnotherCaIsRefused) {
  EXPECT_FALSE(Check(server_->port(), ClientCredentials("ca", "stranger")).ok());
}

TEST_F(MutualTlsTest, AClientThatDoesNotTrustTheServersCaDoesNotConnect) {
  EXPECT_FALSE(Check(server_->port(), ClientCredentials("other_ca", "stranger")).ok());
}

TEST(LoadTlsTest, NoFileMeansPlaintext) {
  auto tls = LoadTls(TlsFiles{});
  ASSERT_TRUE(tls.ok());
  EXPECT_FALSE(tls->has_value());
}

TEST(LoadTlsTest, SomeFilesWithoutTheOthersNameTheMissingFlag) {
  ASSERT_TRUE(Certificates::Get().ok());
  TlsFiles files = Certificates::Get().Files("ca", "server");
  files.key_file.clear();
  auto tls = LoadTls(files);
  ASSERT_FALSE(tls.ok());
  EXPECT_TRUE(absl::StrContains(tls.status().message(), "--tls_key_file is required"))
      << tls.status();
  // A server refuses to start on it, with the same message.
  auto server = StartServer(files);
  ASSERT_FALSE(server.ok());
  EXPECT_TRUE(absl::StrContains(server.status().message(), "--tls_key_file")) << server.status();
}

TEST(LoadTlsTest, AnUnreadableOrWrongFileIsNamed) {
  ASSERT_TRUE(Certificates::Get().ok());
  TlsFiles files = Certificates::Get().Files("ca", "server");
  files.cert_file = "/nonexistent/server.pem";
  auto missing = LoadTls(files);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::StrContains(missing.status().message(),
                                "--tls_cert_file: cannot read /nonexistent/server.pem"))
      << missing.status();
  files = Certificates::Get().Files("ca", "server");
  files.key_file = files.cert_file;  // a certificate where the key should be
  auto wrong = LoadTls(files);
  ASSERT_FALSE(wrong.ok());
  EXPECT_TRUE(absl::StrContains(wrong.status().message(), "--tls_key_file"));
  EXPECT_TRUE(absl::StrContains(wrong.status().message(), "PRIVATE KEY"));
}

}  // namespace
}  // namespace pif
