// Each council's disclosure policy: the thresholds of section 7, set per council, with defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/indicators/domain/disclosure_floor.h"
#include "pif/indicators/domain/indicators_store.h"

namespace pif::indicators {

// A policy as a SetDisclosurePolicy request gives it: unset thresholds take the defaults.
struct PolicyFields {
  std::string council;
  std::optional<int64_t> min_shown_count;
  std::optional<int64_t> min_denominator;
  std::optional<bool> secondary_suppression;
};

// The policy in force for a council.
struct PolicyInForce {
  std::string council;
  // As set (or the defaults), raised to the service's floor: what published figures apply.
  figures::DisclosurePolicy policy;
  // True when the council never set one (the defaults 6, 10, secondary on apply).
  bool is_default = true;
  // When and by whom it was set; unset and empty for the defaults.
  std::optional<absl::Time> updated_at;
  std::string updated_by;
};

// Reads and sets councils' policies in the store, never below the service's floor.
class DisclosurePolicies {
 public:
  // `store` must outlive this object; `floor` is the least control any policy gives.
  explicit DisclosurePolicies(IndicatorsStore* store, DisclosureFloor floor = {})
      : store_(store), floor_(floor) {}

  // The council's policy, or the defaults when it never set one, raised to the floor (a policy
  // stored before the floor was raised included).
  absl::StatusOr<PolicyInForce> Get(const std::string& council);
  // Sets the council's policy; unset thresholds take the defaults raised to the floor.
  // INVALID_ARGUMENT naming `policy.<field>` for a threshold out of range (OUT_OF_RANGE) or below
  // the floor (BELOW_DISCLOSURE_FLOOR, secondary suppression turned off against it included);
  // `caller` is recorded as who set it.
  absl::StatusOr<PolicyInForce> Set(const PolicyFields& fields, const std::string& caller);

  // The floor this service applies.
  const DisclosureFloor& floor() const { return floor_; }

 private:
  IndicatorsStore* const store_;
  const DisclosureFloor floor_;
};

}  // namespace pif::indicators
