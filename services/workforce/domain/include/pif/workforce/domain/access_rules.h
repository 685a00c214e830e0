// Who may have what the workforce service gives, beyond the rpc table (pif/auth/rpc_rules.h):
// the rules that depend on the request. The one place they are written for this service.
#pragma once

#include "absl/status/status.h"
#include "pif/auth/caller.h"
#include "pif/workforce/domain/compute_request.h"

namespace pif::workforce {

// OK when `caller` may have the figures `request` asks for: PUBLISHED for every caller the rpc
// admits, INTERNAL (unsuppressed) for analysts only; PERMISSION_DENIED saying so otherwise.
absl::Status CheckFiguresAccess(const auth::Caller& caller, const ComputeRequest& request);

}  // namespace pif::workforce
