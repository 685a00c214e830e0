// In-process tests of the shared server bootstrap: a real server on port 0 and generated clients.
#include "pif/grpc/service_host.h"

#include <grpcpp/client_context.h>

#include <atomic>
#include <future>
#include <thread>

#include "absl/synchronization/notification.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/metrics/testing/http_get.h"

namespace pif {
namespace {

using intake::v1::GetDataVersionRequest;
using intake::v1::GetDataVersionResponse;
using intake::v1::IntakeService;

// GetDataVersion waits until released (or cancelled), so a test can hold a call in flight.
class SlowIntake final : public IntakeService::Service {
 public:
  grpc::Status GetDataVersion(grpc::ServerContext* context, const GetDataVersionRequest*,
                              GetDataVersionResponse*) override {
    if (!started.HasBeenNotified()) started.Notify();
    while (!release.HasBeenNotified()) {
      if (context->IsCancelled()) return grpc::Status::CANCELLED;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return grpc::Status::OK;
  }
  absl::Notification started;
  absl::Notification release;
};

struct Running {
  std::unique_ptr<ServiceHost> host;
  SlowIntake* impl;
  std::shared_ptr<Metrics> metrics;
  std::string address() const { return "127.0.0.1:" + std::to_string(host->port()); }
};

Running StartHost(ServerOptions options = {}) {
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  auto impl = std::make_unique<SlowIntake>();
  SlowIntake* raw = impl.get();
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::move(impl)});
  auto metrics = std::make_shared<Metrics>("intake");
  auto host = ServiceHost::Start(options, std::move(services), metrics);
  EXPECT_TRUE(host.ok()) << host.status();
  return {std::move(*host), raw, metrics};
}

grpc::health::v1::HealthCheckResponse::ServingStatus Health(const std::string& address,
                                                            const std::string& service,
                                                            grpc::Status* status) {
  auto stub = grpc::health::v1::Health::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  *status = stub->Check(&context, request, &response);
  return response.status();
}

grpc::Status CallGetDataVersion(const std::string& address, std::string council = "S12000033") {
  auto stub = IntakeService::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  GetDataVersionRequest request;
  request.set_council(std::move(council));
  GetDataVersionResponse response;
  return stub->GetDataVersion(&context, request, &response);
}

TEST(ServiceHostTest, HealthIsServingForTheServerAndEachHostedService) {
  Running running = StartHost();
  for (const std::string& name : {std::string(), std::string(IntakeService::service_full_name())}) {
    grpc::Status status;
    EXPECT_EQ(Health(running.address(), name, &status),
              grpc::health::v1::HealthCheckResponse::SERVING);
    EXPECT_TRUE(status.ok()) << status.error_message();
  }
  grpc::Status unknown;
  Health(running.address(), "pif.nothing.v1.Nothing", &unknown);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(ServiceHostTest, DrainLetsAnInFlightCallFinish) {
  Running running = StartHost();
  auto call = std::async(std::launch::async, [&] { return CallGetDataVersion(running.address()); });
  ASSERT_TRUE(running.impl->started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  auto drain = std::async(std::launch::async, [&] { running.host->Drain(absl::Seconds(20)); });
  // The drain waits for the call: it has not returned while the call is still running.
  EXPECT_EQ(drain.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
  running.impl->release.Notify();
  EXPECT_TRUE(call.get().ok());
  drain.get();
  // After the drain nothing is accepted any more.
  grpc::Status after = CallGetDataVersion(running.address());
  EXPECT_EQ(after.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST(ServiceHostTest, DrainCancelsCallsThatOutliveTheDeadline) {
  Running running = StartHost();
  auto call = std::async(std::launch::async, [&] { return CallGetDataVersion(running.address()); });
  ASSERT_TRUE(running.impl->started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  const auto before = std::chrono::steady_clock::now();
  running.host->Drain(absl::Milliseconds(100));
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5));
  EXPECT_FALSE(call.get().ok());
}

TEST(ServiceHostTest, CountsEveryRpcByMethodAndCode) {
  Running running = StartHost();
  running.impl->release.Notify();
  ASSERT_TRUE(CallGetDataVersion(running.address()).ok());
  ASSERT_TRUE(CallGetDataVersion(running.address()).ok());
  // An rpc the service does not implement yet is answered UNIMPLEMENTED, and counted as such.
  auto stub = IntakeService::NewStub(OpenChannel(running.address()));
  grpc::ClientContext context;
  intake::v1::DeleteRecordRequest request;
  intake::v1::DeleteRecordResponse response;
  EXPECT_EQ(stub->DeleteRecord(&context, request, &response).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  running.host->Drain(absl::Seconds(5));  // interceptors record when the call is torn down
  const std::string service = "pif.intake.v1.IntakeService";
  EXPECT_EQ(running.metrics->Value("grpc_server_handled_total", {{"grpc_service", service},
                                                                 {"grpc_method", "GetDataVersion"},
                                                                 {"grpc_type", "unary"},
                                                                 {"grpc_code", "OK"}}),
            2);
  EXPECT_EQ(running.metrics->Value("grpc_server_handled_total", {{"grpc_service", service},
                                                                 {"grpc_method", "DeleteRecord"},
                                                                 {"grpc_type", "unary"},
                                                                 {"grpc_code", "UNIMPLEMENTED"}}),
            1);
  EXPECT_EQ(running.metrics->Value("grpc_server_started_total", {{"grpc_service", service},
                                                                 {"grpc_method", "GetDataVersion"},
                                                                 {"grpc_type", "unary"}}),
            2);
  // Each finished call is one observation of its latency.
  EXPECT_NE(running.metrics->RenderText().find(
                "grpc_server_handling_seconds_count{grpc_method=\"GetDataVersion\","
                "grpc_service=\"pif.intake.v1.IntakeService\",grpc_type=\"unary\"} 2\n"),
            std::string::npos);
}

TEST(ServiceHostTest, ServesMetricsOverHttp) {
  ServerOptions options;
  options.metrics_listen = "127.0.0.1:0";
  Running running = StartHost(options);
  running.impl->release.Notify();
  ASSERT_TRUE(CallGetDataVersion(running.address()).ok());
  ASSERT_GT(running.host->metrics_port(), 0);
  const std::string handled =
      "grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"GetDataVersion\","
      "grpc_service=\"pif.intake.v1.IntakeService\",grpc_type=\"unary\"} 1\n";
  absl::StatusOr<std::string> scraped =
      testing::ScrapeUntilItHolds(running.host->metrics_port(), handled);
  ASSERT_TRUE(scraped.ok()) << "metrics endpoint did not answer: " << scraped.status();
  const std::string& body = *scraped;
  EXPECT_NE(body.find("# TYPE grpc_server_handling_seconds histogram"), std::string::npos);
  EXPECT_NE(body.find(handled), std::string::npos) << body;
}

TEST(ServiceHostTest, HostedServicesGaugesAreScrapedWhileTheHostLives) {
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  auto metrics = std::make_shared<Metrics>("intake");
  std::atomic<int> entries{3};
  std::vector<HostedService> services;
  services.push_back(
      {IntakeService::service_full_name(),
       std::make_unique<SlowIntake>(),
       {{"pif_test_cache_entries", "Entries.", {}, [&] { return entries.load(); }}}});
  auto host = ServiceHost::Start(options, std::move(services), metrics);
  ASSERT_TRUE(host.ok()) << host.status();
  EXPECT_EQ(metrics->Value("pif_test_cache_entries", {}), 3);
  entries = 5;
  EXPECT_EQ(metrics->Value("pif_test_cache_entries", {}), 5);
  host->reset();
  EXPECT_EQ(metrics->RenderText().find("pif_test_cache_entries"), std::string::npos);
}

TEST(ServiceHostTest, FailsAsUnavailableWhenTheMetricsPortIsTaken) {
  Metrics other("intake");
  ASSERT_TRUE(other.Serve("127.0.0.1:0").ok());
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  options.metrics_listen = "127.0.0.1:" + std::to_string(other.port());
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<SlowIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), std::make_shared<Metrics>("intake"));
  EXPECT_EQ(host.status().code(), absl::StatusCode::kUnavailable);
}

TEST(ServiceHostTest, RejectsMessagesOverTheSizeLimit) {
  ServerOptions options;
  options.max_message_bytes = 1024;
  Running running = StartHost(options);
  running.impl->release.Notify();
  EXPECT_TRUE(CallGetDataVersion(running.address()).ok());
  EXPECT_EQ(CallGetDataVersion(running.address(), std::string(4096, 'x')).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST(ServiceHostTest, FailsAsUnavailableWhenThePortIsTaken) {
  Running first = StartHost();
  ServerOptions options;
  options.service_name = "intake";
  options.listen = first.address();
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<SlowIntake>()});
  auto second =
      ServiceHost::Start(options, std::move(services), std::make_shared<Metrics>("intake"));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pif
