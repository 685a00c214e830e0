#include "caller_identity.h"

#include "pif/core/tls.h"
#include "pif/grpc/channel.h"

namespace pif::ctl {

absl::Status ParseWithCallerIdentity(FlagSet& flags, const std::vector<std::string>& args) {
  TlsFiles files;
  AddTlsFlags(flags, "PIFCTL_", &files);
  if (absl::Status parsed = flags.Parse(args, ProcessEnvironment()); !parsed.ok()) return parsed;
  absl::StatusOr<std::optional<TlsMaterial>> tls = LoadTls(files);
  if (!tls.ok()) return tls.status();
  ClientOptions options = DefaultClientOptions();
  options.tls = *tls;
  SetDefaultClientOptions(options);
  return absl::OkStatus();
}

}  // namespace pif::ctl
