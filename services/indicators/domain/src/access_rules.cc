#include "pif/indicators/domain/access_rules.h"

namespace pif::indicators {

absl::Status CheckFiguresAccess(const auth::Caller& caller, DisclosureMode mode) {
  if (mode == DisclosureMode::kPublished || caller.Has(auth::Role::kAnalyst)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "INTERNAL (unsuppressed) figures are for the analyst role only; ask for PUBLISHED figures");
}

absl::Status CheckExplanationAccess(const auth::Caller& caller) {
  if (caller.Has(auth::Role::kAnalyst)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "explanations name the children counted: they are for the analyst role only");
}

}  // namespace pif::indicators
