// The local stack's development identity provider: its JWKS and the tokens it signs, made from
// one ES256 signing key (deploy/make-dev-certs.sh makes the key). Production tokens come from the
// council's own identity provider; pif only verifies them.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace pif::ctl {

// Issuer and audience the local stack's services are started with.
inline constexpr char kDevIssuer[] = "https://idp.pif.local";
inline constexpr char kDevAudience[] = "pif";

// What a development token says of its caller.
struct DevTokenClaims {
  std::string subject = "dev-user";
  // Role names (pif/auth/roles.h); at least one.
  std::vector<std::string> roles;
  // GSS codes of the councils the caller may act for; at least one.
  std::vector<std::string> councils;
  absl::Duration lifetime = absl::Hours(8);
  std::string issuer = kDevIssuer;
  std::string audience = kDevAudience;
};

// The key id of the signing key `private_pem` (a P-256 private key, PEM): "dev-" and the first 16
// hex digits of the SHA-256 of its public key, so a new key gets a new id.
absl::StatusOr<std::string> DevKeyId(const std::string& private_pem);

// The JWKS document that verifies tokens signed with `private_pem` (ES256, its DevKeyId).
absl::StatusOr<std::string> DevJwks(const std::string& private_pem);

// A token of `claims` issued at `now`, signed with `private_pem` (ES256, its DevKeyId).
// INVALID_ARGUMENT naming the claim when a role is unknown, a council is not a GSS code, a list is
// empty or the lifetime is not positive.
absl::StatusOr<std::string> DevToken(const DevTokenClaims& claims, const std::string& private_pem,
                                     absl::Time now);

}  // namespace pif::ctl
