#include "pif/grpc/status_mapping.h"

#include <random>

#include "absl/strings/str_format.h"
#include "pif/common/v1/errors.pb.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"

namespace pif {
namespace {

struct CodePair {
  absl::StatusCode absl_code;
  grpc::StatusCode grpc_code;
};

constexpr CodePair kCodes[] = {
    {absl::StatusCode::kOk, grpc::StatusCode::OK},
    {absl::StatusCode::kCancelled, grpc::StatusCode::CANCELLED},
    {absl::StatusCode::kUnknown, grpc::StatusCode::UNKNOWN},
    {absl::StatusCode::kInvalidArgument, grpc::StatusCode::INVALID_ARGUMENT},
    {absl::StatusCode::kDeadlineExceeded, grpc::StatusCode::DEADLINE_EXCEEDED},
    {absl::StatusCode::kNotFound, grpc::StatusCode::NOT_FOUND},
    {absl::StatusCode::kAlreadyExists, grpc::StatusCode::ALREADY_EXISTS},
    {absl::StatusCode::kPermissionDenied, grpc::StatusCode::PERMISSION_DENIED},
    {absl::StatusCode::kResourceExhausted, grpc::StatusCode::RESOURCE_EXHAUSTED},
    {absl::StatusCode::kFailedPrecondition, grpc::StatusCode::FAILED_PRECONDITION},
    {absl::StatusCode::kAborted, grpc::StatusCode::ABORTED},
    {absl::StatusCode::kOutOfRange, grpc::StatusCode::OUT_OF_RANGE},
    {absl::StatusCode::kUnimplemented, grpc::StatusCode::UNIMPLEMENTED},
    {absl::StatusCode::kInternal, grpc::StatusCode::INTERNAL},
    {absl::StatusCode::kUnavailable, grpc::StatusCode::UNAVAILABLE},
    {absl::StatusCode::kDataLoss, grpc::StatusCode::DATA_LOSS},
    {absl::StatusCode::kUnauthenticated, grpc::StatusCode::UNAUTHENTICATED},
};

constexpr char kDetailsTypeUrl[] = "type.googleapis.com/pif.common.v1.ErrorDetails";

bool HidesMessage(absl::StatusCode code) {
  return code == absl::StatusCode::kInternal || code == absl::StatusCode::kUnknown ||
         code == absl::StatusCode::kDataLoss;
}

std::string NewReference() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return absl::StrFormat("%016x", generator());
}

}  // namespace

grpc::StatusCode ToGrpcCode(absl::StatusCode code) {
  for (const CodePair& pair : kCodes) {
    if (pair.absl_code == code) return pair.grpc_code;
  }
  return grpc::StatusCode::UNKNOWN;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const grpc::StatusCode code = ToGrpcCode(status.code());
  if (HidesMessage(status.code())) {
    const std::string reference = NewReference();
    log::Event(log::Level::kError, "internal_error")
        .Str(log::Key::kReference, reference)
        .Str(log::Key::kError, status.message());
    return grpc::Status(code, absl::StrFormat("internal error (reference %s)", reference));
  }
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  const std::optional<absl::Duration> retry_after = RetryAfterOf(status);
  if (violations.empty() && !retry_after.has_value()) {
    return grpc::Status(code, std::string(status.message()));
  }
  pif::common::v1::ErrorDetails details;
  if (retry_after.has_value()) {
    details.set_retry_after_seconds(static_cast<int32_t>(absl::ToInt64Seconds(*retry_after)));
  }
  for (const FieldViolation& violation : violations) {
    pif::common::v1::FieldError* error = details.add_field_errors();
    error->set_field(violation.field);
    error->set_rule_code(violation.rule_code);
    error->set_message(violation.message);
  }
  pif::common::v1::Status wire;
  wire.set_code(static_cast<int32_t>(code));
  wire.set_message(std::string(status.message()));
  google::protobuf::Any* any = wire.add_details();
  any->set_type_url(kDetailsTypeUrl);
  any->set_value(details.SerializeAsString());
  return grpc::Status(code, std::string(status.message()), wire.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::StatusCode code = absl::StatusCode::kUnknown;
  for (const CodePair& pair : kCodes) {
    if (pair.grpc_code == status.error_code()) code = pair.absl_code;
  }
  pif::common::v1::Status wire;
  std::vector<FieldViolation> violations;
  int32_t retry_after_seconds = 0;
  if (!status.error_details().empty() && wire.ParseFromString(status.error_details())) {
    for (const google::protobuf::Any& any : wire.details()) {
      pif::common::v1::ErrorDetails details;
      if (any.type_url() != kDetailsTypeUrl || !details.ParseFromString(any.value())) continue;
      retry_after_seconds = details.retry_after_seconds();
      for (const auto& error : details.field_errors()) {
        violations.push_back({error.field(), error.rule_code(), error.message()});
      }
    }
  }
  if (!violations.empty() && code == absl::StatusCode::kInvalidArgument) {
    return InvalidArgumentWithFields(status.error_message(), violations);
  }
  if (retry_after_seconds > 0 && code == absl::StatusCode::kResourceExhausted) {
    return ResourceExhaustedRetryAfter(status.error_message(), absl::Seconds(retry_after_seconds));
  }
  return absl::Status(code, status.error_message());
}

const char* GrpcCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

}  // namespace pif
