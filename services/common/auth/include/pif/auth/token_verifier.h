// Verifies the bearer tokens (JWTs, RFC 7519) a council's identity provider issues to pif's
// callers: the signature against the provider's keys, the algorithm, the time window, the issuer
// and the audience; then reads the caller's subject, roles and councils from the claims.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "pif/auth/jwks.h"
#include "pif/auth/roles.h"

namespace pif::auth {

// What a token must say to be accepted, and where its roles and councils are.
struct TokenPolicy {
  // The `iss` claim the identity provider writes; required.
  std::string issuer;
  // The audience pif is registered as; the token's `aud` (a string or a list) must name it.
  std::string audience;
  // Clock difference tolerated on `exp` and `nbf`.
  absl::Duration leeway = absl::Seconds(60);
  // The claim listing the caller's roles (role names of roles.h; unknown names are ignored).
  std::string roles_claim = "roles";
  // The claim listing the councils (GSS codes) the caller may act for.
  std::string councils_claim = "pif_councils";
};

// What a verified token says of its caller.
struct Claims {
  // `sub`: printable ASCII, at most 200 characters.
  std::string subject;
  std::set<Role> roles;
  std::set<std::string> councils;
  absl::Time expires_at;
};

// Verifies tokens against a set of keys that can be replaced while in use (key rotation).
class TokenVerifier {
 public:
  TokenVerifier(std::vector<VerificationKey> keys, TokenPolicy policy);

  // The claims of `token` when it is valid at `now`; UNAUTHENTICATED with the reason otherwise
  // (malformed, an algorithm other than RS256/ES256 (`none` and HMAC included), no key for its
  // `kid`, a bad signature, expired, not yet valid, another issuer or audience, no subject, a
  // council that is not a GSS code). The message never quotes the token.
  absl::StatusOr<Claims> Verify(absl::string_view token, absl::Time now) const;

  // Replaces the keys (a rotated JWKS file); calls in flight finish with the old ones.
  void SetKeys(std::vector<VerificationKey> keys);

 private:
  const TokenPolicy policy_;
  mutable absl::Mutex mutex_;
  std::shared_ptr<const std::vector<VerificationKey>> keys_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace pif::auth
