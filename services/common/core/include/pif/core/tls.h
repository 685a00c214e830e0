// Mutual TLS material for servers and clients: which files, read and checked once at start-up.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "pif/core/flags.h"

namespace pif {

// The PEM files naming one party's identity and whom it trusts; all three or none.
struct TlsFiles {
  std::string ca_file;    // the CA that signs every pif service's and client's certificate
  std::string cert_file;  // this party's certificate (chain)
  std::string key_file;   // its private key

  // True when no file is named (plaintext).
  bool empty() const { return ca_file.empty() && cert_file.empty() && key_file.empty(); }
};

// The contents of TlsFiles.
struct TlsMaterial {
  std::string ca_pem;
  std::string cert_pem;
  std::string key_pem;
};

// Declares --tls_ca_file, --tls_cert_file and --tls_key_file, each overridable by
// <env_prefix>TLS_CA_FILE, ... (env_prefix "PIF_" for services, "PIFCTL_" for pifctl).
void AddTlsFlags(FlagSet& flags, absl::string_view env_prefix, TlsFiles* files);

// Reads the files: nullopt when none is named; an error naming the flag and the file when only
// some are named, one cannot be read, or one does not hold the PEM block it should.
absl::StatusOr<std::optional<TlsMaterial>> LoadTls(const TlsFiles& files);

}  // namespace pif
