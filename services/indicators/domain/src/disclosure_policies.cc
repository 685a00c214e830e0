#include "pif/indicators/domain/disclosure_policies.h"

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/indicators/domain/request_checks.h"

namespace pif::indicators {
namespace {

absl::Status CheckRange(const std::optional<int64_t>& value, int64_t max,
                        const std::string& field) {
  if (!value.has_value() || (*value >= 1 && *value <= max)) return absl::OkStatus();
  const std::string message =
      absl::StrCat(field, " must be from 1 to ", max, " (unset = the default); it is ", *value);
  return InvalidArgumentWithFields(message, {{field, "OUT_OF_RANGE", message}});
}

// INVALID_ARGUMENT (BELOW_DISCLOSURE_FLOOR) naming `field` when `below` holds.
absl::Status CheckFloor(bool below, const std::string& field, const std::string& what) {
  if (!below) return absl::OkStatus();
  const std::string message = absl::StrCat(
      field, " is below this service's disclosure floor: ", what, " (set by its operator)");
  return InvalidArgumentWithFields(message, {{field, "BELOW_DISCLOSURE_FLOOR", message}});
}

PolicyInForce InForce(const std::string& council, const StoredPolicy& stored,
                      const DisclosureFloor& floor) {
  PolicyInForce in_force;
  in_force.council = council;
  in_force.policy = AtLeastFloor(stored.policy, floor);
  in_force.is_default = false;
  in_force.updated_at = stored.updated_at;
  in_force.updated_by = stored.updated_by;
  return in_force;
}

}  // namespace

absl::StatusOr<PolicyInForce> DisclosurePolicies::Get(const std::string& council) {
  if (absl::Status status = CheckCouncil(council); !status.ok()) return status;
  absl::StatusOr<std::optional<StoredPolicy>> stored = store_->FindPolicy(council);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    PolicyInForce defaults;
    defaults.council = council;
    defaults.policy = AtLeastFloor(defaults.policy, floor_);
    return defaults;
  }
  return InForce(council, **stored, floor_);
}

absl::StatusOr<PolicyInForce> DisclosurePolicies::Set(const PolicyFields& fields,
                                                      const std::string& caller) {
  if (absl::Status status = CheckCouncil(fields.council, "policy.council"); !status.ok()) {
    return status;
  }
  if (absl::Status status =
          CheckRange(fields.min_shown_count, kMaxMinShownCount, "policy.min_shown_count");
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          CheckRange(fields.min_denominator, kMaxMinDenominator, "policy.min_denominator");
      !status.ok()) {
    return status;
  }
  if (absl::Status status = CheckFloor(
          fields.min_shown_count.value_or(floor_.min_shown_count) < floor_.min_shown_count,
          "policy.min_shown_count",
          absl::StrCat("counts under ", floor_.min_shown_count, " are always suppressed"));
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          CheckFloor(fields.min_denominator.value_or(floor_.min_percent_denominator) <
                         floor_.min_percent_denominator,
                     "policy.min_denominator",
                     absl::StrCat("percentages with a denominator under ",
                                  floor_.min_percent_denominator, " are always withheld"));
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          CheckFloor(floor_.secondary_suppression && fields.secondary_suppression == false,
                     "policy.secondary_suppression", "secondary suppression is always applied");
      !status.ok()) {
    return status;
  }
  const figures::DisclosurePolicy defaults = AtLeastFloor(figures::DisclosurePolicy(), floor_);
  figures::DisclosurePolicy policy;
  policy.smallest_shown_count = fields.min_shown_count.value_or(defaults.smallest_shown_count);
  policy.min_percent_denominator =
      fields.min_denominator.value_or(defaults.min_percent_denominator);
  policy.secondary_suppression =
      fields.secondary_suppression.value_or(defaults.secondary_suppression);
  absl::StatusOr<StoredPolicy> stored = store_->SavePolicy(fields.council, policy, caller);
  if (!stored.ok()) return stored.status();
  return InForce(fields.council, *stored, floor_);
}

}  // namespace pif::indicators
