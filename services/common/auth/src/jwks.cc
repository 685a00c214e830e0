#include "pif/auth/jwks.h"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace pif::auth {
namespace {

using Json = nlohmann::json;

struct FreeBn {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct FreeBuilder {
  void operator()(OSSL_PARAM_BLD* builder) const { OSSL_PARAM_BLD_free(builder); }
};
struct FreeParams {
  void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct FreeContext {
  void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct FreeKey {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct FreeBio {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

absl::Status Malformed(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("the JWKS is not usable: ", what));
}

// The bytes of a base64url member of `key` (no padding, as RFC 7518 writes them).
absl::StatusOr<std::string> Bytes(const Json& key, const char* member) {
  if (!key.contains(member) || !key[member].is_string()) {
    return Malformed(absl::StrCat("a key has no \"", member, "\""));
  }
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(key[member].get<std::string>(), &bytes) || bytes.empty()) {
    return Malformed(absl::StrCat("a key's \"", member, "\" is not base64url"));
  }
  return bytes;
}

// The public key built from `params` of key type `type` ("RSA", "EC"), as PEM.
absl::StatusOr<std::string> PemOf(const char* type, OSSL_PARAM_BLD* builder) {
  std::unique_ptr<OSSL_PARAM, FreeParams> params(OSSL_PARAM_BLD_to_param(builder));
  std::unique_ptr<EVP_PKEY_CTX, FreeContext> context(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (params == nullptr || context == nullptr || EVP_PKEY_fromdata_init(context.get()) <= 0) {
    return absl::InternalError("OpenSSL could not prepare a public key");
  }
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
    return Malformed(absl::StrCat("an ", type, " key's numbers do not make a public key"));
  }
  std::unique_ptr<EVP_PKEY, FreeKey> key(raw);
  std::unique_ptr<BIO, FreeBio> bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1) {
    return absl::InternalError("OpenSSL could not write a public key");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

absl::StatusOr<std::string> RsaPem(const Json& key) {
  absl::StatusOr<std::string> n = Bytes(key, "n");
  if (!n.ok()) return n.status();
  absl::StatusOr<std::string> e = Bytes(key, "e");
  if (!e.ok()) return e.status();
  if (n->size() < 256) return Malformed("an RSA key is shorter than 2048 bits");
  std::unique_ptr<BIGNUM, FreeBn> modulus(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr));
  std::unique_ptr<BIGNUM, FreeBn> exponent(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr));
  std::unique_ptr<OSSL_PARAM_BLD, FreeBuilder> builder(OSSL_PARAM_BLD_new());
  if (modulus == nullptr || exponent == nullptr || builder == nullptr ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return absl::InternalError("OpenSSL could not read an RSA key");
  }
  return PemOf("RSA", builder.get());
}

absl::StatusOr<std::string> EcPem(const Json& key) {
  if (key.value("crv", "") != "P-256") return Malformed("an EC key is not on the P-256 curve");
  absl::StatusOr<std::string> x = Bytes(key, "x");
  if (!x.ok()) return x.status();
  absl::StatusOr<std::string> y = Bytes(key, "y");
  if (!y.ok()) return y.status();
  if (x->size() != 32 || y->size() != 32) return Malformed("an EC key's x or y is not 32 bytes");
  const std::string point = std::string(1, '\x04') + *x + *y;  // uncompressed point
  std::unique_ptr<OSSL_PARAM_BLD, FreeBuilder> builder(OSSL_PARAM_BLD_new());
  if (builder == nullptr ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return absl::InternalError("OpenSSL could not read an EC key");
  }
  return PemOf("EC", builder.get());
}

}  // namespace

absl::StatusOr<std::vector<VerificationKey>> ParseJwks(absl::string_view json) {
  const Json document = Json::parse(json.begin(), json.end(), nullptr, false);
  if (!document.is_object() || !document.contains("keys") || !document["keys"].is_array()) {
    return Malformed("it is not a JSON object with a \"keys\" array");
  }
  std::vector<VerificationKey> keys;
  for (const Json& key : document["keys"]) {
    if (!key.is_object()) return Malformed("a key is not a JSON object");
    const std::string type = key.value("kty", "");
    const std::string use =
        key.contains("use") && key["use"].is_string() ? key["use"].get<std::string>() : "sig";
    const std::string alg =
        key.contains("alg") && key["alg"].is_string() ? key["alg"].get<std::string>() : "";
    if (use != "sig") continue;
    VerificationKey verification;
    verification.kid =
        key.contains("kid") && key["kid"].is_string() ? key["kid"].get<std::string>() : "";
    absl::StatusOr<std::string> pem;
    if (type == "RSA" && (alg.empty() || alg == "RS256")) {
      verification.alg = "RS256";
      pem = RsaPem(key);
    } else if (type == "EC" && (alg.empty() || alg == "ES256")) {
      verification.alg = "ES256";
      pem = EcPem(key);
    } else {
      continue;  // another algorithm or a symmetric key: never used to verify here
    }
    if (!pem.ok()) return pem.status();
    verification.pem = *std::move(pem);
    keys.push_back(std::move(verification));
  }
  if (keys.empty()) return Malformed("it holds no RS256 or ES256 signing key");
  return keys;
}

absl::StatusOr<std::vector<VerificationKey>> LoadJwksFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read the JWKS file ", path));
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<std::vector<VerificationKey>> keys = ParseJwks(text.str());
  if (!keys.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", keys.status().message()));
  }
  return keys;
}

}  // namespace pif::auth
