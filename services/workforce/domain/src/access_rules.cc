#include "pif/workforce/domain/access_rules.h"

namespace pif::workforce {

absl::Status CheckFiguresAccess(const auth::Caller& caller, const ComputeRequest& request) {
  if (request.published || caller.Has(auth::Role::kAnalyst)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "INTERNAL (unsuppressed) figures are for the analyst role only; ask for PUBLISHED figures");
}

}  // namespace pif::workforce
