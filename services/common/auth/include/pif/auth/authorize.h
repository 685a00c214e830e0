// The authorization decisions every rpc takes, in one place: may this caller call this rpc, and
// act for this council. PERMISSION_DENIED messages say what is missing of the caller, never
// anything of the data (not even whether a council has any).
#pragma once

#include <string>

#include "absl/status/status.h"
#include "pif/auth/caller.h"
#include "pif/auth/rpc_rules.h"

namespace pif::auth {

// OK when `caller` may call the rpc of `rule`: UNAUTHENTICATED without a verified token;
// PERMISSION_DENIED for a services-only rpc called without a service identity, or without one of
// the rule's roles.
absl::Status AuthorizeRpc(const Caller& caller, const RpcRule& rule);

// OK when `caller` may act for `council`; PERMISSION_DENIED otherwise. Checked after the
// council's format, for every rpc whose rule names a council.
absl::Status AuthorizeCouncil(const Caller& caller, const std::string& council);

}  // namespace pif::auth
