// The client side of a submission stream (header, chunks of records, end), as an interface the
// import drives, so that it can be tested without a server and shared by every service that
// takes submissions (intake and workforce; reporting has the same stream shape).
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <memory>
#include <string>

#include "pif/common/v1/submission.pb.h"
#include "pif/csv/csv_reader.h"

namespace pif::ctl {

// One submission call. Not thread-safe.
class SubmissionStream {
 public:
  virtual ~SubmissionStream() = default;

  // Sends the BatchHeader. False when the call is over (the server answered or failed): call
  // Finish for its outcome.
  virtual bool WriteHeader(const common::v1::BatchHeader& header) = 0;
  // Adds one CSV row as a RawRecord of `record_type` (every cell, empty ones included, in
  // header order) with SourceRef {file, row}; sends the pending chunk when it is full. False as
  // WriteHeader.
  virtual bool AddRow(const std::string& record_type, const std::string& file,
                      const csv::Row& row) = 0;
  // Sends the pending chunk, the BatchEnd with `record_count`, and closes the sending side.
  // False as WriteHeader.
  virtual bool WriteEnd(int64_t record_count) = 0;
  // Cancels the call: the service commits nothing.
  virtual void Cancel() = 0;
  // Waits for the outcome; on OK, *summary holds the batch's result. Call exactly once.
  virtual grpc::Status Finish(common::v1::SubmissionSummary* summary) = 0;
};

// How records are grouped into chunk messages.
struct ChunkLimits {
  // Records per chunk.
  int64_t max_records = 500;
  // A chunk is sent early once its cells hold this many bytes (the service caps messages).
  int64_t max_bytes = 4 * 1024 * 1024;
};

// A submission to pif.intake.v1.IntakeService/SubmitRecords over `channel`.
std::unique_ptr<SubmissionStream> OpenIntakeSubmission(std::shared_ptr<grpc::Channel> channel,
                                                       ChunkLimits limits);

// A submission to pif.workforce.v1.WorkforceService/SubmitRecords over `channel`.
std::unique_ptr<SubmissionStream> OpenWorkforceSubmission(std::shared_ptr<grpc::Channel> channel,
                                                          ChunkLimits limits);

// A submission to pif.reporting.v1.ReportingService/SubmitSelfEvaluations over `channel`.
std::unique_ptr<SubmissionStream> OpenReportingSubmission(std::shared_ptr<grpc::Channel> channel,
                                                          ChunkLimits limits);

}  // namespace pif::ctl
