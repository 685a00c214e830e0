#include "caller_identity.h"

#include <fstream>
#include <sstream>

#include "absl/strings/strip.h"
#include "pif/core/tls.h"
#include "pif/grpc/channel.h"

namespace pif::ctl {

absl::Status ParseWithCallerIdentity(FlagSet& flags, const std::vector<std::string>& args) {
  TlsFiles files;
  AddTlsFlags(flags, "PIFCTL_", &files);
  std::string token_file;
  flags.AddString("token_file", "PIF_TOKEN_FILE",
                  "file holding the caller's bearer token from the council's identity provider "
                  "(deploy/make-dev-token.sh makes one for the local stack)",
                  &token_file);
  if (absl::Status parsed = flags.Parse(args, ProcessEnvironment()); !parsed.ok()) return parsed;
  absl::StatusOr<std::optional<TlsMaterial>> tls = LoadTls(files);
  if (!tls.ok()) return tls.status();
  ClientOptions options = DefaultClientOptions();
  options.tls = *tls;
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    if (!in) return absl::InvalidArgumentError("--token_file: cannot read " + token_file);
    std::stringstream text;
    text << in.rdbuf();
    options.bearer_token = std::string(absl::StripAsciiWhitespace(text.str()));
    if (options.bearer_token.empty()) {
      return absl::InvalidArgumentError("--token_file: " + token_file + " is empty");
    }
  }
  SetDefaultClientOptions(options);
  return absl::OkStatus();
}

}  // namespace pif::ctl
