#include "pif/indicators/domain/disclosure_floor.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace pif::indicators {

absl::Status CheckDisclosureFloor(const DisclosureFloor& floor) {
  if (floor.min_shown_count < 1 || floor.min_shown_count > kMaxMinShownCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("--disclosure_floor_min_shown_count must be from 1 to ", kMaxMinShownCount,
                     "; it is ", floor.min_shown_count));
  }
  if (floor.min_percent_denominator < 1 || floor.min_percent_denominator > kMaxMinDenominator) {
    return absl::InvalidArgumentError(
        absl::StrCat("--disclosure_floor_min_percent_denominator must be from 1 to ",
                     kMaxMinDenominator, "; it is ", floor.min_percent_denominator));
  }
  return absl::OkStatus();
}

figures::DisclosurePolicy AtLeastFloor(const figures::DisclosurePolicy& policy,
                                       const DisclosureFloor& floor) {
  figures::DisclosurePolicy raised = policy;
  raised.smallest_shown_count = std::max(policy.smallest_shown_count, floor.min_shown_count);
  raised.min_percent_denominator =
      std::max(policy.min_percent_denominator, floor.min_percent_denominator);
  raised.secondary_suppression = policy.secondary_suppression || floor.secondary_suppression;
  return raised;
}

}  // namespace pif::indicators
