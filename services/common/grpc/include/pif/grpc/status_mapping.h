// The one place where domain statuses become gRPC statuses, and back.
#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace pif {

// The gRPC code for an absl code (the numbering is the same; the table makes it explicit).
grpc::StatusCode ToGrpcCode(absl::StatusCode code);

// Converts a domain status for the client. Caller errors keep their message and field
// violations (as pif.common.v1.Status details); INTERNAL, UNKNOWN and DATA_LOSS are logged with
// a reference id and the client sees only "internal error (reference ...)".
grpc::Status ToGrpcStatus(const absl::Status& status);

// Converts a status received from another pif service, keeping code, message and field
// violations, so a caller can pass it on or act on it.
absl::Status FromGrpcStatus(const grpc::Status& status);

// The canonical name of a gRPC status code ("PERMISSION_DENIED"), for logs and metrics.
const char* GrpcCodeName(grpc::StatusCode code);

}  // namespace pif
