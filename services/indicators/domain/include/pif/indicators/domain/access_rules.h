// Who may have what the indicators service gives, beyond the rpc table (pif/auth/rpc_rules.h):
// the rules that depend on the request. The one place they are written for this service.
#pragma once

#include "absl/status/status.h"
#include "pif/auth/caller.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// OK when `caller` may have figures in `mode`: PUBLISHED for every caller the rpc admits,
// INTERNAL (unsuppressed) for analysts only; PERMISSION_DENIED saying so otherwise.
absl::Status CheckFiguresAccess(const auth::Caller& caller, DisclosureMode mode);

// OK when `caller` may read explanations (which children are counted, and why): analysts only;
// PERMISSION_DENIED otherwise.
absl::Status CheckExplanationAccess(const auth::Caller& caller);

}  // namespace pif::indicators
