// The periods of a series: consecutive periods moved on by whole months, or an explicit list.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/figures/period.h"

namespace pif::indicators {

// Most periods one series may hold.
inline constexpr int kMaxSeriesPeriods = 10;

// `count` periods from `first`, each moved on from the first by a multiple of `step_months`
// (0 = 12): a first day that does not exist in the target month becomes its last day, and a
// last day at the end of its month stays at the end of its month. INVALID_ARGUMENT (naming
// `field`.count or .step_months) for a count outside 1-10 or a negative step.
absl::StatusOr<std::vector<figures::Period>> ConsecutivePeriods(const figures::Period& first,
                                                                int count, int step_months,
                                                                const std::string& field);

}  // namespace pif::indicators
