// Each council's disclosure policy: the thresholds of section 7, set per council, with defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/indicators/domain/indicators_store.h"

namespace pif::indicators {

// Smallest and largest thresholds a council may set (disclosure.proto).
inline constexpr int64_t kMaxMinShownCount = 100;
inline constexpr int64_t kMaxMinDenominator = 1000;

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
  figures::DisclosurePolicy policy;
  // True when the council never set one (the defaults 6, 10, secondary on apply).
  bool is_default = true;
  // When and by whom it was set; unset and empty for the defaults.
  std::optional<absl::Time> updated_at;
  std::string updated_by;
};

// Reads and sets councils' policies in the store.
class DisclosurePolicies {
 public:
  // `store` must outlive this object.
  explicit DisclosurePolicies(IndicatorsStore* store) : store_(store) {}

  // The council's policy, or the defaults when it never set one.
  absl::StatusOr<PolicyInForce> Get(const std::string& council);
  // Sets the council's policy (INVALID_ARGUMENT naming `policy.<field>` for a threshold out of
  // range); `caller` is recorded as who set it.
  absl::StatusOr<PolicyInForce> Set(const PolicyFields& fields, const std::string& caller);

 private:
  IndicatorsStore* const store_;
};

}  // namespace pif::indicators
