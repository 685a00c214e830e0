// JWKS documents: RSA and EC signing keys become the same public keys OpenSSL made; keys that
// must never verify a token here are skipped; malformed documents are refused.
#include "pif/auth/jwks.h"

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/auth/testing/test_keys.h"
#include "pif/auth/token_minter.h"

namespace pif::auth {
namespace {

TEST(JwksTest, RsaAndEcKeysGiveTheirPublicKeys) {
  const std::string rsa = NewPrivateKeyPem("RSA");
  const std::string ec = NewPrivateKeyPem("EC");
  nlohmann::json document = nlohmann::json::parse(*JwksFor(rsa, "RS256", "r1"));
  document["keys"].push_back(nlohmann::json::parse(*JwksFor(ec, "ES256", "e1"))["keys"][0]);
  absl::StatusOr<std::vector<VerificationKey>> keys = ParseJwks(document.dump());
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].kid, "r1");
  EXPECT_EQ((*keys)[0].alg, "RS256");
  EXPECT_EQ((*keys)[0].pem, PublicPemOf(rsa));
  EXPECT_EQ((*keys)[1].kid, "e1");
  EXPECT_EQ((*keys)[1].alg, "ES256");
  EXPECT_EQ((*keys)[1].pem, PublicPemOf(ec));
}

TEST(JwksTest, SymmetricEncryptionAndOtherAlgorithmKeysAreSkipped) {
  nlohmann::json document = nlohmann::json::parse(*JwksFor(NewPrivateKeyPem("EC"), "ES256", "e1"));
  document["keys"].push_back({{"kty", "oct"}, {"k", "c2VjcmV0"}, {"alg", "HS256"}});
  nlohmann::json encryption = document["keys"][0];
  encryption["use"] = "enc";
  encryption["kid"] = "enc1";
  document["keys"].push_back(encryption);
  nlohmann::json es384 = document["keys"][0];
  es384["alg"] = "ES384";
  es384["kid"] = "e384";
  document["keys"].push_back(es384);
  absl::StatusOr<std::vector<VerificationKey>> keys = ParseJwks(document.dump());
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].kid, "e1");
}

TEST(JwksTest, MalformedDocumentsAreRefused) {
  EXPECT_FALSE(ParseJwks("not json").ok());
  EXPECT_FALSE(ParseJwks("{}").ok());
  EXPECT_FALSE(ParseJwks(R"({"keys": []})").ok());
  EXPECT_FALSE(ParseJwks(R"({"keys": [{"kty": "oct", "k": "c2VjcmV0"}]})").ok());
  EXPECT_FALSE(ParseJwks(R"({"keys": [{"kty": "RSA", "n": "!!", "e": "AQAB"}]})").ok());
  EXPECT_FALSE(ParseJwks(R"({"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]})").ok())
      << "an RSA key under 2048 bits";
  EXPECT_FALSE(
      ParseJwks(R"({"keys": [{"kty": "EC", "crv": "P-384", "x": "AQAB", "y": "AQAB"}]})").ok());
  const absl::Status missing = LoadJwksFile("/nonexistent/jwks.json").status();
  EXPECT_NE(std::string(missing.message()).find("/nonexistent/jwks.json"), std::string::npos);
}

}  // namespace
}  // namespace pif::auth
