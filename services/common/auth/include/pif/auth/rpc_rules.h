// The one table of who may call what: every rpc of every pif service, the roles it admits,
// whether its request names a council the caller must be allowed to act for, and whether only
// another pif service (acting for a caller) may call it. A test enumerates every method of every
// service in the descriptor pool and fails on any method missing here.
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "pif/auth/roles.h"

namespace pif::auth {

// Who may call one rpc.
struct RpcRule {
  // The full method name: "/pif.intake.v1.IntakeService/SubmitRecords".
  absl::string_view method;
  // The caller must hold one of these roles.
  std::vector<Role> roles;
  // The request names a council; the caller must be allowed to act for it.
  bool names_council = true;
  // Only a configured service identity (a service's own certificate) may call it, for a caller
  // holding one of `roles` (the token it passes on).
  bool services_only = false;
};

// Every rpc of every service.
const std::vector<RpcRule>& RpcRules();

// The rule of `method`; nullptr for a method the table does not know (refused).
const RpcRule* FindRpcRule(absl::string_view method);

}  // namespace pif::auth
