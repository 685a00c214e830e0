// A throwaway identity provider for in-process tests of rpcs that authorize their caller: a new
// P-256 signing key, the CallAuthOptions a ServiceHost verifies its tokens with, and tokens for
// any subject, roles and councils.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "pif/auth/jwks.h"
#include "pif/auth/token_minter.h"
#include "pif/grpc/call_scope.h"

namespace pif::testing {

// Signs ES256 tokens with a key of its own (issuer kIssuer, audience kAudience, kid "test").
class TestIdentityProvider {
 public:
  static constexpr char kIssuer[] = "https://idp.test";
  static constexpr char kAudience[] = "pif";

  TestIdentityProvider() : private_pem_(NewKeyPem()) {}

  // The JWKS document that verifies this provider's tokens.
  std::string Jwks() const { return *auth::JwksFor(private_pem_, "ES256", "test"); }

  // What a server authenticates this provider's callers with.
  std::shared_ptr<const CallAuthOptions> CallAuth() const {
    auto options = std::make_shared<CallAuthOptions>();
    auth::TokenPolicy policy;
    policy.issuer = kIssuer;
    policy.audience = kAudience;
    options->verifier = std::make_shared<auth::TokenVerifier>(*auth::ParseJwks(Jwks()), policy);
    return options;
  }

  // A token valid now for an hour.
  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::vector<std::string>& councils) const {
    auth::TokenRequest request;
    request.issuer = kIssuer;
    request.audience = kAudience;
    request.subject = subject;
    request.roles = roles;
    request.councils = councils;
    request.issued_at = absl::Now() - absl::Minutes(1);
    return *auth::MintToken(request, "ES256", "test", private_pem_);
  }

 private:
  static std::string NewKeyPem() {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<size_t>(size));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
  }

  std::string private_pem_;
};

}  // namespace pif::testing
