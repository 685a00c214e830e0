// The development PKI and identity provider a test binary runs the services with (made by
// deploy/make-dev-certs.sh, as the local stack's), and what services, clients and pifctl need of
// it: certificates, and tokens for exactly the roles and councils a test needs.
#pragma once

#include <grpcpp/client_context.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "pif/auth/roles.h"
#include "pif/grpc/channel.h"

namespace pif::testing {

// Issuer and audience of the tests' identity provider (the local stack's).
inline constexpr char kTestIssuer[] = "https://idp.pif.local";
inline constexpr char kTestAudience[] = "pif";

// A dev PKI (a CA; a certificate per service, CN pif-<service>; pifctl's, a person's) and the
// identity provider's signing key and JWKS, in one folder. Parties: intake, indicators,
// workforce, reporting, pifctl.
class TestIdentity {
 public:
  // The identity of this process, made once: the folder PIF_TEST_IDENTITY names, as
  // deploy/make-dev-certs.sh made it (tests/run-tests.sh makes one per run, so that each test
  // process does not), or else a temporary folder made now (removed at exit). Aborts saying why
  // when it cannot be used.
  static const TestIdentity& Get();

  // Makes (or renews) a dev PKI and identity provider in `dir` with deploy/make-dev-certs.sh;
  // the script's output when it fails.
  static absl::StatusOr<TestIdentity> Make(const std::string& dir);

  // The identity deploy/make-dev-certs.sh made in `dir` earlier; an error naming a missing file.
  static absl::StatusOr<TestIdentity> Load(const std::string& dir);

  // The folder of its files.
  const std::string& dir() const { return dir_; }
  // The CA every party's certificate chains to.
  std::string CaFile() const;
  // The certificate and the key of `party`.
  std::string CertFile(absl::string_view party) const;
  std::string KeyFile(absl::string_view party) const;
  // The identity provider's JWKS (what --jwks_file names) and its signing key.
  std::string JwksFile() const;
  std::string SigningKeyFile() const;

  // --tls_ca_file, --tls_cert_file and --tls_key_file of `party`.
  std::vector<std::string> TlsArgs(absl::string_view party) const;
  // What a service binary needs to start: TlsArgs(service), --jwks_file, --jwt_issuer and
  // --jwt_audience.
  std::vector<std::string> ServiceArgs(absl::string_view service) const;

  // A token of this identity provider for `roles` and `councils`, valid from now for `lifetime`
  // (long enough for a benchmark).
  std::string Token(const std::vector<auth::Role>& roles, const std::vector<std::string>& councils,
                    absl::Duration lifetime = absl::Hours(8)) const;

  // Mutual TLS as `party`, no token: each call then carries its own (AddToken).
  ClientOptions TlsClientOptions(absl::string_view party = "pifctl") const;
  // Mutual TLS as `party` and a token for `roles` and `councils` on every call of the channel.
  ClientOptions ClientOptionsFor(const std::vector<auth::Role>& roles,
                                 const std::vector<std::string>& councils,
                                 absl::string_view party = "pifctl") const;
  // Makes ClientOptionsFor(roles, councils, party) what OpenChannel(address) uses in this process.
  void UseAsDefaultClient(const std::vector<auth::Role>& roles,
                          const std::vector<std::string>& councils,
                          absl::string_view party = "pifctl") const;
  // Gives one call a token for `roles` and `councils` (it takes precedence over a channel's).
  void AddToken(grpc::ClientContext& context, const std::vector<auth::Role>& roles,
                const std::vector<std::string>& councils) const;

  // pifctl's flags to call as a person: its certificate and --token_file naming a new file that
  // holds a token for `roles` and `councils`.
  std::vector<std::string> PifctlArgs(const std::vector<auth::Role>& roles,
                                      const std::vector<std::string>& councils) const;
  // PifctlArgs as one string for a shell command line (starting with a space).
  std::string PifctlFlags(const std::vector<auth::Role>& roles,
                          const std::vector<std::string>& councils) const;

 private:
  TestIdentity() = default;
  std::string dir_;
  std::string kid_;
  std::string signing_key_;
};

}  // namespace pif::testing
