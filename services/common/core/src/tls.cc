#include "pif/core/tls.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace pif {
namespace {

// One file of the three: its flag, its path and the PEM block it must hold.
struct TlsFile {
  const char* flag;
  const std::string* path;
  const char* pem_marker;
  std::string* contents;
};

absl::Status ReadPem(const TlsFile& file) {
  std::ifstream in(*file.path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(absl::StrCat("--", file.flag, ": cannot read ", *file.path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  *file.contents = text.str();
  if (!absl::StrContains(*file.contents, file.pem_marker)) {
    return absl::InvalidArgumentError(absl::StrCat("--", file.flag, ": ", *file.path,
                                                   " holds no PEM block containing \"",
                                                   file.pem_marker, "\""));
  }
  return absl::OkStatus();
}

}  // namespace

void AddTlsFlags(FlagSet& flags, absl::string_view env_prefix, TlsFiles* files) {
  flags.AddString("tls_ca_file", absl::StrCat(env_prefix, "TLS_CA_FILE"),
                  "PEM CA certificate trusted for peers; with --tls_cert_file and "
                  "--tls_key_file turns on mutual TLS (all three or none)",
                  &files->ca_file);
  flags.AddString("tls_cert_file", absl::StrCat(env_prefix, "TLS_CERT_FILE"),
                  "PEM certificate (chain) presented to peers", &files->cert_file);
  flags.AddString("tls_key_file", absl::StrCat(env_prefix, "TLS_KEY_FILE"),
                  "PEM private key of --tls_cert_file", &files->key_file);
}

absl::StatusOr<std::optional<TlsMaterial>> LoadTls(const TlsFiles& files) {
  if (files.empty()) return std::nullopt;
  TlsMaterial material;
  const TlsFile all[] = {
      {"tls_ca_file", &files.ca_file, "CERTIFICATE", &material.ca_pem},
      {"tls_cert_file", &files.cert_file, "CERTIFICATE", &material.cert_pem},
      {"tls_key_file", &files.key_file, "PRIVATE KEY", &material.key_pem},
  };
  for (const TlsFile& file : all) {
    if (file.path->empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", file.flag,
                       " is required: mutual TLS needs --tls_ca_file, --tls_cert_file and "
                       "--tls_key_file together"));
    }
  }
  for (const TlsFile& file : all) {
    if (absl::Status read = ReadPem(file); !read.ok()) return read;
  }
  return material;
}

}  // namespace pif
