// Checks of the request arguments every submission-based service shares: council codes, batch
// headers, page sizes and page tokens. Each failure is INVALID_ARGUMENT naming the field.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/common/council.h"
#include "pif/common/v1/submission.pb.h"

namespace pif::submission_grpc {

// Longest batch id (BatchHeader: "1 to 128 printable characters") and source system text.
inline constexpr size_t kMaxBatchIdLength = 128;
inline constexpr size_t kMaxSourceSystemLength = 200;

// The council check every service shares (pif/common/council.h).
using ::pif::CheckCouncil;

// Checks a BatchHeader's council, batch id (1 to 128 printable ASCII characters) and source
// system (at most 200 characters); violations name `header.<field>`.
absl::Status CheckBatchHeader(const common::v1::BatchHeader& header);

// OK when `value` is not empty; otherwise INVALID_ARGUMENT naming `field` as required.
absl::Status CheckRequired(const std::string& value, const std::string& field);

// The page size to use: `requested` when in [1, max], `fallback` for 0, `max` above max;
// INVALID_ARGUMENT for a negative size.
absl::StatusOr<int> PageSize(int32_t requested, int fallback, int max,
                             const std::string& field = "page_size");

// An opaque page token for "continue at `offset`", and the offset back out of one ("" = 0);
// INVALID_ARGUMENT naming `field` for a token this service did not hand out.
std::string OffsetPageToken(int64_t offset);
absl::StatusOr<int64_t> ParseOffsetPageToken(const std::string& token,
                                             const std::string& field = "page_token");

}  // namespace pif::submission_grpc
