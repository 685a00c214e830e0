// `pifctl dev-jwks` and `pifctl dev-token`: the local stack's development identity provider.
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "commands.h"
#include "dev_identity.h"
#include "pif/core/flags.h"

namespace pif::ctl {
namespace {

absl::StatusOr<std::string> ReadKey(const std::string& path) {
  if (path.empty()) {
    return absl::InvalidArgumentError(
        "--signing_key is required: the dev identity provider's key (deploy/make-dev-certs.sh "
        "writes it as dev-idp.key)");
  }
  std::ifstream in(path);
  if (!in) return absl::InvalidArgumentError("--signing_key: cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes `text` to `path` readable by its owner only (a token is a credential), or to stdout when
// `path` is empty.
absl::Status Emit(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text << "\n";
    return absl::OkStatus();
  }
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return absl::InvalidArgumentError("--out: cannot write " + path);
  const std::string line = text + "\n";
  const bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  close(fd);
  if (!written) return absl::InvalidArgumentError("--out: cannot write " + path);
  return absl::OkStatus();
}

std::vector<std::string> CommaList(const std::string& text) {
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    items.emplace_back(absl::StripAsciiWhitespace(item));
  }
  return items;
}

// Parses `flags`; the exit status to return when the command should not go on.
std::optional<int> ParseOrExit(const FlagSet& flags, const std::vector<std::string>& args) {
  absl::Status parsed = flags.Parse(args, ProcessEnvironment());
  if (parsed.ok()) return std::nullopt;
  const bool help = absl::IsNotFound(parsed);
  (help ? std::cout : std::cerr) << parsed.message() << "\n";
  return help ? 0 : 2;
}

int Fail(absl::string_view command, const absl::Status& status) {
  std::cerr << "pifctl " << command << ": " << status.message() << "\n";
  return 2;
}

}  // namespace

int RunDevJwks(const std::vector<std::string>& args) {
  std::string signing_key;
  std::string out;
  FlagSet flags("pifctl dev-jwks");
  flags.AddString("signing_key", "PIF_DEV_SIGNING_KEY",
                  "the dev identity provider's ES256 private key (PEM)", &signing_key);
  flags.AddString("out", "", "file to write the JWKS to; empty prints it", &out);
  if (std::optional<int> exit = ParseOrExit(flags, args)) return *exit;
  absl::StatusOr<std::string> key = ReadKey(signing_key);
  if (!key.ok()) return Fail("dev-jwks", key.status());
  absl::StatusOr<std::string> jwks = DevJwks(*key);
  if (!jwks.ok()) return Fail("dev-jwks", jwks.status());
  if (absl::Status emitted = Emit(*jwks, out); !emitted.ok()) return Fail("dev-jwks", emitted);
  return 0;
}

int RunDevToken(const std::vector<std::string>& args) {
  std::string signing_key;
  std::string roles;
  std::string councils;
  std::string lifetime = "8h";
  std::string out;
  DevTokenClaims claims;
  FlagSet flags("pifctl dev-token");
  flags.AddString("signing_key", "PIF_DEV_SIGNING_KEY",
                  "the dev identity provider's ES256 private key (PEM)", &signing_key);
  flags.AddString("subject", "", "who the token names (the `sub` claim)", &claims.subject);
  flags.AddString("roles", "",
                  "comma-separated roles: submitter, analyst, publisher, viewer, auditor, admin",
                  &roles);
  flags.AddString("councils", "", "comma-separated GSS codes the caller may act for", &councils);
  flags.AddString("lifetime", "", "how long the token is valid (e.g. 8h, 30m)", &lifetime);
  flags.AddString("issuer", "", "the `iss` claim (the services' --jwt_issuer)", &claims.issuer);
  flags.AddString("audience", "", "the `aud` claim (the services' --jwt_audience)",
                  &claims.audience);
  flags.AddString("out", "", "file to write the token to (mode 600); empty prints it", &out);
  if (std::optional<int> exit = ParseOrExit(flags, args)) return *exit;
  if (!absl::ParseDuration(lifetime, &claims.lifetime)) {
    return Fail("dev-token", absl::InvalidArgumentError(absl::StrCat(
                                 "--lifetime: '", lifetime, "' is not a duration such as 8h")));
  }
  claims.roles = CommaList(roles);
  claims.councils = CommaList(councils);
  absl::StatusOr<std::string> key = ReadKey(signing_key);
  if (!key.ok()) return Fail("dev-token", key.status());
  absl::StatusOr<std::string> token = DevToken(claims, *key, absl::Now());
  if (!token.ok()) return Fail("dev-token", token.status());
  if (absl::Status emitted = Emit(*token, out); !emitted.ok()) return Fail("dev-token", emitted);
  return 0;
}

}  // namespace pif::ctl
