#include "submission_stream.h"

#include <grpcpp/client_context.h>

#include <utility>

#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif::ctl {
namespace {

// A submission over any service whose stream has the shared shape:
//   Request { oneof content { BatchHeader header; <Chunk> chunk; BatchEnd end; } }
// `records_of(request)` sets the request's chunk and returns its repeated submitted records;
// a submitted record has `raw` (RawRecord) and `source` (SourceRef).
template <typename Stub, typename Request, typename Response, typename RecordsOf>
class GrpcSubmissionStream final : public SubmissionStream {
 public:
  // The stub's client-streaming method (SubmitRecords, SubmitSelfEvaluations).
  using Open = std::unique_ptr<grpc::ClientWriter<Request>> (Stub::*)(grpc::ClientContext*,
                                                                      Response*);

  GrpcSubmissionStream(std::unique_ptr<Stub> stub, Open open, ChunkLimits limits,
                       RecordsOf records_of)
      : stub_(std::move(stub)), limits_(limits) {
    writer_ = ((*stub_).*open)(&context_, &response_);
    pending_records_ = records_of(pending_);
  }

  bool WriteHeader(const common::v1::BatchHeader& header) override {
    Request request;
    *request.mutable_header() = header;
    return writer_->Write(request);
  }

  bool AddRow(const std::string& record_type, const std::string& file,
              const csv::Row& row) override {
    auto* submitted = pending_records_->Add();
    common::v1::RawRecord* raw = submitted->mutable_raw();
    raw->set_record_type(record_type);
    for (const auto& [name, text] : row.fields) {
      common::v1::RawField* field = raw->add_fields();
      field->set_name(name);
      field->set_text(text);
      pending_bytes_ += static_cast<int64_t>(name.size() + text.size());
    }
    submitted->mutable_source()->set_file(file);
    submitted->mutable_source()->set_row(row.row_number);
    if (pending_records_->size() >= limits_.max_records || pending_bytes_ >= limits_.max_bytes) {
      return SendPending();
    }
    return true;
  }

  bool WriteEnd(int64_t record_count) override {
    if (!pending_records_->empty() && !SendPending()) return false;
    Request request;
    request.mutable_end()->set_record_count(record_count);
    if (!writer_->Write(request)) return false;
    return writer_->WritesDone();
  }

  void Cancel() override { context_.TryCancel(); }

  grpc::Status Finish(common::v1::SubmissionSummary* summary) override {
    grpc::Status status = writer_->Finish();
    if (status.ok()) *summary = response_.summary();
    return status;
  }

 private:
  bool SendPending() {
    const bool written = writer_->Write(pending_);
    // Clearing the repeated field keeps its records allocated for the next chunk.
    pending_records_->Clear();
    pending_bytes_ = 0;
    return written;
  }

  std::unique_ptr<Stub> stub_;
  ChunkLimits limits_;
  grpc::ClientContext context_;
  Response response_;
  std::unique_ptr<grpc::ClientWriter<Request>> writer_;
  Request pending_;
  // The records of pending_'s chunk (pending_ always carries the chunk).
  decltype(std::declval<RecordsOf>()(std::declval<Request&>())) pending_records_ = nullptr;
  int64_t pending_bytes_ = 0;
};

template <typename Stub, typename Request, typename Response, typename RecordsOf>
std::unique_ptr<SubmissionStream> MakeStream(
    std::unique_ptr<Stub> stub,
    typename GrpcSubmissionStream<Stub, Request, Response, RecordsOf>::Open open,
    ChunkLimits limits, RecordsOf records_of) {
  return std::make_unique<GrpcSubmissionStream<Stub, Request, Response, RecordsOf>>(
      std::move(stub), open, limits, std::move(records_of));
}

}  // namespace

std::unique_ptr<SubmissionStream> OpenIntakeSubmission(std::shared_ptr<grpc::Channel> channel,
                                                       ChunkLimits limits) {
  using intake::v1::IntakeService;
  using intake::v1::SubmitRecordsRequest;
  using intake::v1::SubmitRecordsResponse;
  return MakeStream<IntakeService::Stub, SubmitRecordsRequest, SubmitRecordsResponse>(
      IntakeService::NewStub(channel), &IntakeService::Stub::SubmitRecords, limits,
      [](SubmitRecordsRequest& request) { return request.mutable_chunk()->mutable_records(); });
}

std::unique_ptr<SubmissionStream> OpenWorkforceSubmission(std::shared_ptr<grpc::Channel> channel,
                                                          ChunkLimits limits) {
  using workforce::v1::SubmitRecordsRequest;
  using workforce::v1::SubmitRecordsResponse;
  using workforce::v1::WorkforceService;
  return MakeStream<WorkforceService::Stub, SubmitRecordsRequest, SubmitRecordsResponse>(
      WorkforceService::NewStub(channel), &WorkforceService::Stub::SubmitRecords, limits,
      [](SubmitRecordsRequest& request) { return request.mutable_chunk()->mutable_records(); });
}

std::unique_ptr<SubmissionStream> OpenReportingSubmission(std::shared_ptr<grpc::Channel> channel,
                                                          ChunkLimits limits) {
  using reporting::v1::ReportingService;
  using reporting::v1::SubmitSelfEvaluationsRequest;
  using reporting::v1::SubmitSelfEvaluationsResponse;
  return MakeStream<ReportingService::Stub, SubmitSelfEvaluationsRequest,
                    SubmitSelfEvaluationsResponse>(
      ReportingService::NewStub(channel), &ReportingService::Stub::SubmitSelfEvaluations, limits,
      [](SubmitSelfEvaluationsRequest& request) {
        return request.mutable_chunk()->mutable_self_evaluations();
      });
}

}  // namespace pif::ctl
