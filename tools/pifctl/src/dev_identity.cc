#include "dev_identity.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "pif/auth/roles.h"
#include "pif/auth/token_minter.h"
#include "pif/core/council.h"

namespace pif::ctl {
namespace {

constexpr char kAlgorithm[] = "ES256";

struct FreeKey {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct FreeBio {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

// The public key of `private_pem` as DER (SubjectPublicKeyInfo); an error unless it is P-256.
absl::StatusOr<std::string> PublicKeyDer(const std::string& private_pem) {
  std::unique_ptr<BIO, FreeBio> bio(
      BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())));
  if (bio == nullptr) return absl::InternalError("OpenSSL could not read the key");
  std::unique_ptr<EVP_PKEY, FreeKey> key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (key == nullptr) return absl::InvalidArgumentError("the signing key is not a PEM private key");
  if (!EVP_PKEY_is_a(key.get(), "EC") || EVP_PKEY_get_bits(key.get()) != 256) {
    return absl::InvalidArgumentError("the signing key must be an EC P-256 key (ES256)");
  }
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key.get(), &der);
  if (length <= 0) return absl::InternalError("OpenSSL could not write the public key");
  std::string bytes(reinterpret_cast<const char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return bytes;
}

}  // namespace

absl::StatusOr<std::string> DevKeyId(const std::string& private_pem) {
  absl::StatusOr<std::string> der = PublicKeyDer(private_pem);
  if (!der.ok()) return der.status();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (EVP_Digest(der->data(), der->size(), digest, &digest_length, EVP_sha256(), nullptr) != 1) {
    return absl::InternalError("OpenSSL could not hash the public key");
  }
  const std::string hex = absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), digest_length));
  return absl::StrCat("dev-", hex.substr(0, 16));
}

absl::StatusOr<std::string> DevJwks(const std::string& private_pem) {
  absl::StatusOr<std::string> kid = DevKeyId(private_pem);
  if (!kid.ok()) return kid.status();
  return auth::JwksFor(private_pem, kAlgorithm, *kid);
}

absl::StatusOr<std::string> DevToken(const DevTokenClaims& claims, const std::string& private_pem,
                                     absl::Time now) {
  if (claims.roles.empty()) return absl::InvalidArgumentError("--roles: name at least one role");
  for (const std::string& role : claims.roles) {
    if (!auth::ParseRole(role).has_value()) {
      std::string known;
      for (auth::Role each : auth::AllRoles()) {
        absl::StrAppend(&known, known.empty() ? "" : ", ", auth::RoleName(each));
      }
      return absl::InvalidArgumentError(
          absl::StrCat("--roles: '", role, "' is not a role (", known, ")"));
    }
  }
  if (claims.councils.empty()) {
    return absl::InvalidArgumentError("--councils: name at least one council (a GSS code)");
  }
  for (const std::string& council : claims.councils) {
    if (!IsGssCode(council)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--councils: '", council, "' is not a GSS code such as S12000033"));
    }
  }
  if (claims.lifetime <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--lifetime: must be positive, e.g. 8h or 30m");
  }
  if (claims.subject.empty()) return absl::InvalidArgumentError("--subject: must not be empty");
  absl::StatusOr<std::string> kid = DevKeyId(private_pem);
  if (!kid.ok()) return kid.status();
  auth::TokenRequest request;
  request.issuer = claims.issuer;
  request.audience = claims.audience;
  request.subject = claims.subject;
  request.roles = claims.roles;
  request.councils = claims.councils;
  request.issued_at = now;
  request.lifetime = claims.lifetime;
  return auth::MintToken(request, kAlgorithm, *kid, private_pem);
}

}  // namespace pif::ctl
