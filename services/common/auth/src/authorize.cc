#include "pif/auth/authorize.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace pif::auth {

absl::Status AuthorizeRpc(const Caller& caller, const RpcRule& rule) {
  if (caller.subject.empty()) {
    return absl::UnauthenticatedError(
        "a bearer token is required: send `authorization: Bearer <token>` from the council's "
        "identity provider");
  }
  if (rule.services_only && !caller.service) {
    return absl::PermissionDeniedError(
        "only another pif service may call this rpc (its own certificate is required)");
  }
  if (!caller.HasAny(rule.roles)) {
    std::vector<std::string> names;
    for (Role role : rule.roles) names.emplace_back(RoleName(role));
    return absl::PermissionDeniedError(
        absl::StrCat("this rpc needs one of the roles: ", absl::StrJoin(names, ", ")));
  }
  return absl::OkStatus();
}

absl::Status AuthorizeCouncil(const Caller& caller, const std::string& council) {
  if (caller.MayActFor(council)) return absl::OkStatus();
  return absl::PermissionDeniedError("the caller may not act for this council");
}

}  // namespace pif::auth
