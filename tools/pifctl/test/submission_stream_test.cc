// The gRPC side of a submission against an in-process intake service that records what it is
// sent: header, chunks, raw records with their source, end; early answers; cancellation.
#include "submission_stream.h"

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <future>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::ctl {
namespace {

using ::testing::ElementsAre;

// What the fake service saw of one stream.
struct Received {
  std::string header;                // `council batch_id`
  std::vector<int> chunk_sizes;      // records per chunk message
  std::vector<std::string> records;  // `Type file:row name=text,...`
  int64_t end_count = -1;            // -1: no BatchEnd
  bool cancelled = false;
};

class FakeIntake final : public intake::v1::IntakeService::Service {
 public:
  // Answer right after the header with a replayed summary, without reading on.
  bool answer_after_header = false;

  grpc::Status SubmitRecords(grpc::ServerContext* context,
                             grpc::ServerReader<intake::v1::SubmitRecordsRequest>* reader,
                             intake::v1::SubmitRecordsResponse* response) override {
    Received received;
    intake::v1::SubmitRecordsRequest request;
    while (reader->Read(&request)) {
      if (request.has_header()) {
        received.header =
            absl::StrCat(request.header().council(), " ", request.header().batch_id());
        if (answer_after_header) {
          response->mutable_summary()->set_replayed(true);
          response->mutable_summary()->set_accepted_count(99);
          done_.set_value(received);
          return grpc::Status::OK;
        }
      } else if (request.has_chunk()) {
        received.chunk_sizes.push_back(request.chunk().records_size());
        for (const intake::v1::SubmittedRecord& submitted : request.chunk().records()) {
          std::string text = absl::StrCat(submitted.raw().record_type(), " ",
                                          submitted.source().file(), ":", submitted.source().row());
          for (const common::v1::RawField& field : submitted.raw().fields()) {
            absl::StrAppend(&text, " ", field.name(), "=", field.text());
          }
          received.records.push_back(text);
        }
      } else if (request.has_end()) {
        received.end_count = request.end().record_count();
      }
    }
    received.cancelled = context->IsCancelled();
    done_.set_value(received);
    response->mutable_summary()->set_accepted_count(received.end_count);
    return grpc::Status::OK;
  }

  // What the stream carried, once the service has finished with it.
  Received Wait() { return done_.get_future().get(); }

 private:
  std::promise<Received> done_;
};

class SubmissionStreamTest : public ::testing::Test {
 protected:
  void Start() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }
  std::unique_ptr<SubmissionStream> Open(ChunkLimits limits) {
    return OpenIntakeSubmission(OpenChannel(absl::StrCat("127.0.0.1:", port_)), limits);
  }
  static common::v1::BatchHeader Header() {
    common::v1::BatchHeader header;
    header.set_council("S12000033");
    header.set_batch_id("b1");
    return header;
  }
  static csv::Row Row(int64_t number, const std::string& id, const std::string& sex) {
    return {number, {{"person_id", id}, {"sex", sex}}};
  }

  FakeIntake service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(SubmissionStreamTest, SendsRowsAsRawRecordsInChunksOfTheGivenSizeThenTheEnd) {
  Start();
  auto stream = Open({2, 1 << 20});
  ASSERT_TRUE(stream->WriteHeader(Header()));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(stream->AddRow("Child", "children.csv", Row(i + 2, absl::StrCat("C", i), "")));
  }
  ASSERT_TRUE(stream->WriteEnd(5));
  common::v1::SubmissionSummary summary;
  ASSERT_TRUE(stream->Finish(&summary).ok());
  EXPECT_EQ(summary.accepted_count(), 5);
  const Received received = service_.Wait();
  EXPECT_EQ(received.header, "S12000033 b1");
  EXPECT_THAT(received.chunk_sizes, ElementsAre(2, 2, 1));
  EXPECT_THAT(
      received.records,
      ElementsAre(
          "Child children.csv:2 person_id=C0 sex=", "Child children.csv:3 person_id=C1 sex=",
          "Child children.csv:4 person_id=C2 sex=", "Child children.csv:5 person_id=C3 sex=",
          "Child children.csv:6 person_id=C4 sex="));
  EXPECT_EQ(received.end_count, 5);
  EXPECT_FALSE(received.cancelled);
}

TEST_F(SubmissionStreamTest, SendsAChunkEarlyOnceItsCellsReachTheByteLimit) {
  Start();
  auto stream = Open({500, 40});  // each row holds 13 + 15 = 28 bytes of names and text
  ASSERT_TRUE(stream->WriteHeader(Header()));
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(stream->AddRow("Child", "children.csv", Row(i + 2, "C0000000000001", "F")));
  }
  ASSERT_TRUE(stream->WriteEnd(3));
  common::v1::SubmissionSummary summary;
  ASSERT_TRUE(stream->Finish(&summary).ok());
  EXPECT_THAT(service_.Wait().chunk_sizes, ElementsAre(2, 1));
}

TEST_F(SubmissionStreamTest, WritesFailOnceTheServiceHasAnsweredAndFinishGivesTheAnswer) {
  service_.answer_after_header = true;
  Start();
  auto stream = Open({1, 1 << 20});
  ASSERT_TRUE(stream->WriteHeader(Header()));
  service_.Wait();  // the service has answered
  bool refused = false;
  for (int i = 0; i < 100000 && !refused; ++i) {
    refused = !stream->AddRow("Child", "children.csv", Row(i + 2, "C1", "F"));
  }
  EXPECT_TRUE(refused);
  common::v1::SubmissionSummary summary;
  ASSERT_TRUE(stream->Finish(&summary).ok());
  EXPECT_TRUE(summary.replayed());
  EXPECT_EQ(summary.accepted_count(), 99);
}

TEST_F(SubmissionStreamTest, CancelEndsTheStreamWithoutABatchEnd) {
  Start();
  auto stream = Open({1, 1 << 20});
  ASSERT_TRUE(stream->WriteHeader(Header()));
  ASSERT_TRUE(stream->AddRow("Child", "children.csv", Row(2, "C1", "F")));
  stream->Cancel();
  common::v1::SubmissionSummary summary;
  EXPECT_EQ(stream->Finish(&summary).error_code(), grpc::StatusCode::CANCELLED);
  const Received received = service_.Wait();
  EXPECT_EQ(received.end_count, -1);
  EXPECT_TRUE(received.cancelled);
}

TEST(SubmissionStreamUnreachableTest, FinishReportsUnavailableWhenNothingListens) {
  auto stream = OpenIntakeSubmission(OpenChannel("127.0.0.1:1"), {});
  common::v1::BatchHeader header;
  header.set_batch_id("b1");
  stream->WriteHeader(header);  // may or may not fail at once
  common::v1::SubmissionSummary summary;
  EXPECT_EQ(stream->Finish(&summary).error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace pif::ctl
