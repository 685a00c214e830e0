// The indicator catalogue, filtered by framework area.
#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "pif/engine/indicator.h"

namespace pif::indicators {

// The catalogue's indicators of `areas` (empty = all) in the framework's order. INVALID_ARGUMENT
// naming `areas[i]` for an area outside 1-10.
absl::StatusOr<std::vector<const engine::Indicator*>> ListCatalogue(const std::vector<int>& areas);

}  // namespace pif::indicators
