// The plaintext health port: grpc.health.v1 answered there with the service port's readiness,
// and nothing else reachable (no hosted service, no reflection).
#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using grpc::health::v1::HealthCheckResponse;
using intake::v1::IntakeService;

class AnsweringIntake final : public IntakeService::Service {
  grpc::Status GetDataVersion(grpc::ServerContext*, const intake::v1::GetDataVersionRequest*,
                              intake::v1::GetDataVersionResponse* response) override {
    response->set_data_version(3);
    return grpc::Status::OK;
  }
};

std::unique_ptr<ServiceHost> StartWithHealthPort() {
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  options.health_listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<AnsweringIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), nullptr);
  EXPECT_TRUE(host.ok()) << host.status();
  return host.ok() ? std::move(*host) : nullptr;
}

std::shared_ptr<grpc::Channel> Plaintext(int port) {
  return OpenChannel("127.0.0.1:" + std::to_string(port), ClientOptions{});
}

HealthCheckResponse::ServingStatus Health(int port, const std::string& service,
                                          grpc::Status* status) {
  auto stub = grpc::health::v1::Health::NewStub(Plaintext(port));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  *status = stub->Check(&context, request, &response);
  return response.status();
}

TEST(HealthPortTest, AnswersHealthChecksForTheServerAndEachHostedService) {
  std::unique_ptr<ServiceHost> host = StartWithHealthPort();
  ASSERT_NE(host, nullptr);
  ASSERT_NE(host->health_port(), 0);
  EXPECT_NE(host->health_port(), host->port());
  for (const std::string& name : {std::string(), std::string(IntakeService::service_full_name())}) {
    grpc::Status status;
    EXPECT_EQ(Health(host->health_port(), name, &status), HealthCheckResponse::SERVING) << name;
    EXPECT_TRUE(status.ok()) << status.error_message();
  }
}

TEST(HealthPortTest, ServesNothingButHealth) {
  std::unique_ptr<ServiceHost> host = StartWithHealthPort();
  ASSERT_NE(host, nullptr);
  // The hosted service answers on its own port, not on the health port.
  for (const auto& [port, expected] :
       {std::pair{host->port(), grpc::StatusCode::OK},
        std::pair{host->health_port(), grpc::StatusCode::UNIMPLEMENTED}}) {
    auto stub = IntakeService::NewStub(Plaintext(port));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    intake::v1::GetDataVersionRequest request;
    request.set_council("S12000033");
    intake::v1::GetDataVersionResponse response;
    EXPECT_EQ(stub->GetDataVersion(&context, request, &response).error_code(), expected) << port;
  }
  // Nor does server reflection (which the service port offers) answer there.
  for (const std::string method : {"/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                                   "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"}) {
    grpc::GenericStub stub(Plaintext(host->health_port()));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::CompletionQueue queue;
    std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
        stub.PrepareCall(&context, method, &queue);
    call->StartCall(reinterpret_cast<void*>(1));
    void* tag = nullptr;
    bool ok = false;
    ASSERT_TRUE(queue.Next(&tag, &ok));
    grpc::Status status;
    call->Finish(&status, reinterpret_cast<void*>(2));
    while (queue.Next(&tag, &ok) && tag != reinterpret_cast<void*>(2)) {
    }
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED) << method;
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) {
    }
  }
}

TEST(HealthPortTest, ReadinessFollowsSetReadyOnBothPortsWhileLivenessStays) {
  std::unique_ptr<ServiceHost> host = StartWithHealthPort();
  ASSERT_NE(host, nullptr);
  const std::string name = IntakeService::service_full_name();
  grpc::Status status;
  host->SetReady(false);
  for (int port : {host->port(), host->health_port()}) {
    EXPECT_EQ(Health(port, name, &status), HealthCheckResponse::NOT_SERVING) << port;
    EXPECT_EQ(Health(port, "", &status), HealthCheckResponse::SERVING) << port;
  }
  host->SetReady(true);
  for (int port : {host->port(), host->health_port()}) {
    EXPECT_EQ(Health(port, name, &status), HealthCheckResponse::SERVING) << port;
  }
  // Once draining, nothing turns readiness back on.
  host->Drain(absl::ZeroDuration());
  host->SetReady(true);
}

TEST(HealthPortTest, AnAddressThatCannotBeBoundStopsStartUp) {
  std::unique_ptr<ServiceHost> first = StartWithHealthPort();
  ASSERT_NE(first, nullptr);
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  options.health_listen = "127.0.0.1:" + std::to_string(first->health_port());
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<AnsweringIntake>()});
  auto second = ServiceHost::Start(options, std::move(services), nullptr);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pif
