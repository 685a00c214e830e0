#include "pif/reporting/domain/access_rules.h"

namespace pif::reporting {

absl::Status CheckDraftAccess(const auth::Caller& caller, const ReportAsk& ask) {
  if (ask.mode == common::v1::DISCLOSURE_MODE_INTERNAL) {
    if (caller.Has(auth::Role::kAnalyst)) return absl::OkStatus();
    return absl::PermissionDeniedError(
        "an INTERNAL (unsuppressed) report is for the analyst role only; ask for a PUBLISHED one");
  }
  if (caller.HasAny({auth::Role::kAnalyst, auth::Role::kPublisher})) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "a draft report is for the analyst and publisher roles only; render a published version");
}

absl::Status CheckRenderAccess(const auth::Caller& caller, const RenderAsk& ask) {
  if (!ask.draft.has_value()) return absl::OkStatus();
  return CheckDraftAccess(caller, *ask.draft);
}

}  // namespace pif::reporting
