// The access audit: every call a service answers leaves one log line naming the caller, the
// method, the council and the outcome; health checks leave none.
#include "pif/grpc/access_audit.h"

#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>

#include <future>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/core/log.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/indicators/v1/indicators_service.pb.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using intake::v1::GetDataVersionRequest;
using intake::v1::GetDataVersionResponse;
using intake::v1::IntakeService;

// Answers GetDataVersion with version 7, or NOT_FOUND for council S12000099.
class FixedIntake final : public IntakeService::Service {
 public:
  grpc::Status GetDataVersion(grpc::ServerContext*, const GetDataVersionRequest* request,
                              GetDataVersionResponse* response) override {
    if (request->council() == "S12000099") return {grpc::StatusCode::NOT_FOUND, "no such council"};
    response->set_data_version(7);
    return grpc::Status::OK;
  }
};

// Captures the JSON log for the test's lifetime.
class CapturedLog {
 public:
  CapturedLog() { log::SetSink(&text_); }
  ~CapturedLog() { log::SetSink(&std::cerr); }
  // The captured lines whose event is `event`, parsed.
  std::vector<nlohmann::json> Events(const std::string& event) const {
    std::vector<nlohmann::json> events;
    for (absl::string_view line : absl::StrSplit(text_.str(), '\n', absl::SkipEmpty())) {
      nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
      if (!parsed.is_discarded() && parsed.value("event", "") == event) events.push_back(parsed);
    }
    return events;
  }

 private:
  std::ostringstream text_;
};

TEST(CouncilOfTest, FindsTheCouncilOfARequestOrOfItsHeader) {
  GetDataVersionRequest version;
  version.set_council("S12000033");
  EXPECT_EQ(CouncilOf(version), "S12000033");
  intake::v1::SubmitRecordsRequest submission;
  submission.mutable_header()->set_council("S12000036");
  EXPECT_EQ(CouncilOf(submission), "S12000036");
  submission.mutable_chunk();  // a later message of the stream: no header any more
  EXPECT_EQ(CouncilOf(submission), "");
  EXPECT_EQ(CouncilOf(indicators::v1::ListIndicatorsRequest()), "");
}

TEST(AccessAuditTest, EveryCallLeavesOneLineWithCallerMethodCouncilAndOutcome) {
  CapturedLog log;
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<FixedIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), std::make_shared<Metrics>("intake"));
  ASSERT_TRUE(host.ok()) << host.status();
  const std::string address = "127.0.0.1:" + std::to_string((*host)->port());
  auto stub = IntakeService::NewStub(OpenChannel(address));
  for (const char* council : {"S12000033", "S12000099"}) {
    grpc::ClientContext context;
    GetDataVersionRequest request;
    request.set_council(council);
    GetDataVersionResponse response;
    stub->GetDataVersion(&context, request, &response);
  }
  {
    auto health = grpc::health::v1::Health::NewStub(OpenChannel(address));
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(health->Check(&context, {}, &response).ok());
  }
  (*host)->Drain(absl::ZeroDuration());  // every interceptor has written by now
  std::vector<nlohmann::json> access = log.Events("access");
  ASSERT_EQ(access.size(), 2u);  // the health check is not audited
  if (access[0]["council"] != "S12000033") std::swap(access[0], access[1]);
  EXPECT_EQ(access[0]["method"], "/pif.intake.v1.IntakeService/GetDataVersion");
  EXPECT_EQ(access[0]["council"], "S12000033");
  EXPECT_EQ(access[0]["code"], "OK");
  EXPECT_EQ(access[0]["caller"], "anonymous");
  EXPECT_TRUE(absl::StartsWith(access[0].value("address", ""), "ipv4:127.0.0.1:"));
  EXPECT_TRUE(access[0].contains("duration_ms"));
  EXPECT_EQ(access[1]["council"], "S12000099");
  EXPECT_EQ(access[1]["code"], "NOT_FOUND");
}

// A call to a method the server does not have (or garbage bytes for one it has) is answered, not
// a crash: the audit reads a request only when it is a message of the method's own type.
TEST(AccessAuditTest, UnknownMethodsAndUndecodableRequestsAreAnsweredAndAudited) {
  CapturedLog log;
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<FixedIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), std::make_shared<Metrics>("intake"));
  ASSERT_TRUE(host.ok()) << host.status();
  const std::string address = "127.0.0.1:" + std::to_string((*host)->port());
  grpc::GenericStub generic(OpenChannel(address));
  const std::string garbage = "\xff\xff\xff\xff\x0f not a protobuf";
  for (const char* method : {"/pif.intake.v1.IntakeService/NoSuchMethod",
                             "/pif.intake.v1.IntakeService/GetDataVersion"}) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::Slice slice(garbage);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    generic.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                      [&done](grpc::Status status) { done.set_value(status); });
    grpc::Status status = done.get_future().get();
    EXPECT_FALSE(status.ok()) << method;
  }
  // The server still answers.
  auto stub = IntakeService::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  GetDataVersionRequest request;
  request.set_council("S12000033");
  GetDataVersionResponse response;
  EXPECT_TRUE(stub->GetDataVersion(&context, request, &response).ok());
  (*host)->Drain(absl::ZeroDuration());
  // Each call once, whatever order the lines were written in.
  std::multiset<std::string> seen;
  for (const nlohmann::json& line : log.Events("access")) {
    seen.insert(line.value("method", "") + " " + line.value("code", "") + " " +
                line.value("council", ""));
  }
  EXPECT_EQ(seen, (std::multiset<std::string>{
                      "/pif.intake.v1.IntakeService/NoSuchMethod UNIMPLEMENTED ",
                      // nothing is read from undecodable bytes
                      "/pif.intake.v1.IntakeService/GetDataVersion INTERNAL ",
                      "/pif.intake.v1.IntakeService/GetDataVersion OK S12000033"}));
}

}  // namespace
}  // namespace pif
