#include "pif/core/tls.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <memory>
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

struct FreeBio {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct FreeX509 {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct FreeKey {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

std::unique_ptr<X509, FreeX509> FirstCertificate(const std::string& pem) {
  std::unique_ptr<BIO, FreeBio> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return nullptr;
  return std::unique_ptr<X509, FreeX509>(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::unique_ptr<EVP_PKEY, FreeKey> PrivateKey(const std::string& pem) {
  std::unique_ptr<BIO, FreeBio> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return nullptr;
  return std::unique_ptr<EVP_PKEY, FreeKey>(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

// The instant an ASN1_TIME names.
absl::Time TimeOf(const ASN1_TIME* time) {
  struct tm parts {};
  if (ASN1_TIME_to_tm(time, &parts) != 1) return absl::InfinitePast();
  return absl::FromTM(parts, absl::UTCTimeZone());
}

std::string Flag(const char* flag, const std::string& path) {
  return absl::StrCat("--", flag, ": ", path);
}

}  // namespace

absl::StatusOr<absl::Time> CertificateNotAfter(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream text;
  text << in.rdbuf();
  std::unique_ptr<X509, FreeX509> cert = FirstCertificate(text.str());
  if (cert == nullptr)
    return absl::InvalidArgumentError(absl::StrCat(path, " holds no certificate"));
  return TimeOf(X509_get0_notAfter(cert.get()));
}

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

absl::StatusOr<std::optional<TlsMaterial>> LoadTls(const TlsFiles& files, absl::Time now) {
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
  material.files = files;
  if (FirstCertificate(material.ca_pem) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Flag("tls_ca_file", files.ca_file), " is not a readable certificate"));
  }
  std::unique_ptr<X509, FreeX509> cert = FirstCertificate(material.cert_pem);
  if (cert == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Flag("tls_cert_file", files.cert_file), " is not a readable certificate"));
  }
  std::unique_ptr<EVP_PKEY, FreeKey> key = PrivateKey(material.key_pem);
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(Flag("tls_key_file", files.key_file), " is not a readable private key"));
  }
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    return absl::InvalidArgumentError(absl::StrCat(Flag("tls_key_file", files.key_file),
                                                   " is not the private key of ", files.cert_file));
  }
  material.not_after = TimeOf(X509_get0_notAfter(cert.get()));
  if (now >= material.not_after) {
    return absl::InvalidArgumentError(absl::StrCat(Flag("tls_cert_file", files.cert_file),
                                                   " expired at ",
                                                   absl::FormatTime(material.not_after)));
  }
  const absl::Time not_before = TimeOf(X509_get0_notBefore(cert.get()));
  if (now < not_before) {
    return absl::InvalidArgumentError(absl::StrCat(Flag("tls_cert_file", files.cert_file),
                                                   " is not valid before ",
                                                   absl::FormatTime(not_before)));
  }
  return material;
}

}  // namespace pif
