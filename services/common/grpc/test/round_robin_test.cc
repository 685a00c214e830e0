// OpenChannel's load balancing: calls over a target with several addresses reach every one of
// them (round_robin), not only the first (gRPC's default pick_first).
#include <grpcpp/client_context.h>

#include <atomic>

#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using intake::v1::IntakeService;

class CountingIntake final : public IntakeService::Service {
 public:
  explicit CountingIntake(std::atomic<int>* calls) : calls_(calls) {}
  grpc::Status GetDataVersion(grpc::ServerContext*, const intake::v1::GetDataVersionRequest*,
                              intake::v1::GetDataVersionResponse*) override {
    ++*calls_;
    return grpc::Status::OK;
  }

 private:
  std::atomic<int>* calls_;
};

std::unique_ptr<ServiceHost> StartCounting(std::atomic<int>* calls) {
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<CountingIntake>(calls)});
  auto host = ServiceHost::Start(options, std::move(services), nullptr);
  EXPECT_TRUE(host.ok()) << host.status();
  return host.ok() ? std::move(*host) : nullptr;
}

TEST(RoundRobinTest, CallsOnOneChannelReachEveryAddressOfTheTarget) {
  std::atomic<int> first_calls{0}, second_calls{0};
  std::unique_ptr<ServiceHost> first = StartCounting(&first_calls);
  std::unique_ptr<ServiceHost> second = StartCounting(&second_calls);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  // What a headless Service's DNS name resolves to: several pods' addresses.
  const std::string target = "ipv4:127.0.0.1:" + std::to_string(first->port()) +
                             ",127.0.0.1:" + std::to_string(second->port());
  auto stub = IntakeService::NewStub(OpenChannel(target, ClientOptions{}));
  for (int i = 0; i < 20; ++i) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    context.set_wait_for_ready(true);
    intake::v1::GetDataVersionRequest request;
    intake::v1::GetDataVersionResponse response;
    ASSERT_TRUE(stub->GetDataVersion(&context, request, &response).ok());
  }
  EXPECT_EQ(first_calls + second_calls, 20);
  EXPECT_GE(first_calls, 5);
  EXPECT_GE(second_calls, 5);
}

}  // namespace
}  // namespace pif
