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
#include "pif/audit/testing/fake_audit_log.h"
#include "pif/core/log.h"
#include "pif/grpc/call_scope.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/indicators/v1/indicators_service.pb.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif {
namespace {

using intake::v1::GetDataVersionRequest;
using intake::v1::GetDataVersionResponse;
using intake::v1::IntakeService;

// Answers GetDataVersion with version 7, or NOT_FOUND for council S12000099; GetRejection notes
// one record read of child P7 for the audit, twice over (the notes add up).
class FixedIntake final : public IntakeService::Service {
 public:
  grpc::Status GetDataVersion(grpc::ServerContext*, const GetDataVersionRequest* request,
                              GetDataVersionResponse* response) override {
    if (request->council() == "S12000099") return {grpc::StatusCode::NOT_FOUND, "no such council"};
    response->set_data_version(7);
    return grpc::Status::OK;
  }
  grpc::Status GetRejection(grpc::ServerContext* context, const intake::v1::GetRejectionRequest*,
                            intake::v1::GetRejectionResponse*) override {
    CallScope call(*context);
    call.NoteRecords(1, 0);
    call.NoteChildrenRead({"P7"});
    call.NoteRecords(1, 2);
    call.NoteChildrenRead({"Placement:PL7"});
    return grpc::Status::OK;
  }
};

// A host of FixedIntake keeping its audit in `log`.
std::unique_ptr<ServiceHost> HostWithAudit(std::shared_ptr<audit::AuditSink> log) {
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<FixedIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), std::make_shared<Metrics>("intake"),
                                 nullptr, std::move(log));
  EXPECT_TRUE(host.ok()) << host.status();
  return host.ok() ? *std::move(host) : nullptr;
}

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

TEST(AccessAuditTest, EveryCallIsKeptInTheAuditWithWhatItsHandlerNoted) {
  auto log = std::make_shared<audit::testing::FakeAuditLog>();
  std::unique_ptr<ServiceHost> host = HostWithAudit(log);
  ASSERT_NE(host, nullptr);
  const std::string address = "127.0.0.1:" + std::to_string(host->port());
  auto stub = IntakeService::NewStub(OpenChannel(address));
  const absl::Time before = absl::Now();
  {
    grpc::ClientContext context;
    intake::v1::GetRejectionRequest request;
    request.set_council("S12000033");
    intake::v1::GetRejectionResponse response;
    ASSERT_TRUE(stub->GetRejection(&context, request, &response).ok());
  }
  // Kept before the answer was sent: there as soon as the call returned.
  std::vector<audit::AuditRecord> kept = log->Records();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].service, "intake");
  EXPECT_EQ(kept[0].method, "/pif.intake.v1.IntakeService/GetRejection");
  EXPECT_EQ(kept[0].council, "S12000033");
  EXPECT_EQ(kept[0].code, "OK");
  EXPECT_EQ(kept[0].caller, "anonymous");
  EXPECT_TRUE(absl::StartsWith(kept[0].peer, "ipv4:127.0.0.1:"));
  EXPECT_EQ(kept[0].records_read, 2);
  EXPECT_EQ(kept[0].records_written, 2);
  EXPECT_EQ(kept[0].children, (std::vector<std::string>{"P7", "Placement:PL7"}));
  EXPECT_GE(kept[0].at, before);
  EXPECT_LE(kept[0].at, absl::Now());
  {
    grpc::ClientContext context;
    GetDataVersionRequest request;
    request.set_council("S12000099");
    GetDataVersionResponse response;
    EXPECT_EQ(stub->GetDataVersion(&context, request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  {
    auto health = grpc::health::v1::Health::NewStub(OpenChannel(address));
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(health->Check(&context, {}, &response).ok());
  }
  kept = log->Records();
  ASSERT_EQ(kept.size(), 2u);  // health checks are not audited
  EXPECT_EQ(kept[1].code, "NOT_FOUND");
  EXPECT_EQ(kept[1].records_read, 0);
  EXPECT_TRUE(kept[1].children.empty());
}

TEST(AccessAuditTest, ACallThatCannotBeAuditedIsAnsweredUnavailableWithNothingInIt) {
  CapturedLog captured;
  auto log = std::make_shared<audit::testing::FakeAuditLog>();
  std::unique_ptr<ServiceHost> host = HostWithAudit(log);
  ASSERT_NE(host, nullptr);
  auto stub = IntakeService::NewStub(OpenChannel("127.0.0.1:" + std::to_string(host->port())));
  log->FailAppends(absl::UnavailableError("the audit's database is out of reach"));
  grpc::ClientContext context;
  GetDataVersionRequest request;
  request.set_council("S12000033");
  GetDataVersionResponse response;
  const grpc::Status status = stub->GetDataVersion(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(status.error_message(), kNotAuditedMessage);
  EXPECT_EQ(response.data_version(), 0);  // the answer (7) did not leave
  EXPECT_TRUE(log->Records().empty());
  host->Drain(absl::ZeroDuration());
  ASSERT_EQ(captured.Events("audit_write_failed").size(), 1u);
  const std::vector<nlohmann::json> access = captured.Events("access");
  ASSERT_EQ(access.size(), 1u);
  EXPECT_EQ(access[0]["code"], "UNAVAILABLE");
  // The database back: calls are answered again.
  log->FailAppends(absl::OkStatus());
}

TEST(AccessAuditTest, TheMetricsCountTheStatusTheAuditLetOut) {
  auto log = std::make_shared<audit::testing::FakeAuditLog>();
  auto metrics = std::make_shared<Metrics>("intake");
  ServerOptions options;
  options.service_name = "intake";
  options.listen = "127.0.0.1:0";
  std::vector<HostedService> services;
  services.push_back({IntakeService::service_full_name(), std::make_unique<FixedIntake>()});
  auto host = ServiceHost::Start(options, std::move(services), metrics, nullptr, log);
  ASSERT_TRUE(host.ok()) << host.status();
  auto stub = IntakeService::NewStub(OpenChannel("127.0.0.1:" + std::to_string((*host)->port())));
  log->FailAppends(absl::UnavailableError("down"));
  grpc::ClientContext context;
  GetDataVersionRequest request;
  request.set_council("S12000033");
  GetDataVersionResponse response;
  ASSERT_EQ(stub->GetDataVersion(&context, request, &response).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  (*host)->Drain(absl::ZeroDuration());  // every interceptor has counted by now
  const std::string text = metrics->RenderText();
  EXPECT_NE(text.find("grpc_code=\"UNAVAILABLE\""), std::string::npos) << text;
  EXPECT_EQ(text.find("grpc_code=\"OK\""), std::string::npos) << text;
}

}  // namespace
}  // namespace pif
