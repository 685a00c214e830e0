// The gRPC server metrics, through a real server on port 0 (ServiceHost) and generated clients.
#include "pif/grpc/rpc_metrics_interceptor.h"

#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>

#include <future>
#include <thread>

#include "absl/synchronization/notification.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using grpc::experimental::ServerRpcInfo;
using intake::v1::GetDataVersionRequest;
using intake::v1::GetDataVersionResponse;
using intake::v1::IntakeService;

constexpr char kIntake[] = "pif.intake.v1.IntakeService";

// GetDataVersion answers once released, holding the call at least `hold`; other rpcs are the
// generated base's UNIMPLEMENTED.
class HeldIntake final : public IntakeService::Service {
 public:
  grpc::Status GetDataVersion(grpc::ServerContext*, const GetDataVersionRequest*,
                              GetDataVersionResponse*) override {
    started.Notify();
    release.WaitForNotification();
    std::this_thread::sleep_for(hold);
    return grpc::Status::OK;
  }
  absl::Notification started;
  absl::Notification release;
  std::chrono::milliseconds hold{0};
};

class RpcMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.service_name = "intake";
    options.listen = "127.0.0.1:0";
    auto impl = std::make_unique<HeldIntake>();
    intake_ = impl.get();
    std::vector<HostedService> services;
    services.push_back({IntakeService::service_full_name(), std::move(impl)});
    auto host = ServiceHost::Start(options, std::move(services), metrics_);
    ASSERT_TRUE(host.ok()) << host.status();
    host_ = std::move(*host);
    channel_ = OpenChannel("127.0.0.1:" + std::to_string(host_->port()));
  }

  grpc::Status GetDataVersion() {
    auto stub = IntakeService::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    GetDataVersionRequest request;
    request.set_council("S12000033");
    GetDataVersionResponse response;
    return stub->GetDataVersion(&context, request, &response);
  }

  // Sends a unary call with an empty body to any method name.
  grpc::Status CallByName(const std::string& method) {
    grpc::GenericStub generic(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::ByteBuffer request;
    grpc::Slice empty("");
    request = grpc::ByteBuffer(&empty, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    generic.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                      [&done](grpc::Status status) { done.set_value(status); });
    return done.get_future().get();
  }

  // Waits for every call to be torn down (interceptors record then).
  void Drain() { host_->Drain(absl::Seconds(5)); }

  double Handled(const std::string& service, const std::string& method, const std::string& type,
                 const std::string& code) {
    return metrics_->Value("grpc_server_handled_total", {{"grpc_service", service},
                                                         {"grpc_method", method},
                                                         {"grpc_type", type},
                                                         {"grpc_code", code}});
  }

  std::shared_ptr<Metrics> metrics_ = std::make_shared<Metrics>("intake");
  HeldIntake* intake_ = nullptr;
  std::unique_ptr<ServiceHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(RpcMetricsTest, ACallIsStartedWhenItArrivesAndHandledWhenItEnds) {
  auto call = std::async(std::launch::async, [&] { return GetDataVersion(); });
  ASSERT_TRUE(intake_->started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  const prometheus::Labels labels = {
      {"grpc_service", kIntake}, {"grpc_method", "GetDataVersion"}, {"grpc_type", "unary"}};
  EXPECT_EQ(metrics_->Value("grpc_server_started_total", labels), 1);
  EXPECT_EQ(Handled(kIntake, "GetDataVersion", "unary", "OK"), 0);
  intake_->release.Notify();
  EXPECT_TRUE(call.get().ok());
  Drain();
  EXPECT_EQ(metrics_->Value("grpc_server_started_total", labels), 1);
  EXPECT_EQ(Handled(kIntake, "GetDataVersion", "unary", "OK"), 1);
}

TEST_F(RpcMetricsTest, LatencyIsObservedInTheBucketsAboveIt) {
  intake_->hold = std::chrono::milliseconds(300);
  intake_->release.Notify();
  ASSERT_TRUE(GetDataVersion().ok());
  Drain();
  const std::string text = metrics_->RenderText();
  const std::string series =
      "grpc_method=\"GetDataVersion\",grpc_service=\"pif.intake.v1.IntakeService\","
      "grpc_type=\"unary\"";
  // Buckets are cumulative: a call of at least 0.3 s is in none up to 0.25 s and in +Inf.
  EXPECT_NE(text.find("grpc_server_handling_seconds_bucket{" + series + ",le=\"0.001\"} 0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_bucket{" + series + ",le=\"0.25\"} 0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_bucket{" + series + ",le=\"120\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_bucket{" + series + ",le=\"+Inf\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_count{" + series + "} 1\n"), std::string::npos)
      << text;
  const size_t sum = text.find("grpc_server_handling_seconds_sum{" + series + "} ");
  ASSERT_NE(sum, std::string::npos) << text;
  EXPECT_GE(std::stod(text.substr(text.find("} ", sum) + 2)), 0.3);
}

TEST_F(RpcMetricsTest, StreamingMethodsCarryTheirType) {
  auto stub = IntakeService::NewStub(channel_);
  {
    grpc::ClientContext context;
    intake::v1::ExportSnapshotRequest request;
    auto reader = stub->ExportSnapshot(&context, request);
    intake::v1::ExportSnapshotResponse response;
    while (reader->Read(&response)) {
    }
    EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNIMPLEMENTED);
  }
  {
    grpc::ClientContext context;
    intake::v1::SubmitRecordsResponse response;
    auto writer = stub->SubmitRecords(&context, &response);
    writer->WritesDone();
    EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::UNIMPLEMENTED);
  }
  Drain();
  EXPECT_EQ(Handled(kIntake, "ExportSnapshot", "server_stream", "UNIMPLEMENTED"), 1);
  EXPECT_EQ(Handled(kIntake, "SubmitRecords", "client_stream", "UNIMPLEMENTED"), 1);
}

TEST_F(RpcMetricsTest, HealthChecksAreCountedUnderTheHealthService) {
  auto stub = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(stub->Check(&context, request, &response).ok());
  Drain();
  EXPECT_EQ(Handled("grpc.health.v1.Health", "Check", "unary", "OK"), 1);
}

TEST_F(RpcMetricsTest, MethodsTheServerDoesNotHaveShareOneSeries) {
  EXPECT_EQ(CallByName("/pif.intake.v1.IntakeService/NoSuchMethod").error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(CallByName("/made.up.Service/Anything").error_code(), grpc::StatusCode::UNIMPLEMENTED);
  Drain();
  const std::string text = metrics_->RenderText();
  EXPECT_EQ(text.find("NoSuchMethod"), std::string::npos) << text;
  EXPECT_EQ(text.find("made.up"), std::string::npos) << text;
  EXPECT_EQ(Handled("unknown", "unknown", "bidi_stream", "UNIMPLEMENTED"), 2) << text;
}

TEST(RpcMetricsNamesTest, MethodsOfAServiceComeFromItsDescriptor) {
  const std::vector<std::string> methods = MethodsOfService(kIntake);
  EXPECT_EQ(methods.size(), 9u);  // EraseChild is the ninth
  EXPECT_NE(std::find(methods.begin(), methods.end(), "/pif.intake.v1.IntakeService/EraseChild"),
            methods.end());
  EXPECT_NE(
      std::find(methods.begin(), methods.end(), "/pif.intake.v1.IntakeService/GetDataVersion"),
      methods.end());
  EXPECT_TRUE(MethodsOfService("pif.nothing.v1.Nothing").empty());
}

TEST(RpcMetricsNamesTest, TypeNamesAreThoseOfTheGrpcConventions) {
  EXPECT_EQ(GrpcTypeName(ServerRpcInfo::Type::UNARY), "unary");
  EXPECT_EQ(GrpcTypeName(ServerRpcInfo::Type::CLIENT_STREAMING), "client_stream");
  EXPECT_EQ(GrpcTypeName(ServerRpcInfo::Type::SERVER_STREAMING), "server_stream");
  EXPECT_EQ(GrpcTypeName(ServerRpcInfo::Type::BIDI_STREAMING), "bidi_stream");
}

}  // namespace
}  // namespace pif
