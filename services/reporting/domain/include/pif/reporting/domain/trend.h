// Trends: the earlier periods a trend covers, and how an indicator moved since the previous
// period given its polarity.
#pragma once

#include <optional>
#include <vector>

#include "pif/common/v1/framework.pb.h"
#include "pif/figures/period.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::reporting {

// The most periods a trend covers, the current one included.
inline constexpr int kMaxTrendPeriods = 5;

// The `count` periods ending with `period`, oldest first, each earlier one `period` moved back by
// whole years: a day that does not exist in the target month becomes that month's last day, and
// a last day at the end of its month stays at the end of its month (so 1 March to 28 February
// 2025 is preceded by 1 March to 29 February 2024). `count` is clamped to 1-kMaxTrendPeriods.
std::vector<figures::Period> TrendPeriods(const figures::Period& period, int count);

// The value a trend point shows (its percentage or measure); nullopt when it has none or it is
// withheld.
std::optional<double> ShownValue(const v1::TrendPoint& point);

// How `current` moved since `previous` (nullptr: no previous period) given `polarity`:
// NOT_COMPARABLE without a previous value, with a value withheld in either period, or across a
// change of definition version; SAME when equal to the 1 decimal place shown; otherwise IMPROVED
// or WORSENED by the polarity, or MOVED when the polarity is neutral (or not given).
v1::Change ChangeBetween(const v1::TrendPoint* previous, const v1::TrendPoint& current,
                         common::v1::Polarity polarity);

}  // namespace pif::reporting
