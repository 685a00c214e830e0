// The shutdown sequence on a real server on port 0: readiness off, calls still answered during
// the pre-stop pause, then the drain.
#include "shutdown.h"

#include <grpcpp/client_context.h>

#include <future>

#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using grpc::health::v1::HealthCheckResponse;
using intake::v1::IntakeService;

class AnsweringIntake final : public IntakeService::Service {
  grpc::Status GetDataVersion(grpc::ServerContext*, const intake::v1::GetDataVersionRequest*,
                              intake::v1::GetDataVersionResponse* response) override {
    response->set_data_version(7);
    return grpc::Status::OK;
  }
};

HealthCheckResponse::ServingStatus Health(int port, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(
      OpenChannel("127.0.0.1:" + std::to_string(port), ClientOptions{}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  return status.ok() ? response.status() : HealthCheckResponse::UNKNOWN;
}

grpc::Status CallService(int port) {
  auto stub =
      IntakeService::NewStub(OpenChannel("127.0.0.1:" + std::to_string(port), ClientOptions{}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  intake::v1::GetDataVersionRequest request;
  request.set_council("S12000033");
  intake::v1::GetDataVersionResponse response;
  return stub->GetDataVersion(&context, request, &response);
}

TEST(ShutDownTest, ReadinessGoesFirstCallsAreAnsweredDuringThePauseThenTheServerDrains) {
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  options.health_listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<AnsweringIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), nullptr);
  ASSERT_TRUE(host.ok()) << host.status();
  const int port = (*host)->port();
  const int health_port = (*host)->health_port();
  const std::string name = IntakeService::service_full_name();
  ASSERT_EQ(Health(health_port, name), HealthCheckResponse::SERVING);

  const auto started = std::chrono::steady_clock::now();
  auto shutdown = std::async(std::launch::async,
                             [&] { ShutDown(**host, absl::Milliseconds(1500), absl::Seconds(5)); });
  // During the pause: readiness is off on both ports, liveness is not, calls are still answered.
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(Health(health_port, name), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Health(port, name), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Health(health_port, ""), HealthCheckResponse::SERVING);
  EXPECT_TRUE(CallService(port).ok());
  EXPECT_EQ(shutdown.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);
  shutdown.get();
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1500));
  // After the drain nothing answers any more.
  EXPECT_EQ(CallService(port).error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace pif
