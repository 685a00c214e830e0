// Paging of list rpcs: the page size a request asks for and opaque page tokens. Each failure is
// INVALID_ARGUMENT naming the field.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace pif {

// The page size to use: `requested` when in [1, max], `fallback` for 0, `max` above max;
// INVALID_ARGUMENT for a negative size.
absl::StatusOr<int> PageSize(int32_t requested, int fallback, int max,
                             const std::string& field = "page_size");

// An opaque page token for "continue at `offset`", and the offset back out of one ("" = 0);
// INVALID_ARGUMENT naming `field` for a token this service did not hand out.
std::string OffsetPageToken(int64_t offset);
absl::StatusOr<int64_t> ParseOffsetPageToken(const std::string& token,
                                             const std::string& field = "page_token");

}  // namespace pif
