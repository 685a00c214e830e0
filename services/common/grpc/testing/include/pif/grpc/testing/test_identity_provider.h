// A council's identity provider for in-process tests: a fresh signing key, the CallAuthOptions a
// server verifies its tokens with, and tokens for any roles and councils.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "pif/auth/jwks.h"
#include "pif/auth/roles.h"
#include "pif/auth/testing/test_keys.h"
#include "pif/auth/token_minter.h"
#include "pif/auth/token_verifier.h"
#include "pif/grpc/call_scope.h"

namespace pif::testing {

// The issuer and audience of the test provider's tokens.
inline constexpr char kTestIssuer[] = "https://idp.test";
inline constexpr char kTestAudience[] = "pif";

// The certificate names of the pif services, as a server trusts them by default.
inline std::set<std::string> PifServiceIdentities() {
  return {"pif-intake", "pif-indicators", "pif-workforce", "pif-reporting"};
}

// Signs tokens with a P-256 key made for this object; servers verify them with CallAuth().
class TestIdentityProvider {
 public:
  TestIdentityProvider() : key_pem_(auth::NewPrivateKeyPem("EC")) {}

  // What a server authenticates callers with: this provider's key, its issuer and audience, and
  // `service_identities` as the certificates trusted to call services-only rpcs.
  std::shared_ptr<const CallAuthOptions> CallAuth(
      std::set<std::string> service_identities = PifServiceIdentities()) const {
    auto options = std::make_shared<CallAuthOptions>();
    auth::TokenPolicy policy;
    policy.issuer = kTestIssuer;
    policy.audience = kTestAudience;
    absl::StatusOr<std::string> jwks = auth::JwksFor(key_pem_, "ES256", "test-key");
    EXPECT_TRUE(jwks.ok()) << jwks.status();
    absl::StatusOr<std::vector<auth::VerificationKey>> keys =
        auth::ParseJwks(jwks.ok() ? *jwks : "");
    EXPECT_TRUE(keys.ok()) << keys.status();
    options->verifier = std::make_shared<auth::TokenVerifier>(
        keys.ok() ? *std::move(keys) : std::vector<auth::VerificationKey>(), policy);
    options->service_identities = std::move(service_identities);
    return options;
  }

  // A token valid for an hour granting `roles` for `councils`, issued to `subject`.
  std::string Token(const std::vector<auth::Role>& roles, const std::vector<std::string>& councils,
                    const std::string& subject = "jo@council") const {
    auth::TokenRequest request;
    request.issuer = kTestIssuer;
    request.audience = kTestAudience;
    request.subject = subject;
    for (auth::Role role : roles) request.roles.emplace_back(auth::RoleName(role));
    request.councils = councils;
    request.issued_at = absl::Now() - absl::Minutes(1);
    absl::StatusOr<std::string> token = auth::MintToken(request, "ES256", "test-key", key_pem_);
    EXPECT_TRUE(token.ok()) << token.status();
    return token.ok() ? *token : "";
  }

  // A token valid for an hour granting the roles named `role_names` (as a token spells them, known
  // or not) for `councils`, issued to `subject`.
  std::string TokenWithRoleNames(const std::string& subject,
                                 const std::vector<std::string>& role_names,
                                 const std::vector<std::string>& councils) const {
    auth::TokenRequest request;
    request.issuer = kTestIssuer;
    request.audience = kTestAudience;
    request.subject = subject;
    request.roles = role_names;
    request.councils = councils;
    request.issued_at = absl::Now() - absl::Minutes(1);
    absl::StatusOr<std::string> token = auth::MintToken(request, "ES256", "test-key", key_pem_);
    EXPECT_TRUE(token.ok()) << token.status();
    return token.ok() ? *token : "";
  }

  // A token granting every role for `councils`: for tests of what an rpc does, not who may call.
  std::string TokenWithEveryRole(const std::vector<std::string>& councils) const {
    return Token(auth::AllRoles(), councils);
  }

 private:
  std::string key_pem_;
};

}  // namespace pif::testing
