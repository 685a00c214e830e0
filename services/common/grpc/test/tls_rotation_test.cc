// Rotated certificate files are used without a restart: a server whose CA and certificate files
// are replaced under it refuses the old CA's clients and accepts the new CA's, once the files
// have been read again.
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_builder.h>

#include <filesystem>
#include <fstream>

#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/testing/test_certificates.h"

namespace pif {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A health check over a new channel presenting `party` of `dir` and trusting `ca`.
grpc::Status Check(int port, const std::string& dir, const std::string& ca,
                   const std::string& party) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFile(dir + "/" + ca + ".pem");
  ssl.pem_cert_chain = ReadFile(dir + "/" + party + ".pem");
  ssl.pem_private_key = ReadFile(dir + "/" + party + ".key");
  grpc::ChannelArguments arguments;
  arguments.SetInt("grpc.use_local_subchannel_pool", 1);  // a new connection each time
  auto channel = grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port),
                                           grpc::SslCredentials(ssl), arguments);
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  return stub->Check(&context, request, &response);
}

TEST(TlsRotationTest, ReplacedFilesAreServedWithoutARestart) {
  auto dir = testing::MakeTestCertificates({"old_ca", "new_ca"}, {{"old_server", "old_ca"},
                                                                  {"old_client", "old_ca"},
                                                                  {"new_server", "new_ca"},
                                                                  {"new_client", "new_ca"}});
  ASSERT_TRUE(dir.ok()) << dir.status();
  // The server's files, as an operator's deployment names them; they start as the old ones.
  const std::string live = *dir + "/live";
  std::filesystem::create_directory(live);
  const auto install = [&](const std::string& ca, const std::string& server) {
    for (const auto& [from, to] :
         {std::pair{ca + ".pem", "ca.pem"}, std::pair{server + ".pem", "server.pem"},
          std::pair{server + ".key", "server.key"}}) {
      // Written next to the target and renamed over it, as a secret update does.
      std::filesystem::copy_file(*dir + "/" + from, live + "/" + to + ".new",
                                 std::filesystem::copy_options::overwrite_existing);
      std::filesystem::rename(live + "/" + to + ".new", live + "/" + to);
    }
  };
  install("old_ca", "old_server");

  ServerOptions options;
  options.tls = TlsFiles{live + "/ca.pem", live + "/server.pem", live + "/server.key"};
  options.tls_refresh_seconds = 1;
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentialsFor(options);
  ASSERT_TRUE(credentials.ok()) << credentials.status();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", *credentials, &port);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);

  EXPECT_TRUE(Check(port, *dir, "old_ca", "old_client").ok());
  EXPECT_FALSE(Check(port, *dir, "new_ca", "new_client").ok());

  install("new_ca", "new_server");
  // The files are read again every second: within a few, new connections use them.
  bool rotated = false;
  for (int i = 0; i < 50 && !rotated; ++i) {
    absl::SleepFor(absl::Milliseconds(200));
    rotated = Check(port, *dir, "new_ca", "new_client").ok();
  }
  EXPECT_TRUE(rotated) << "the new CA's client was still refused";
  EXPECT_FALSE(Check(port, *dir, "old_ca", "old_client").ok()) << "the old CA is no longer trusted";
  server->Shutdown();
}

}  // namespace
}  // namespace pif
