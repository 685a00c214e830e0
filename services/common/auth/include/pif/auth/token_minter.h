// Signs tokens with a private key, as an identity provider would: for the local stack's dev
// identity provider (`pifctl dev-token`) and for tests. Production tokens come from the
// council's own identity provider; pif only verifies them.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace pif::auth {

// The claims of a token to sign.
struct TokenRequest {
  std::string issuer;
  std::string audience;
  std::string subject;
  std::vector<std::string> roles;
  std::vector<std::string> councils;
  absl::Time issued_at;
  absl::Duration lifetime = absl::Hours(1);
  // Claim names, as the verifier's TokenPolicy expects them.
  std::string roles_claim = "roles";
  std::string councils_claim = "pif_councils";
};

// The signed JWT: `alg` RS256 (an RSA key) or ES256 (an EC P-256 key), `kid` in its header when
// not empty, signed with the PEM private key `private_pem`.
absl::StatusOr<std::string> MintToken(const TokenRequest& request, const std::string& alg,
                                      const std::string& kid, const std::string& private_pem);

// The JWKS document (one key) that verifies tokens signed with `private_pem` as `alg` and `kid`.
absl::StatusOr<std::string> JwksFor(const std::string& private_pem, const std::string& alg,
                                    const std::string& kid);

}  // namespace pif::auth
