// Limits of pif-intake under hostile callers, on the real binary and PostgreSQL: the operator's
// twelve SubmitRecords streams that send a header and then nothing (pool of 8), a stream kept
// busy past its duration limit, and exports beyond the stream cap. Every time, another caller's
// GetDataVersion is answered in time and nothing of the ended streams is committed.
#include <grpcpp/client_context.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "pif/common/v1/errors.pb.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using intake::v1::IntakeService;
using intake::v1::SubmitRecordsRequest;
using intake::v1::SubmitRecordsResponse;
using testing::BinaryPath;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;

constexpr char kOtherCouncil[] = "S12000099";

std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council,
                                             int deadline_seconds = 60) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(deadline_seconds));
  TestIdentity::Get().AddToken(*context, {role}, {council});
  return context;
}

SubmitRecordsRequest Header(const std::string& council, const std::string& batch_id) {
  SubmitRecordsRequest request;
  request.mutable_header()->set_council(council);
  request.mutable_header()->set_batch_id(batch_id);
  return request;
}

SubmitRecordsRequest OneChild(int i) {
  SubmitRecordsRequest request;
  intake::v1::Child* child =
      request.mutable_chunk()->add_records()->mutable_record()->mutable_child();
  child->set_person_id(absl::StrFormat("P%06d", i));
  child->mutable_dob()->set_year(2012);
  child->mutable_dob()->set_month(6);
  child->mutable_dob()->set_day(1 + i % 28);
  child->set_sex(intake::v1::SEX_F);
  return request;
}

struct Intake {
  std::unique_ptr<ServiceProcess> process;
  std::unique_ptr<IntakeService::Stub> stub;         // a council's system (pifctl)
  std::unique_ptr<IntakeService::Stub> reader_stub;  // the indicators service
};

Intake Start(const TestDatabase& database, const std::vector<std::string>& limits) {
  Intake intake;
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + database.conninfo(),
                                   "--drain_seconds=1", "--db_pool_size=8"};
  args.insert(args.end(), limits.begin(), limits.end());
  for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) args.push_back(std::move(arg));
  intake.process = std::make_unique<ServiceProcess>(BinaryPath("pif-intake"), args);
  auto port = intake.process->WaitUntilServing();
  EXPECT_TRUE(port.ok()) << port.status();
  if (port.ok()) {
    const std::string address = absl::StrCat("127.0.0.1:", *port);
    intake.stub = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("pifctl")));
    intake.reader_stub = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("indicators")));
  }
  return intake;
}

// The council's data version as another caller reads it, with a 2-second deadline; fails the
// test when the call is not answered in time.
int64_t DataVersion(IntakeService::Stub& stub, const std::string& council) {
  auto context = Context(auth::Role::kAnalyst, council, 2);
  intake::v1::GetDataVersionRequest request;
  request.set_council(council);
  intake::v1::GetDataVersionResponse response;
  const grpc::Status status = stub.GetDataVersion(context.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  return status.ok() ? response.data_version() : -1;
}

// The retry hint of a refused call (0 when it carries none).
int RetryAfterSeconds(const grpc::Status& status) {
  common::v1::Status wire;
  if (!wire.ParseFromString(status.error_details()) || wire.details_size() != 1) return 0;
  common::v1::ErrorDetails details;
  if (!wire.details(0).UnpackTo(&details)) return 0;
  return details.retry_after_seconds();
}

struct StreamOutcome {
  grpc::Status status;
  double seconds = 0;
};

TEST(IntakeLimitsTest, TwelveIdleStreamsAreCappedAndEndedWhileOtherCallersAreAnswered) {
  TestDatabase database("intake_limits_idle");
  Intake intake = Start(database, {"--stream_idle_seconds=3", "--max_concurrent_streams=4"});
  ASSERT_NE(intake.stub, nullptr);
  constexpr int kStreams = 12;
  std::vector<StreamOutcome> outcomes(kStreams);
  std::vector<std::thread> streams;
  for (int i = 0; i < kStreams; ++i) {
    streams.emplace_back([&, i] {
      const std::string council = absl::StrFormat("S12%06d", 100 + i);
      auto context = Context(auth::Role::kSubmitter, council);
      SubmitRecordsResponse response;
      const absl::Time started = absl::Now();
      auto writer = intake.stub->SubmitRecords(context.get(), &response);
      writer->Write(Header(council, "idle"));
      // Then nothing: no chunk, no end, no half-close.
      outcomes[i].status = writer->Finish();
      outcomes[i].seconds = absl::ToDoubleSeconds(absl::Now() - started);
    });
  }
  // While the admitted streams sit idle holding their transactions, other callers are answered.
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  for (int call = 0; call < 10; ++call) {
    const absl::Time asked = absl::Now();
    EXPECT_EQ(DataVersion(*intake.reader_stub, kOtherCouncil), 0);
    EXPECT_LT(absl::Now() - asked, absl::Seconds(1));
  }
  // A snapshot export beyond the cap is refused the same way.
  {
    auto context = Context(auth::Role::kAnalyst, kOtherCouncil);
    intake::v1::ExportSnapshotRequest request;
    request.set_council(kOtherCouncil);
    auto reader = intake.reader_stub->ExportSnapshot(context.get(), request);
    intake::v1::ExportSnapshotResponse message;
    while (reader->Read(&message)) {
    }
    const grpc::Status status = reader->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
    EXPECT_GT(RetryAfterSeconds(status), 0);
  }
  for (std::thread& stream : streams) stream.join();
  int refused = 0;
  int idle_ended = 0;
  for (const StreamOutcome& outcome : outcomes) {
    if (outcome.status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++refused;
      EXPECT_GT(RetryAfterSeconds(outcome.status), 0);
      EXPECT_LT(outcome.seconds, 2.0);  // refused at once, not after waiting
    } else {
      EXPECT_EQ(outcome.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
          << outcome.status.error_message();
      EXPECT_TRUE(absl::StrContains(outcome.status.error_message(), "idle limit"))
          << outcome.status.error_message();
      EXPECT_GE(outcome.seconds, 2.5);
      EXPECT_LT(outcome.seconds, 15.0);
      ++idle_ended;
    }
  }
  EXPECT_EQ(refused, kStreams - 4);
  EXPECT_EQ(idle_ended, 4);
  // Nothing of any stream was committed, and the slots are free again: a whole batch goes in.
  for (int i = 0; i < kStreams; ++i) {
    EXPECT_EQ(DataVersion(*intake.reader_stub, absl::StrFormat("S12%06d", 100 + i)), 0);
  }
  {
    auto context = Context(auth::Role::kSubmitter, kOtherCouncil);
    SubmitRecordsResponse response;
    auto writer = intake.stub->SubmitRecords(context.get(), &response);
    writer->Write(Header(kOtherCouncil, "after"));
    writer->Write(OneChild(1));
    SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(1);
    writer->Write(end);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  EXPECT_EQ(DataVersion(*intake.reader_stub, kOtherCouncil), 1);
}

TEST(IntakeLimitsTest, AStreamKeptBusyPastItsDurationLimitIsEndedAndCommitsNothing) {
  TestDatabase database("intake_limits_duration");
  Intake intake = Start(database, {"--stream_idle_seconds=30", "--stream_max_seconds=2"});
  ASSERT_NE(intake.stub, nullptr);
  const std::string council = "S12000200";
  auto context = Context(auth::Role::kSubmitter, council);
  SubmitRecordsResponse response;
  const absl::Time started = absl::Now();
  auto writer = intake.stub->SubmitRecords(context.get(), &response);
  writer->Write(Header(council, "slow"));
  int sent = 0;
  // A record every 200 ms: never idle, but never finished.
  while (absl::Now() - started < absl::Seconds(10) && writer->Write(OneChild(sent))) {
    ++sent;
    if (sent % 5 == 0) {
      EXPECT_EQ(DataVersion(*intake.reader_stub, kOtherCouncil), 0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const grpc::Status status = writer->Finish();
  const absl::Duration took = absl::Now() - started;
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << status.error_message();
  EXPECT_TRUE(absl::StrContains(status.error_message(), "duration limit"))
      << status.error_message();
  EXPECT_GE(took, absl::Milliseconds(1800));
  EXPECT_LT(took, absl::Seconds(8));
  EXPECT_GT(sent, 3);
  EXPECT_EQ(DataVersion(*intake.reader_stub, council), 0);
}

}  // namespace
}  // namespace pif
