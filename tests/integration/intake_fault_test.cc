// Fault proofs of intake: the server killed (SIGKILL, as a crash or an out-of-memory kill would)
// at moments spread over a batch's stream and commit. After a restart on the same database the
// batch is there whole or not at all, a commit the client was told of is there, and sending the
// batch again completes it (or replays it).
#include <grpcpp/client_context.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
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

constexpr int kChildren = 4000;
constexpr int kPerChunk = 500;

// A call's context with a token for `role` in `council`.
std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  TestIdentity::Get().AddToken(*context, {role}, {council});
  return context;
}

SubmitRecordsRequest Header(const std::string& council, const std::string& batch_id) {
  SubmitRecordsRequest request;
  request.mutable_header()->set_council(council);
  request.mutable_header()->set_batch_id(batch_id);
  return request;
}

SubmitRecordsRequest Chunk(int first) {
  SubmitRecordsRequest request;
  for (int i = first; i < first + kPerChunk && i < kChildren; ++i) {
    intake::v1::Child* child =
        request.mutable_chunk()->add_records()->mutable_record()->mutable_child();
    child->set_person_id(absl::StrFormat("P%06d", i));
    child->mutable_dob()->set_year(2012);
    child->mutable_dob()->set_month(6);
    child->mutable_dob()->set_day(1 + i % 28);
    child->set_sex(intake::v1::SEX_F);
  }
  return request;
}

SubmitRecordsRequest End() {
  SubmitRecordsRequest request;
  request.mutable_end()->set_record_count(kChildren);
  return request;
}

// A running intake on `database`, a stub to it as a council's system sending records (pifctl's
// certificate), and one as the indicators service reading snapshots (a services-only rpc).
struct Intake {
  std::unique_ptr<ServiceProcess> process;
  std::unique_ptr<IntakeService::Stub> stub;
  std::unique_ptr<IntakeService::Stub> snapshot_stub;
};

Intake Start(const TestDatabase& database) {
  Intake intake;
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + database.conninfo(),
                                   "--drain_seconds=1", "--db_pool_size=4"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) args.push_back(std::move(arg));
  intake.process = std::make_unique<ServiceProcess>(BinaryPath("pif-intake"), args);
  auto port = intake.process->WaitUntilServing();
  EXPECT_TRUE(port.ok()) << port.status();
  if (port.ok()) {
    const std::string address = absl::StrCat("127.0.0.1:", *port);
    intake.stub = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("pifctl")));
    intake.snapshot_stub = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("indicators")));
  }
  return intake;
}

// The council's data version and the number of children its snapshot holds, read as the
// indicators service reads them for an analyst.
std::pair<int64_t, int> VersionAndChildren(IntakeService::Stub& stub, const std::string& council) {
  auto context = Context(auth::Role::kAnalyst, council);
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  auto reader = stub.ExportSnapshot(context.get(), request);
  intake::v1::ExportSnapshotResponse message;
  int64_t version = -1;
  int children = 0;
  while (reader->Read(&message)) {
    if (message.has_header()) version = message.header().data_version();
    for (const auto& record : message.chunk().records()) children += record.has_child() ? 1 : 0;
  }
  grpc::Status status = reader->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  return {version, children};
}

// Sends the whole batch and returns the status and whether it was a replay.
std::pair<grpc::Status, bool> SubmitWhole(IntakeService::Stub& stub, const std::string& council,
                                          const std::string& batch_id) {
  auto context = Context(auth::Role::kSubmitter, council);
  SubmitRecordsResponse response;
  auto writer = stub.SubmitRecords(context.get(), &response);
  writer->Write(Header(council, batch_id));
  for (int first = 0; first < kChildren; first += kPerChunk) writer->Write(Chunk(first));
  writer->Write(End());
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  return {status, response.summary().replayed()};
}

TEST(IntakeFaultTest, AServerKilledAnywhereInABatchLeavesAllOfItOrNoneAndTheRetryCompletesIt) {
  TestDatabase database("intake_fault");
  // When the server is killed: halfway through the stream (-1), or this many ms after the
  // client's last message, while the server stages, checks and commits.
  const int kill_after_ms[] = {-1, 0, 10, 30, 60, 100, 200, 400};
  int lost = 0;
  int kept = 0;
  for (size_t run = 0; run < std::size(kill_after_ms); ++run) {
    SCOPED_TRACE(absl::StrCat("killed ", kill_after_ms[run], " ms after the last message"));
    const std::string council = absl::StrFormat("S12%06d", 300 + run);
    Intake intake = Start(database);
    ASSERT_NE(intake.stub, nullptr);
    grpc::Status status;
    {
      auto context = Context(auth::Role::kSubmitter, council);
      SubmitRecordsResponse response;
      auto writer = intake.stub->SubmitRecords(context.get(), &response);
      writer->Write(Header(council, "nightly"));
      for (int first = 0; first < kChildren; first += kPerChunk) {
        if (kill_after_ms[run] < 0 && first == kChildren / 2) {
          ASSERT_TRUE(intake.process->Kill().ok());
        }
        if (!writer->Write(Chunk(first))) break;
      }
      if (kill_after_ms[run] >= 0) {
        writer->Write(End());
        writer->WritesDone();
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms[run]));
        ASSERT_TRUE(intake.process->Kill().ok());
      }
      status = writer->Finish();
    }
    Intake restarted = Start(database);
    ASSERT_NE(restarted.stub, nullptr);
    const auto [version, children] = VersionAndChildren(*restarted.snapshot_stub, council);
    // All of the batch or none of it; a commit the client was told of is there.
    EXPECT_TRUE((version == 0 && children == 0) || (version == 1 && children == kChildren))
        << "version " << version << ", " << children << " children";
    if (status.ok()) {
      EXPECT_EQ(version, 1);
    }
    (version == 0 ? lost : kept) += 1;
    // Sending the batch again completes it, or replays the commit that survived.
    const auto [retry, replayed] = SubmitWhole(*restarted.stub, council, "nightly");
    ASSERT_TRUE(retry.ok()) << retry.error_message();
    EXPECT_EQ(replayed, version == 1);
    EXPECT_EQ(VersionAndChildren(*restarted.snapshot_stub, council),
              std::make_pair(int64_t{1}, kChildren));
  }
  // The kill landed before the commit at least once (the mid-stream run always does).
  EXPECT_GT(lost, 0);
  std::cout << "killed runs: " << lost << " left nothing, " << kept << " kept the whole batch\n";
}

}  // namespace
}  // namespace pif
