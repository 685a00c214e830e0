// The TLS files are checked at start-up: the key must be the certificate's, and the certificate
// valid now; each refusal names the flag and the file.
#include "pif/core/tls.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "pif/core/server_options.h"

namespace pif {
namespace {

// A self-signed certificate valid from `from_hours` to `to_hours` from now, written with its key
// to `<dir>/<name>.pem` and `.key`.
void WriteCertificate(const std::string& dir, const std::string& name, long from_hours,
                      long to_hours) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), from_hours * 3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), to_hours * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* subject = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
  X509_set_issuer_name(cert, subject);
  X509_sign(cert, key, EVP_sha256());
  FILE* pem = std::fopen((dir + "/" + name + ".pem").c_str(), "w");
  PEM_write_X509(pem, cert);
  std::fclose(pem);
  FILE* private_key = std::fopen((dir + "/" + name + ".key").c_str(), "w");
  PEM_write_PrivateKey(private_key, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(private_key);
  X509_free(cert);
  EVP_PKEY_free(key);
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char path[] = "/tmp/pif-tls-test-XXXXXX";
    ASSERT_NE(mkdtemp(path), nullptr);
    dir_ = path;
    WriteCertificate(dir_, "good", -1, 48);
    WriteCertificate(dir_, "expired", -48, -1);
    WriteCertificate(dir_, "future", 24, 48);
    WriteCertificate(dir_, "other", -1, 48);
  }
  TlsFiles Files(const std::string& cert, const std::string& key) const {
    return TlsFiles{dir_ + "/good.pem", dir_ + "/" + cert + ".pem", dir_ + "/" + key + ".key"};
  }
  std::string dir_;
};

TEST_F(TlsTest, AValidCertificateWithItsKeyIsLoaded) {
  absl::StatusOr<std::optional<TlsMaterial>> tls = LoadTls(Files("good", "good"));
  ASSERT_TRUE(tls.ok()) << tls.status();
  ASSERT_TRUE(tls->has_value());
  EXPECT_EQ((*tls)->files.cert_file, dir_ + "/good.pem");
  EXPECT_GT((*tls)->not_after, absl::Now() + absl::Hours(47));
  EXPECT_LT((*tls)->not_after, absl::Now() + absl::Hours(49));
  absl::StatusOr<absl::Time> not_after = CertificateNotAfter(dir_ + "/good.pem");
  ASSERT_TRUE(not_after.ok());
  EXPECT_EQ(*not_after, (*tls)->not_after);
}

TEST_F(TlsTest, AnExpiredOrNotYetValidCertificateStopsStartUp) {
  const absl::Status expired = LoadTls(Files("expired", "expired")).status();
  EXPECT_TRUE(absl::StrContains(expired.message(), "--tls_cert_file")) << expired;
  EXPECT_TRUE(absl::StrContains(expired.message(), "expired.pem expired at")) << expired;
  const absl::Status future = LoadTls(Files("future", "future")).status();
  EXPECT_TRUE(absl::StrContains(future.message(), "is not valid before")) << future;
}

TEST_F(TlsTest, AKeyThatIsNotTheCertificatesStopsStartUp) {
  const absl::Status mismatch = LoadTls(Files("good", "other")).status();
  EXPECT_TRUE(absl::StrContains(mismatch.message(), "--tls_key_file")) << mismatch;
  EXPECT_TRUE(absl::StrContains(mismatch.message(), "is not the private key of")) << mismatch;
}

}  // namespace
}  // namespace pif

namespace pif {
namespace {

ServerOptions Listening(const std::string& listen) {
  ServerOptions options;
  options.listen = listen;
  return options;
}

TEST(CheckTransportTest, TlsIsRequiredUnlessPlaintextIsAskedForOnLoopback) {
  const absl::Status none = CheckTransport(Listening("0.0.0.0:50051"));
  EXPECT_TRUE(absl::StrContains(none.message(), "TLS is required")) << none;

  ServerOptions plaintext = Listening("127.0.0.1:50051");
  plaintext.insecure_plaintext = true;
  EXPECT_TRUE(CheckTransport(plaintext).ok());
  for (const char* loopback : {"127.0.0.2:0", "[::1]:50051", "localhost:1"}) {
    plaintext.listen = loopback;
    EXPECT_TRUE(CheckTransport(plaintext).ok()) << loopback;
  }
  for (const char* open : {"0.0.0.0:50051", "10.1.2.3:50051", "[::]:50051", "intake:50051"}) {
    plaintext.listen = open;
    const absl::Status refused = CheckTransport(plaintext);
    EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument) << open;
    EXPECT_TRUE(absl::StrContains(refused.message(), "refused on")) << open;
  }

  ServerOptions both = Listening("127.0.0.1:50051");
  both.insecure_plaintext = true;
  both.tls = TlsFiles{"ca.pem", "cert.pem", "key.pem"};
  EXPECT_FALSE(CheckTransport(both).ok());
  both.insecure_plaintext = false;
  EXPECT_TRUE(CheckTransport(both).ok());
}

}  // namespace
}  // namespace pif
