// Checks of the request arguments every submission-based service shares: council codes, batch
// headers and required fields. Each failure is INVALID_ARGUMENT naming the field.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/common/v1/submission.pb.h"
#include "pif/core/council.h"

namespace pif::submission_grpc {

// Longest batch id (BatchHeader: "1 to 128 printable characters") and source system text.
inline constexpr size_t kMaxBatchIdLength = 128;
inline constexpr size_t kMaxSourceSystemLength = 200;

// The council check every service shares (pif/common/council.h).
using ::pif::CheckCouncil;

// Checks a BatchHeader's council, batch id (1 to 128 printable ASCII characters) and source
// system (at most 200 characters); violations name `header.<field>`.
absl::Status CheckBatchHeader(const common::v1::BatchHeader& header);

// Longest request id a caller may choose for an idempotent request (erasure).
inline constexpr size_t kMaxRequestIdLength = 128;

// OK when `value` is 1 to 128 printable ASCII characters; otherwise INVALID_ARGUMENT naming
// `field` (REQUIRED_FIELD_MISSING when empty, MALFORMED_REQUEST_ID otherwise).
absl::Status CheckRequestId(const std::string& value, const std::string& field);

// OK when `value` is not empty; otherwise INVALID_ARGUMENT naming `field` as required.
absl::Status CheckRequired(const std::string& value, const std::string& field);

}  // namespace pif::submission_grpc
