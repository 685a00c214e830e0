#include "dev_identity.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/auth/jwks.h"
#include "pif/auth/token_verifier.h"
#include "test_files.h"

namespace pif::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A new private key as PEM: "EC" (P-256) or "RSA" (2048 bits).
std::string NewKeyPem(const std::string& type) {
  EVP_PKEY* key = type == "RSA" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048})
                                : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(size));
  BIO_free(bio);
  EVP_PKEY_free(key);
  return pem;
}

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A verifier of the dev identity provider's tokens, trusting `jwks`.
auth::TokenVerifier VerifierOf(const std::string& jwks) {
  absl::StatusOr<std::vector<auth::VerificationKey>> keys = auth::ParseJwks(jwks);
  EXPECT_TRUE(keys.ok()) << keys.status();
  auth::TokenPolicy policy;
  policy.issuer = kDevIssuer;
  policy.audience = kDevAudience;
  return auth::TokenVerifier(keys.value_or(std::vector<auth::VerificationKey>{}), policy);
}

TEST(DevIdentityTest, TheJwksHoldsTheKeyUnderItsIdAndANewKeyGetsAnotherId) {
  const std::string pem = NewKeyPem("EC");
  absl::StatusOr<std::string> kid = DevKeyId(pem);
  ASSERT_TRUE(kid.ok()) << kid.status();
  EXPECT_THAT(*kid, ::testing::MatchesRegex("dev-[0-9a-f]{16}"));
  EXPECT_EQ(*DevKeyId(pem), *kid);
  EXPECT_NE(*DevKeyId(NewKeyPem("EC")), *kid);
  absl::StatusOr<std::string> jwks = DevJwks(pem);
  ASSERT_TRUE(jwks.ok()) << jwks.status();
  absl::StatusOr<std::vector<auth::VerificationKey>> keys = auth::ParseJwks(*jwks);
  ASSERT_TRUE(keys.ok()) << keys.status();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].kid, *kid);
  EXPECT_EQ((*keys)[0].alg, "ES256");
  // The JWKS carries no private part.
  EXPECT_THAT(*jwks, ::testing::Not(HasSubstr("\"d\"")));
}

TEST(DevIdentityTest, ATokenCarriesItsClaimsAndVerifiesAgainstTheJwksUntilItExpires) {
  const std::string pem = NewKeyPem("EC");
  DevTokenClaims claims;
  claims.subject = "alex";
  claims.roles = {"submitter", "publisher"};
  claims.councils = {"S12000033", "S12000034"};
  claims.lifetime = absl::Minutes(30);
  const absl::Time now = absl::FromUnixSeconds(1800000000);
  absl::StatusOr<std::string> token = DevToken(claims, pem, now);
  ASSERT_TRUE(token.ok()) << token.status();
  const auth::TokenVerifier verifier = VerifierOf(*DevJwks(pem));
  absl::StatusOr<auth::Claims> verified = verifier.Verify(*token, now + absl::Minutes(1));
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->subject, "alex");
  EXPECT_THAT(verified->roles, ElementsAre(auth::Role::kSubmitter, auth::Role::kPublisher));
  EXPECT_THAT(verified->councils, ElementsAre("S12000033", "S12000034"));
  EXPECT_EQ(verified->expires_at, now + absl::Minutes(30));
  // Past its lifetime (and the verifier's leeway) it is refused.
  EXPECT_TRUE(absl::IsUnauthenticated(verifier.Verify(*token, now + absl::Hours(1)).status()));
  // Another key's JWKS does not verify it.
  EXPECT_TRUE(absl::IsUnauthenticated(
      VerifierOf(*DevJwks(NewKeyPem("EC"))).Verify(*token, now + absl::Minutes(1)).status()));
}

TEST(DevIdentityTest, UnknownRolesMalformedCouncilsEmptyListsAndOtherKeysAreRefused) {
  const std::string pem = NewKeyPem("EC");
  const absl::Time now = absl::Now();
  DevTokenClaims claims;
  claims.roles = {"analyst"};
  claims.councils = {"S12000033"};
  ASSERT_TRUE(DevToken(claims, pem, now).ok());

  DevTokenClaims unknown_role = claims;
  unknown_role.roles = {"analyst", "superuser"};
  EXPECT_THAT(DevToken(unknown_role, pem, now).status().message(),
              HasSubstr("--roles: 'superuser' is not a role"));
  DevTokenClaims no_roles = claims;
  no_roles.roles.clear();
  EXPECT_THAT(DevToken(no_roles, pem, now).status().message(), HasSubstr("--roles"));
  DevTokenClaims bad_council = claims;
  bad_council.councils = {"Fife"};
  EXPECT_THAT(DevToken(bad_council, pem, now).status().message(),
              HasSubstr("--councils: 'Fife' is not a GSS code"));
  DevTokenClaims no_councils = claims;
  no_councils.councils.clear();
  EXPECT_THAT(DevToken(no_councils, pem, now).status().message(), HasSubstr("--councils"));
  DevTokenClaims no_lifetime = claims;
  no_lifetime.lifetime = absl::ZeroDuration();
  EXPECT_THAT(DevToken(no_lifetime, pem, now).status().message(), HasSubstr("--lifetime"));
  EXPECT_THAT(DevToken(claims, NewKeyPem("RSA"), now).status().message(),
              HasSubstr("must be an EC P-256 key"));
  EXPECT_THAT(DevJwks("not a key").status().message(), HasSubstr("not a PEM private key"));
}

TEST(DevIdentityCommandTest, DevJwksAndDevTokenWriteFilesThatVerifyEachOther) {
  testing::TestDirectory dir;
  const std::string key = dir.Write("dev-idp.key", NewKeyPem("EC"));
  const std::string jwks = dir.path() + "/jwks.json";
  const std::string token = dir.path() + "/demo.token";
  ASSERT_EQ(RunDevJwks({"dev-jwks", "--signing_key=" + key, "--out=" + jwks}), 0);
  ASSERT_EQ(RunDevToken({"dev-token", "--signing_key=" + key, "--subject=demo",
                         "--roles=submitter,analyst", "--councils=S12000033", "--lifetime=2h",
                         "--out=" + token}),
            0);
  struct stat info {};
  ASSERT_EQ(stat(token.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u) << "a token file is readable by its owner only";
  std::string text = FileText(token);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  text.pop_back();
  absl::StatusOr<auth::Claims> verified = VerifierOf(FileText(jwks)).Verify(text, absl::Now());
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->subject, "demo");
  EXPECT_THAT(verified->roles, ElementsAre(auth::Role::kSubmitter, auth::Role::kAnalyst));
  EXPECT_THAT(verified->councils, ElementsAre("S12000033"));
  EXPECT_LE(verified->expires_at, absl::Now() + absl::Hours(2));
  EXPECT_GT(verified->expires_at, absl::Now() + absl::Minutes(119));
}

TEST(DevIdentityCommandTest, UsageErrorsExitTwo) {
  testing::TestDirectory dir;
  const std::string key = dir.Write("dev-idp.key", NewKeyPem("EC"));
  EXPECT_EQ(RunDevToken({"dev-token", "--roles=analyst", "--councils=S12000033"}), 2)
      << "no signing key";
  EXPECT_EQ(RunDevToken({"dev-token", "--signing_key=" + key, "--roles=analyst",
                         "--councils=S12000033", "--lifetime=soon"}),
            2);
  EXPECT_EQ(
      RunDevToken({"dev-token", "--signing_key=" + key, "--roles=root", "--councils=S12000033"}),
      2);
  EXPECT_EQ(RunDevJwks({"dev-jwks", "--signing_key=" + dir.path() + "/missing.key"}), 2);
}

}  // namespace
}  // namespace pif::ctl
