// Bearer tokens: a token the identity provider signed is accepted with its subject, roles and
// councils; every other one is UNAUTHENTICATED with its reason: malformed, `alg: none`, HMAC
// signed with the public key (algorithm confusion), a bad signature, an unknown key, expired, not
// yet valid, another issuer or audience.
#include "pif/auth/token_verifier.h"

#include <jwt.h>

#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "pif/auth/testing/test_keys.h"
#include "pif/auth/token_minter.h"

namespace pif::auth {
namespace {

constexpr char kIssuer[] = "https://idp.example-council.gov.uk";
constexpr char kAudience[] = "pif";
const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

TokenRequest Request() {
  TokenRequest request;
  request.issuer = kIssuer;
  request.audience = kAudience;
  request.subject = "analyst@example-council.gov.uk";
  request.roles = {"analyst", "viewer", "astronaut"};
  request.councils = {"S12000033"};
  request.issued_at = kNow - absl::Minutes(5);
  return request;
}

class TokenVerifierTest : public ::testing::Test {
 protected:
  TokenVerifierTest()
      : rsa_(NewPrivateKeyPem("RSA")), ec_(NewPrivateKeyPem("EC")), verifier_(Keys(), Policy()) {}

  std::vector<VerificationKey> Keys() const {
    std::vector<VerificationKey> keys = *ParseJwks(*JwksFor(rsa_, "RS256", "r1"));
    const std::vector<VerificationKey> ec_keys = *ParseJwks(*JwksFor(ec_, "ES256", "e1"));
    keys.insert(keys.end(), ec_keys.begin(), ec_keys.end());
    return keys;
  }
  static TokenPolicy Policy() {
    TokenPolicy policy;
    policy.issuer = kIssuer;
    policy.audience = kAudience;
    return policy;
  }
  std::string Rsa(const TokenRequest& request, const std::string& kid = "r1") const {
    return *MintToken(request, "RS256", kid, rsa_);
  }
  // The reason a refused token gives; empty when it was accepted.
  std::string Refusal(const std::string& token, absl::Time now = kNow) const {
    absl::StatusOr<Claims> claims = verifier_.Verify(token, now);
    if (claims.ok()) return "";
    EXPECT_EQ(claims.status().code(), absl::StatusCode::kUnauthenticated);
    if (!token.empty()) {
      EXPECT_FALSE(absl::StrContains(claims.status().message(), token)) << "quotes the token";
    }
    return std::string(claims.status().message());
  }

  const std::string rsa_;
  const std::string ec_;
  TokenVerifier verifier_;
};

// A token with the given header and payload JSON and signature bytes, base64url encoded.
std::string Forge(const std::string& header, const std::string& payload, const std::string& sig) {
  return absl::WebSafeBase64Escape(header) + "." + absl::WebSafeBase64Escape(payload) + "." +
         absl::WebSafeBase64Escape(sig);
}

TEST_F(TokenVerifierTest, AcceptsRs256AndEs256TokensWithTheirClaims) {
  absl::StatusOr<Claims> claims = verifier_.Verify(Rsa(Request()), kNow);
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->subject, "analyst@example-council.gov.uk");
  EXPECT_EQ(claims->roles, (std::set<Role>{Role::kAnalyst, Role::kViewer}))
      << "an unknown role name is ignored";
  EXPECT_EQ(claims->councils, std::set<std::string>{"S12000033"});
  EXPECT_EQ(claims->expires_at, kNow + absl::Minutes(55));

  absl::StatusOr<Claims> ec = verifier_.Verify(*MintToken(Request(), "ES256", "e1", ec_), kNow);
  ASSERT_TRUE(ec.ok()) << ec.status();
  EXPECT_EQ(ec->subject, "analyst@example-council.gov.uk");
}

TEST_F(TokenVerifierTest, MalformedTokensAreRefused) {
  EXPECT_NE(Refusal(""), "");
  EXPECT_NE(Refusal("abc"), "");
  EXPECT_NE(Refusal("a.b"), "");
  EXPECT_NE(Refusal("!!.!!.!!"), "");
  EXPECT_NE(Refusal(std::string(20000, 'a')), "");
  // The same signature spelt with an unused bit set is another token string: refused.
  // (An RS256 signature is 256 bytes: the last of its 342 characters carries 4 unused bits.)
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string variant = Rsa(Request());
  variant.back() = alphabet[alphabet.find(variant.back()) ^ 1];
  EXPECT_TRUE(absl::StrContains(Refusal(variant), "canonical"));
}

TEST_F(TokenVerifierTest, AlgNoneIsRefused) {
  const std::vector<std::string> parts = absl::StrSplit(Rsa(Request()), '.');
  std::string claims;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &claims));
  EXPECT_TRUE(absl::StrContains(Refusal(Forge(R"({"alg":"none","typ":"JWT"})", claims, "sig")),
                                "\"none\" is not RS256 or ES256"));
  EXPECT_TRUE(absl::StrContains(Refusal(Forge(R"({"alg":"None","kid":"r1"})", claims, "sig")),
                                "is not RS256 or ES256"));
  // libjwt itself would accept an unsigned token when no key is given; the verifier never asks it.
  EXPECT_NE(Refusal(parts[0] + "." + parts[1] + "."), "");
}

TEST_F(TokenVerifierTest, HmacSignedWithThePublicKeyIsRefused) {
  // The classic algorithm confusion: the RSA public key (which anyone has) used as an HMAC secret.
  const std::string public_pem = PublicPemOf(rsa_);
  jwt_t* jwt = nullptr;
  ASSERT_EQ(jwt_new(&jwt), 0);
  const std::vector<std::string> parts = absl::StrSplit(Rsa(Request()), '.');
  std::string claims;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &claims));
  ASSERT_EQ(jwt_add_grants_json(jwt, claims.c_str()), 0);
  ASSERT_EQ(jwt_add_header(jwt, "kid", "r1"), 0);
  ASSERT_EQ(
      jwt_set_alg(jwt, JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(public_pem.data()),
                  static_cast<int>(public_pem.size())),
      0);
  char* encoded = jwt_encode_str(jwt);
  ASSERT_NE(encoded, nullptr);
  const std::string token(encoded);
  std::free(encoded);
  jwt_free(jwt);
  EXPECT_TRUE(absl::StrContains(Refusal(token), "\"HS256\" is not RS256 or ES256"));
}

TEST_F(TokenVerifierTest, ABadSignatureOrAnUnknownKeyIsRefused) {
  const std::vector<std::string> parts = absl::StrSplit(Rsa(Request()), '.');
  std::string claims;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &claims));
  const std::string tampered_claims = absl::StrReplaceAll(claims, {{"S12000033", "S12000036"}});
  const std::string tampered =
      parts[0] + "." + absl::WebSafeBase64Escape(tampered_claims) + "." + parts[2];
  EXPECT_TRUE(absl::StrContains(Refusal(tampered), "signature does not verify"));
  // Signed by another key under a known kid.
  EXPECT_TRUE(
      absl::StrContains(Refusal(*MintToken(Request(), "RS256", "r1", NewPrivateKeyPem("RSA"))),
                        "signature does not verify"));
  // A kid the identity provider does not have, and an ES256 token naming the RSA key.
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(Request(), "r9")), "no key"));
  EXPECT_TRUE(absl::StrContains(Refusal(*MintToken(Request(), "ES256", "r1", ec_)), "no key"));
}

TEST_F(TokenVerifierTest, TheTimeWindowIsChecked) {
  TokenRequest expired = Request();
  expired.issued_at = kNow - absl::Hours(3);
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(expired)), "expired"));
  // Within the leeway of 60 s an expired token still passes; beyond it, not.
  TokenRequest just = Request();
  just.issued_at = kNow - absl::Hours(1) - absl::Seconds(30);
  EXPECT_EQ(Refusal(Rsa(just)), "");
  TokenRequest future = Request();
  future.issued_at = kNow + absl::Minutes(10);
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(future)), "not valid yet"));
}

TEST_F(TokenVerifierTest, IssuerAudienceAndSubjectAreChecked) {
  TokenRequest issuer = Request();
  issuer.issuer = "https://evil.example";
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(issuer)), "another identity provider"));
  TokenRequest audience = Request();
  audience.audience = "payroll";
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(audience)), "another audience"));
  TokenRequest subject = Request();
  subject.subject = "";
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(subject)), "subject"));
  subject.subject = "line\nbreak";
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(subject)), "subject"));
  TokenRequest council = Request();
  council.councils = {"S12000033", "everywhere"};
  EXPECT_TRUE(absl::StrContains(Refusal(Rsa(council)), "GSS code"));
}

TEST_F(TokenVerifierTest, RotatedKeysApplyToTheNextToken) {
  const std::string next = NewPrivateKeyPem("RSA");
  const std::string token = *MintToken(Request(), "RS256", "r2", next);
  EXPECT_NE(Refusal(token), "");
  verifier_.SetKeys(*ParseJwks(*JwksFor(next, "RS256", "r2")));
  EXPECT_EQ(Refusal(token), "");
  EXPECT_NE(Refusal(Rsa(Request())), "") << "the old key is gone";
}

}  // namespace
}  // namespace pif::auth
