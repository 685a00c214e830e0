// The keys a council's identity provider signs tokens with, as a JSON Web Key Set (RFC 7517).
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pif::auth {

// One key tokens may be verified with: the algorithm it serves and its public key.
struct VerificationKey {
  // The key id ("kid"); may be empty when the set has one key for the algorithm.
  std::string kid;
  // "RS256" (an RSA key) or "ES256" (an EC key on P-256); nothing else is accepted.
  std::string alg;
  // The public key, PEM (SubjectPublicKeyInfo).
  std::string pem;
};

// The signing keys of a JWKS document: RSA keys (n, e) for RS256 and EC P-256 keys (x, y) for
// ES256. A key whose "use" is not "sig", whose "alg" names another algorithm, or of another type
// (symmetric "oct" keys included: a shared secret never verifies tokens here) is skipped.
// INVALID_ARGUMENT when the document is not a JWKS, a usable key is malformed, or none is left.
absl::StatusOr<std::vector<VerificationKey>> ParseJwks(absl::string_view json);

// ParseJwks of the file at `path`; the error names the file.
absl::StatusOr<std::vector<VerificationKey>> LoadJwksFile(const std::string& path);

}  // namespace pif::auth
