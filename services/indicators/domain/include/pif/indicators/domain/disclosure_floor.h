// The least disclosure control the indicators service applies to published figures, set by its
// operator (--disclosure_floor_* flags): no council's policy goes below it, whenever it was set.
#pragma once

#include <cstdint>

#include "absl/status/status.h"
#include "pif/figures/disclosure.h"

namespace pif::indicators {

// Smallest and largest thresholds a council may set (disclosure.proto).
inline constexpr int64_t kMaxMinShownCount = 100;
inline constexpr int64_t kMaxMinDenominator = 1000;

// The floor; the defaults are the framework's (counts 1 to 5 suppressed, percentages withheld
// under a denominator of 10, secondary suppression on).
struct DisclosureFloor {
  // No policy shows a count from 1 to min_shown_count - 1.
  int64_t min_shown_count = 6;
  // No policy shows a percentage whose denominator is under this.
  int64_t min_percent_denominator = 10;
  // Every policy applies secondary suppression.
  bool secondary_suppression = true;
};

// OK when the floor's thresholds are within the ranges a policy may have (1 to
// kMaxMinShownCount, 1 to kMaxMinDenominator); INVALID_ARGUMENT naming the flag otherwise.
absl::Status CheckDisclosureFloor(const DisclosureFloor& floor);

// `policy` with every threshold raised to at least the floor's.
figures::DisclosurePolicy AtLeastFloor(const figures::DisclosurePolicy& policy,
                                       const DisclosureFloor& floor);

}  // namespace pif::indicators
