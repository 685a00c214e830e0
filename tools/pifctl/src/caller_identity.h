// Who pifctl calls as: the one place its transport security is declared and set.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/core/flags.h"

namespace pif::ctl {

// Declares the caller's mutual TLS flags (--tls_ca_file, --tls_cert_file, --tls_key_file, or
// PIFCTL_TLS_*) and --token_file (or PIF_TOKEN_FILE) on `flags`, parses `args` and the
// environment, and makes every channel this process opens present that identity and token. Returns
// the parse status (NOT_FOUND after --help), or INVALID_ARGUMENT naming the flag and file when the
// TLS files cannot be used.
absl::Status ParseWithCallerIdentity(FlagSet& flags, const std::vector<std::string>& args);

}  // namespace pif::ctl
