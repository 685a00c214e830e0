#include "pif/auth/token_minter.h"

#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <memory>

#include "absl/strings/escaping.h"
#include "nlohmann/json.hpp"

namespace pif::auth {
namespace {

struct FreeJwt {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
struct FreeString {
  void operator()(char* text) const { std::free(text); }
};
struct FreeKey {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct FreeBio {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct FreeBn {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};

std::unique_ptr<EVP_PKEY, FreeKey> ReadPrivateKey(const std::string& pem) {
  std::unique_ptr<BIO, FreeBio> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return nullptr;
  return std::unique_ptr<EVP_PKEY, FreeKey>(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

std::string Base64Url(const std::string& bytes) { return absl::WebSafeBase64Escape(bytes); }

// A BIGNUM parameter of `key` as unsigned big-endian bytes, left-padded to `width` when given.
std::string BigNumber(EVP_PKEY* key, const char* name, int width = 0) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return "";
  std::unique_ptr<BIGNUM, FreeBn> number(raw);
  const int size = width > 0 ? width : BN_num_bytes(number.get());
  std::string bytes(static_cast<size_t>(size), '\0');
  if (BN_bn2binpad(number.get(), reinterpret_cast<unsigned char*>(bytes.data()), size) != size) {
    return "";
  }
  return bytes;
}

}  // namespace

absl::StatusOr<std::string> MintToken(const TokenRequest& request, const std::string& alg,
                                      const std::string& kid, const std::string& private_pem) {
  const jwt_alg_t algorithm = jwt_str_alg(alg.c_str());
  if (algorithm != JWT_ALG_RS256 && algorithm != JWT_ALG_ES256) {
    return absl::InvalidArgumentError("tokens are signed with RS256 or ES256 only");
  }
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) return absl::InternalError("libjwt could not make a token");
  std::unique_ptr<jwt_t, FreeJwt> jwt(raw);
  nlohmann::json claims = {
      {"iss", request.issuer},
      {"aud", request.audience},
      {"sub", request.subject},
      {"iat", absl::ToUnixSeconds(request.issued_at)},
      {"nbf", absl::ToUnixSeconds(request.issued_at)},
      {"exp", absl::ToUnixSeconds(request.issued_at + request.lifetime)},
      {request.roles_claim, request.roles},
      {request.councils_claim, request.councils},
  };
  if (jwt_add_grants_json(jwt.get(), claims.dump().c_str()) != 0 ||
      (!kid.empty() && jwt_add_header(jwt.get(), "kid", kid.c_str()) != 0) ||
      jwt_set_alg(jwt.get(), algorithm, reinterpret_cast<const unsigned char*>(private_pem.data()),
                  static_cast<int>(private_pem.size())) != 0) {
    return absl::InvalidArgumentError("the token could not be prepared (claims or key)");
  }
  std::unique_ptr<char, FreeString> encoded(jwt_encode_str(jwt.get()));
  if (encoded == nullptr) {
    return absl::InvalidArgumentError("the token could not be signed: is the key a " +
                                      std::string(alg == "RS256" ? "RSA" : "P-256") +
                                      " private key in PEM?");
  }
  return std::string(encoded.get());
}

absl::StatusOr<std::string> JwksFor(const std::string& private_pem, const std::string& alg,
                                    const std::string& kid) {
  std::unique_ptr<EVP_PKEY, FreeKey> key = ReadPrivateKey(private_pem);
  if (key == nullptr) return absl::InvalidArgumentError("the private key is not a PEM key");
  nlohmann::json jwk = {{"use", "sig"}, {"alg", alg}};
  if (!kid.empty()) jwk["kid"] = kid;
  if (alg == "RS256" && EVP_PKEY_is_a(key.get(), "RSA")) {
    jwk["kty"] = "RSA";
    jwk["n"] = Base64Url(BigNumber(key.get(), OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = Base64Url(BigNumber(key.get(), OSSL_PKEY_PARAM_RSA_E));
  } else if (alg == "ES256" && EVP_PKEY_is_a(key.get(), "EC")) {
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = Base64Url(BigNumber(key.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32));
    jwk["y"] = Base64Url(BigNumber(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32));
  } else {
    return absl::InvalidArgumentError("the key does not fit the algorithm (RS256: RSA, ES256: EC)");
  }
  return nlohmann::json({{"keys", {jwk}}}).dump(2);
}

}  // namespace pif::auth
