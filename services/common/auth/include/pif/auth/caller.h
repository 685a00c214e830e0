// Who is calling an rpc, as the service established it from the transport (the client
// certificate) and the bearer token: the facts every authorization decision reads.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "pif/auth/roles.h"

namespace pif::auth {

// The authenticated caller of one rpc.
struct Caller {
  // The token's subject (a person or a system account); empty when no token was verified.
  std::string subject;
  // The roles the token grants.
  std::set<Role> roles;
  // The councils (GSS codes) the token lets it act for.
  std::set<std::string> councils;
  // The common name of the client certificate; empty without mutual TLS.
  std::string certificate;
  // True when `certificate` is one of the service identities this service trusts: the call comes
  // from another pif service acting for the token's subject.
  bool service = false;
  // The bearer token as received, passed on when this service calls another on its behalf.
  std::string token;

  // True when the caller holds `role`.
  bool Has(Role role) const { return roles.count(role) > 0; }
  // True when the caller holds any of `wanted`.
  bool HasAny(const std::vector<Role>& wanted) const;
  // True when the caller may act for `council`.
  bool MayActFor(const std::string& council) const { return councils.count(council) > 0; }
  // The caller as audit records name it: "user=<subject> certificate=<name>" (parts present
  // only), "anonymous" when neither is known.
  std::string AuditName() const;
};

}  // namespace pif::auth
