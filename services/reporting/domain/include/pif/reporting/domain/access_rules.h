// Who may have what the reporting service gives, beyond the rpc table (pif/auth/rpc_rules.h):
// the rules that depend on the request. The one place they are written for this service.
#pragma once

#include "absl/status/status.h"
#include "pif/auth/caller.h"
#include "pif/reporting/domain/report_request.h"
#include "pif/reporting/domain/reports.h"

namespace pif::reporting {

// OK when `caller` may have the draft `ask` builds: a draft is for analysts and publishers, an
// INTERNAL (unsuppressed) one for analysts only; PERMISSION_DENIED saying so otherwise.
absl::Status CheckDraftAccess(const auth::Caller& caller, const ReportAsk& ask);

// OK when `caller` may have the report `ask` renders: a draft as CheckDraftAccess, a published
// version for every caller the rpc admits.
absl::Status CheckRenderAccess(const auth::Caller& caller, const RenderAsk& ask);

}  // namespace pif::reporting
