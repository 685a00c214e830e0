#include "pif/workforce/adapter/workforce_grpc_service.h"

#include <string>
#include <utility>

#include "pif/grpc/call_scope.h"
#include "pif/grpc/status_mapping.h"
#include "pif/submission_grpc/data_version.h"
#include "pif/submission_grpc/get_rejection.h"
#include "pif/submission_grpc/list_rejections.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/submission_grpc/request_checks.h"
#include "pif/submission_grpc/submission_stream.h"
#include "pif/workforce/domain/access_rules.h"
#include "pif/workforce/domain/workforce_schema.h"
#include "proto_conversion.h"

namespace pif::workforce {
namespace {

using submission_grpc::ToProto;

// The schema type name of a WorkforceRecordType (its number is the WorkforceRecord field's).
absl::StatusOr<std::string> TypeNameOf(int record_type, const std::string& field) {
  return submission_grpc::TypeNameOf(*v1::WorkforceRecord::descriptor(), WorkforceSchema(),
                                     record_type, field, "WORKFORCE_RECORD_TYPE_");
}

// The typed record inside a SubmittedWorkforceRecord, unwrapped; nullptr when none.
const google::protobuf::Message* TypedRecordOf(const v1::SubmittedWorkforceRecord& submitted) {
  if (!submitted.has_record()) return nullptr;
  return submission_grpc::RecordInWrapper(submitted.record());
}

}  // namespace

WorkforceGrpcService::WorkforceGrpcService(submission::SubmissionStore& store,
                                           WorkforceComputation& computation)
    : store_(store), computation_(computation) {}

grpc::Status WorkforceGrpcService::SubmitRecords(
    grpc::ServerContext* context, grpc::ServerReader<v1::SubmitRecordsRequest>* reader,
    v1::SubmitRecordsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(std::nullopt); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  auto summary = submission_grpc::ReceiveSubmission(
      call, *reader, store_, WorkforceSchema(),
      [](const v1::SubmittedWorkforceRecordChunk& chunk) -> const auto& { return chunk.records(); },
      TypedRecordOf);
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  *response->mutable_summary() = ToProto(*summary);
  return grpc::Status::OK;
}

grpc::Status WorkforceGrpcService::ListRejections(grpc::ServerContext* context,
                                                  const v1::ListRejectionsRequest* request,
                                                  v1::ListRejectionsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::ListRejections(
      store_, *request,
      [](const v1::ListRejectionsRequest& listed) -> absl::StatusOr<std::string> {
        if (listed.record_type() == v1::WORKFORCE_RECORD_TYPE_UNSPECIFIED) return std::string();
        return TypeNameOf(listed.record_type(), "record_type");
      },
      response));
}

grpc::Status WorkforceGrpcService::GetRejection(grpc::ServerContext* context,
                                                const v1::GetRejectionRequest* request,
                                                v1::GetRejectionResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::GetRejection(store_, WorkforceSchema(), *request, response));
}

grpc::Status WorkforceGrpcService::GetDataVersion(grpc::ServerContext* context,
                                                  const v1::GetDataVersionRequest* request,
                                                  v1::GetDataVersionResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::GetDataVersion(store_, *request, response));
}

grpc::Status WorkforceGrpcService::ComputeWorkforce(grpc::ServerContext* context,
                                                    const v1::ComputeWorkforceRequest* request,
                                                    v1::ComputeWorkforceResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const ComputeRequest asked = ComputeRequestOf(*request);
  if (absl::Status access = CheckFiguresAccess(call.caller(), asked); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<WorkforceResultSet> computed = computation_.Compute(asked);
  if (!computed.ok()) return ToGrpcStatus(computed.status());
  ResultSetToProto(*computed, response);
  return grpc::Status::OK;
}

}  // namespace pif::workforce
