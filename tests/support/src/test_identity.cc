#include "pif/testing/test_identity.h"

#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "pif/auth/token_minter.h"
#include "pif/core/tls.h"
#include "pif/testing/service_process.h"

namespace pif::testing {
namespace {

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A temporary folder removed when the process exits.
class ScratchFolder {
 public:
  explicit ScratchFolder(const char* name) {
    std::string pattern = absl::StrCat("/tmp/pif-", name, "-XXXXXX");
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Where this process writes token files for pifctl.
const std::string& TokenFolder() {
  static const ScratchFolder folder("test-tokens");
  return folder.path();
}

std::string ShellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace

const TestIdentity& TestIdentity::Get() {
  static const TestIdentity* const identity = [] {
    const char* shared = std::getenv("PIF_TEST_IDENTITY");
    absl::StatusOr<TestIdentity> made;
    if (shared != nullptr && *shared != '\0') {
      made = Load(shared);
    } else {
      static const ScratchFolder folder("test-identity");
      made = Make(folder.path());
    }
    if (!made.ok()) {
      std::cerr << "the tests' dev PKI and identity provider cannot be used: " << made.status()
                << "\n";
      std::abort();
    }
    return new TestIdentity(*std::move(made));
  }();
  return *identity;
}

absl::StatusOr<TestIdentity> TestIdentity::Make(const std::string& dir) {
  const auto [status, output] = RunCommand(
      absl::StrCat("PIFCTL=", ShellQuoted(BinaryPath("pifctl")), " ",
                   ShellQuoted(PIF_SOURCE_DIR "/deploy/make-dev-certs.sh"), " ", ShellQuoted(dir)));
  if (status != 0) {
    return absl::InternalError(
        absl::StrCat("deploy/make-dev-certs.sh ", dir, " exited with ", status, ": ", output));
  }
  return Load(dir);
}

absl::StatusOr<TestIdentity> TestIdentity::Load(const std::string& dir) {
  TestIdentity identity;
  identity.dir_ = dir;
  identity.signing_key_ = FileText(identity.SigningKeyFile());
  if (identity.signing_key_.empty()) {
    return absl::InternalError(absl::StrCat(identity.SigningKeyFile(),
                                            " is missing: make the folder with "
                                            "deploy/make-dev-certs.sh"));
  }
  const nlohmann::json jwks = nlohmann::json::parse(FileText(identity.JwksFile()), nullptr, false);
  if (!jwks.is_object() || !jwks.contains("keys") || jwks["keys"].empty()) {
    return absl::InternalError(absl::StrCat(identity.JwksFile(), " holds no key"));
  }
  identity.kid_ = jwks["keys"][0].value("kid", "");
  return identity;
}

std::string TestIdentity::CaFile() const { return dir_ + "/ca.pem"; }

std::string TestIdentity::CertFile(absl::string_view party) const {
  return absl::StrCat(dir_, "/", party, ".pem");
}

std::string TestIdentity::KeyFile(absl::string_view party) const {
  return absl::StrCat(dir_, "/", party, ".key");
}

std::string TestIdentity::JwksFile() const { return dir_ + "/jwks.json"; }

std::string TestIdentity::SigningKeyFile() const { return dir_ + "/dev-idp.key"; }

std::vector<std::string> TestIdentity::TlsArgs(absl::string_view party) const {
  return {"--tls_ca_file=" + CaFile(), "--tls_cert_file=" + CertFile(party),
          "--tls_key_file=" + KeyFile(party)};
}

std::vector<std::string> TestIdentity::ServiceArgs(absl::string_view service) const {
  std::vector<std::string> args = TlsArgs(service);
  args.push_back("--jwks_file=" + JwksFile());
  args.push_back(absl::StrCat("--jwt_issuer=", kTestIssuer));
  args.push_back(absl::StrCat("--jwt_audience=", kTestAudience));
  return args;
}

std::string TestIdentity::Token(const std::vector<auth::Role>& roles,
                                const std::vector<std::string>& councils,
                                absl::Duration lifetime) const {
  auth::TokenRequest request;
  request.issuer = kTestIssuer;
  request.audience = kTestAudience;
  request.subject = "pif-test";
  for (auth::Role role : roles) request.roles.emplace_back(auth::RoleName(role));
  request.councils = councils;
  request.issued_at = absl::Now();
  request.lifetime = lifetime;
  absl::StatusOr<std::string> token = auth::MintToken(request, "ES256", kid_, signing_key_);
  if (!token.ok()) {
    std::cerr << "a test token could not be signed: " << token.status() << "\n";
    std::abort();
  }
  return *token;
}

ClientOptions TestIdentity::TlsClientOptions(absl::string_view party) const {
  absl::StatusOr<std::optional<TlsMaterial>> tls =
      LoadTls(TlsFiles{CaFile(), CertFile(party), KeyFile(party)});
  if (!tls.ok()) {
    std::cerr << "the test certificate of " << party << " cannot be used: " << tls.status() << "\n";
    std::abort();
  }
  ClientOptions options;
  options.tls = *tls;
  return options;
}

ClientOptions TestIdentity::ClientOptionsFor(const std::vector<auth::Role>& roles,
                                             const std::vector<std::string>& councils,
                                             absl::string_view party) const {
  ClientOptions options = TlsClientOptions(party);
  options.bearer_token = Token(roles, councils);
  return options;
}

void TestIdentity::UseAsDefaultClient(const std::vector<auth::Role>& roles,
                                      const std::vector<std::string>& councils,
                                      absl::string_view party) const {
  SetDefaultClientOptions(ClientOptionsFor(roles, councils, party));
}

void TestIdentity::AddToken(grpc::ClientContext& context, const std::vector<auth::Role>& roles,
                            const std::vector<std::string>& councils) const {
  context.AddMetadata("authorization", "Bearer " + Token(roles, councils));
}

std::vector<std::string> TestIdentity::PifctlArgs(const std::vector<auth::Role>& roles,
                                                  const std::vector<std::string>& councils) const {
  static std::atomic<int> tokens{0};
  const std::string token_file = absl::StrCat(TokenFolder(), "/token-", tokens++);
  std::ofstream(token_file) << Token(roles, councils) << "\n";
  std::vector<std::string> args = TlsArgs("pifctl");
  args.push_back("--token_file=" + token_file);
  return args;
}

std::string TestIdentity::PifctlFlags(const std::vector<auth::Role>& roles,
                                      const std::vector<std::string>& councils) const {
  std::string flags;
  for (const std::string& arg : PifctlArgs(roles, councils)) {
    absl::StrAppend(&flags, " ", ShellQuoted(arg));
  }
  return flags;
}

}  // namespace pif::testing
