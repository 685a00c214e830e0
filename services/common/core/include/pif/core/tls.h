// Mutual TLS material for servers and clients: which files, and their check at start-up (every
// file readable, the key that of the certificate, the certificate valid now). The files are then
// watched, so rotated certificates are used without a restart (pif/grpc/channel.h).
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
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

// The contents of TlsFiles, checked.
struct TlsMaterial {
  // Where they were read from (watched for rotation).
  TlsFiles files;
  std::string ca_pem;
  std::string cert_pem;
  std::string key_pem;
  // When the certificate stops being valid.
  absl::Time not_after;
};

// Declares --tls_ca_file, --tls_cert_file and --tls_key_file, each overridable by
// <env_prefix>TLS_CA_FILE, ... (env_prefix "PIF_" for services, "PIFCTL_" for pifctl).
void AddTlsFlags(FlagSet& flags, absl::string_view env_prefix, TlsFiles* files);

// Reads and checks the files at `now`: nullopt when none is named; INVALID_ARGUMENT naming the
// flag and the file when only some are named, one cannot be read or holds no PEM block of its
// kind, the key is not the certificate's, or the certificate has expired or is not valid yet.
absl::StatusOr<std::optional<TlsMaterial>> LoadTls(const TlsFiles& files,
                                                   absl::Time now = absl::Now());

// When the first certificate of the PEM file at `path` stops being valid; an error when it
// cannot be read (for the days-to-expiry metric of a watched, possibly rotated file).
absl::StatusOr<absl::Time> CertificateNotAfter(const std::string& path);

}  // namespace pif
