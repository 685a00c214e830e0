#include "pif/auth/token_verifier.h"

#include <jwt.h>

#include <cstdlib>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "pif/core/council.h"

namespace pif::auth {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxTokenLength = 16 * 1024;
constexpr size_t kMaxSubjectLength = 200;

absl::Status Refused(absl::string_view why) {
  return absl::UnauthenticatedError(absl::StrCat("the bearer token is not accepted: ", why));
}

struct FreeJwt {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};

// A JSON segment of a token (header or payload), decoded from base64url.
absl::StatusOr<Json> Segment(absl::string_view encoded, const char* what) {
  std::string text;
  if (!absl::WebSafeBase64Unescape(encoded, &text)) {
    return Refused(absl::StrCat("its ", what, " is not base64url"));
  }
  Json json = Json::parse(text, nullptr, false);
  if (!json.is_object()) return Refused(absl::StrCat("its ", what, " is not a JSON object"));
  return json;
}

bool IsPrintableAscii(const std::string& text) {
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// A NumericDate claim (seconds since the epoch), when present and a number.
std::optional<absl::Time> TimeClaim(const Json& claims, const char* name) {
  if (!claims.contains(name) || !claims[name].is_number()) return std::nullopt;
  return absl::FromUnixSeconds(claims[name].get<int64_t>());
}

// The strings of a claim that is a list of strings (or one string); nullopt when it is neither.
std::optional<std::vector<std::string>> Strings(const Json& claims, const std::string& name) {
  if (!claims.contains(name)) return std::vector<std::string>();
  const Json& value = claims[name];
  if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
  if (!value.is_array()) return std::nullopt;
  std::vector<std::string> strings;
  for (const Json& item : value) {
    if (!item.is_string()) return std::nullopt;
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

}  // namespace

TokenVerifier::TokenVerifier(std::vector<VerificationKey> keys, TokenPolicy policy)
    : policy_(std::move(policy)),
      keys_(std::make_shared<const std::vector<VerificationKey>>(std::move(keys))) {}

void TokenVerifier::SetKeys(std::vector<VerificationKey> keys) {
  auto replacement = std::make_shared<const std::vector<VerificationKey>>(std::move(keys));
  absl::MutexLock lock(&mutex_);
  keys_ = std::move(replacement);
}

absl::StatusOr<Claims> TokenVerifier::Verify(absl::string_view token, absl::Time now) const {
  if (token.empty()) return Refused("it is empty");
  if (token.size() > kMaxTokenLength) return Refused("it is too long");
  const std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
    return Refused("it is not a signed JWT (header.payload.signature)");
  }
  // One token, one spelling: base64url with unused bits set would verify as another string.
  for (absl::string_view part : parts) {
    std::string bytes;
    if (!absl::WebSafeBase64Unescape(part, &bytes) || absl::WebSafeBase64Escape(bytes) != part) {
      return Refused("it is not canonical base64url");
    }
  }
  absl::StatusOr<Json> header = Segment(parts[0], "header");
  if (!header.ok()) return header.status();

  // The algorithm is chosen by the key, never by the token: `none`, HMAC (a public key used as a
  // shared secret) and anything else are refused before any verification.
  const std::string alg = header->contains("alg") && (*header)["alg"].is_string()
                              ? (*header)["alg"].get<std::string>()
                              : "";
  if (alg != "RS256" && alg != "ES256") {
    return Refused(absl::StrCat("its algorithm \"", absl::CHexEscape(alg.substr(0, 16)),
                                "\" is not RS256 or ES256"));
  }
  const std::string kid = header->contains("kid") && (*header)["kid"].is_string()
                              ? (*header)["kid"].get<std::string>()
                              : "";
  std::shared_ptr<const std::vector<VerificationKey>> keys;
  {
    absl::MutexLock lock(&mutex_);
    keys = keys_;
  }
  const VerificationKey* key = nullptr;
  int candidates = 0;
  for (const VerificationKey& candidate : *keys) {
    if (candidate.alg != alg) continue;
    if (!kid.empty() && candidate.kid != kid) continue;
    ++candidates;
    key = &candidate;
  }
  if (key == nullptr) return Refused("no key of the identity provider matches its kid and alg");
  if (kid.empty() && candidates > 1) return Refused("it names no kid and several keys could fit");

  const std::string text(token);
  jwt_t* raw = nullptr;
  const int decoded =
      jwt_decode(&raw, text.c_str(), reinterpret_cast<const unsigned char*>(key->pem.data()),
                 static_cast<int>(key->pem.size()));
  std::unique_ptr<jwt_t, FreeJwt> jwt(raw);
  if (decoded != 0 || jwt == nullptr) return Refused("its signature does not verify");
  if (jwt_str_alg(key->alg.c_str()) != jwt_get_alg(jwt.get())) {
    return Refused("it was verified with another algorithm than its key's");
  }

  absl::StatusOr<Json> claims = Segment(parts[1], "payload");
  if (!claims.ok()) return claims.status();
  if (claims->value("iss", "") != policy_.issuer || policy_.issuer.empty()) {
    return Refused("it was issued by another identity provider");
  }
  std::optional<std::vector<std::string>> audience = Strings(*claims, "aud");
  bool audience_ok = false;
  for (const std::string& name : audience.value_or(std::vector<std::string>())) {
    audience_ok = audience_ok || (!policy_.audience.empty() && name == policy_.audience);
  }
  if (!audience_ok) return Refused("it is meant for another audience");
  std::optional<absl::Time> expires = TimeClaim(*claims, "exp");
  if (!expires.has_value()) return Refused("it has no expiry (exp)");
  if (now >= *expires + policy_.leeway) return Refused("it has expired");
  std::optional<absl::Time> not_before = TimeClaim(*claims, "nbf");
  if (not_before.has_value() && now + policy_.leeway < *not_before) {
    return Refused("it is not valid yet (nbf)");
  }

  Claims out;
  out.expires_at = *expires;
  out.subject = claims->contains("sub") && (*claims)["sub"].is_string()
                    ? (*claims)["sub"].get<std::string>()
                    : "";
  if (out.subject.empty() || out.subject.size() > kMaxSubjectLength ||
      !IsPrintableAscii(out.subject)) {
    return Refused("its subject (sub) is missing or not printable ASCII of at most 200 characters");
  }
  std::optional<std::vector<std::string>> roles = Strings(*claims, policy_.roles_claim);
  if (!roles.has_value())
    return Refused(absl::StrCat("its ", policy_.roles_claim, " claim is not a list"));
  for (const std::string& name : *roles) {
    if (std::optional<Role> role = ParseRole(name)) out.roles.insert(*role);
  }
  std::optional<std::vector<std::string>> councils = Strings(*claims, policy_.councils_claim);
  if (!councils.has_value()) {
    return Refused(absl::StrCat("its ", policy_.councils_claim, " claim is not a list"));
  }
  for (const std::string& council : *councils) {
    if (!IsGssCode(council)) {
      return Refused(absl::StrCat("its ", policy_.councils_claim,
                                  " claim holds a value that is not a GSS code"));
    }
    out.councils.insert(council);
  }
  return out;
}

}  // namespace pif::auth
