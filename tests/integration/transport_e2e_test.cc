// Transport security and callers' identity of a real service binary (pif-intake): what stops it
// from starting (no TLS files, plaintext off loopback, an expired certificate, a key of another
// certificate, no identity provider), who gets no answer from its TLS port (a plaintext client, a
// certificate of another CA), and rotation without a restart: its certificate files, and the
// identity provider's JWKS file.
#include <grpcpp/client_context.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::MissingDatabase;
using testing::RunCommand;
using testing::ServiceProcess;
using testing::TestIdentity;

constexpr char kCouncil[] = "S12000033";
// Start-up is refused before the database is reached; none listens here.
constexpr char kUnusedDatabase[] = "host=127.0.0.1 port=1 dbname=unused connect_timeout=1";

// A new temporary folder, removed when destroyed.
class Folder {
 public:
  Folder() {
    std::string pattern = "/tmp/pif-transport-XXXXXX";
    path_ = mkdtemp(pattern.data()) != nullptr ? pattern : "";
  }
  ~Folder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Replaces `to` with a copy of `from` by renaming, as an operator (or cert-manager) rotates files:
// a watcher never reads half a file.
void Replace(const std::string& from, const std::string& to) {
  const std::string staged = to + ".new";
  std::filesystem::copy_file(from, staged, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::rename(staged, to);
}

// The second dev PKI and identity provider of this test: another CA, another signing key.
const TestIdentity& Other() {
  static const Folder* const folder = new Folder();
  static const TestIdentity* const other = [] {
    absl::StatusOr<TestIdentity> made = TestIdentity::Make(folder->path());
    EXPECT_TRUE(made.ok()) << made.status();
    return new TestIdentity(*std::move(made));
  }();
  return *other;
}

// pif-intake's flags over `database`, as the test identity gives them, with `replaced` flags
// (--name=value) instead of those of the same name and `removed` flag names left out.
std::vector<std::string> IntakeArgs(const std::string& database,
                                    const std::vector<std::string>& replaced = {},
                                    const std::vector<std::string>& removed = {}) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + database,
                                   "--drain_seconds=1", "--db_pool_size=2"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) {
    args.push_back(std::move(arg));
  }
  std::vector<std::string> result;
  for (const std::string& arg : args) {
    const std::string name = arg.substr(0, arg.find('='));
    bool keep = true;
    for (const std::string& gone : removed) keep = keep && name != gone;
    for (const std::string& other : replaced)
      keep = keep && other.substr(0, other.find('=')) != name;
    if (keep) result.push_back(arg);
  }
  result.insert(result.end(), replaced.begin(), replaced.end());
  return result;
}

// How a start-up that should be refused ended.
struct Refusal {
  int exit_status = -1;
  std::string log;
};

Refusal StartExpectingRefusal(const std::vector<std::string>& args) {
  ServiceProcess process(BinaryPath("pif-intake"), args);
  absl::StatusOr<int> exit_status = process.WaitForExit(absl::Seconds(20));
  EXPECT_TRUE(exit_status.ok()) << "still running: " << process.Log();
  return {exit_status.value_or(-1), process.Log()};
}

// The health of the server at `address` as a client with `options` sees it: the status name, or
// the gRPC error code's.
std::string HealthAs(const std::string& address, const ClientOptions& options) {
  auto stub = grpc::health::v1::Health::NewStub(OpenChannel(address, options));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = stub->Check(&context, {}, &response);
  if (!status.ok()) return "error " + std::to_string(status.error_code());
  return grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status());
}

// `pifctl health` of `address` with the --tls_* flags of `identity`'s pifctl certificate; its exit
// status and output.
std::pair<int, std::string> PifctlHealth(const std::string& address, const TestIdentity& identity) {
  std::string command =
      absl::StrCat(BinaryPath("pifctl"), " health --timeout_ms=3000 --address=", address);
  for (const std::string& arg : identity.TlsArgs("pifctl")) absl::StrAppend(&command, " ", arg);
  return RunCommand(command);
}

// Calls until `done` holds of the result or `timeout` passes; the last result.
template <typename Call, typename Done>
auto Retry(Call call, Done done, absl::Duration timeout = absl::Seconds(20)) {
  const absl::Time deadline = absl::Now() + timeout;
  auto result = call();
  while (!done(result) && absl::Now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    result = call();
  }
  return result;
}

// ---- what stops a service from starting ------------------------------------------------------

TEST(TransportRefusalTest, WithoutTlsFilesAServiceRefusesToStartSayingWhatToGive) {
  const Refusal refused = StartExpectingRefusal(
      IntakeArgs(kUnusedDatabase, {}, {"--tls_ca_file", "--tls_cert_file", "--tls_key_file"}));
  EXPECT_EQ(refused.exit_status, 2) << refused.log;
  EXPECT_THAT(refused.log, HasSubstr("TLS is required: give --tls_ca_file, --tls_cert_file and "
                                     "--tls_key_file"));
}

TEST(TransportRefusalTest, PlaintextIsRefusedOnAnAddressOtherThanLoopback) {
  const Refusal refused = StartExpectingRefusal(
      IntakeArgs(kUnusedDatabase, {"--listen=0.0.0.0:0", "--insecure_plaintext"},
                 {"--tls_ca_file", "--tls_cert_file", "--tls_key_file"}));
  EXPECT_EQ(refused.exit_status, 2) << refused.log;
  EXPECT_THAT(refused.log, HasSubstr("--insecure_plaintext is refused on 0.0.0.0:0: plaintext is "
                                     "only for a loopback address"));
}

TEST(TransportRefusalTest, AnExpiredCertificateStopsStartUpNamingTheFlagAndFile) {
  const TestIdentity& identity = TestIdentity::Get();
  Folder folder;
  // Signed by the services' CA, valid until a day before it was made.
  const auto [status, output] = RunCommand(
      absl::StrCat("cd ", folder.path(),
                   " && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
                   " -keyout expired.key -out expired.csr -subj /CN=pif-intake",
                   " && openssl x509 -req -in expired.csr -CA ", identity.CaFile(), " -CAkey ",
                   identity.dir(), "/ca.key -set_serial 7001 -days -1 -out expired.pem"));
  ASSERT_EQ(status, 0) << output;
  const Refusal refused = StartExpectingRefusal(
      IntakeArgs(kUnusedDatabase, {"--tls_cert_file=" + (folder / "expired.pem"),
                                   "--tls_key_file=" + (folder / "expired.key")}));
  EXPECT_EQ(refused.exit_status, 2) << refused.log;
  EXPECT_THAT(refused.log,
              HasSubstr("--tls_cert_file: " + (folder / "expired.pem") + " expired at "));
}

TEST(TransportRefusalTest, AKeyOfAnotherCertificateStopsStartUp) {
  const TestIdentity& identity = TestIdentity::Get();
  const Refusal refused = StartExpectingRefusal(
      IntakeArgs(kUnusedDatabase, {"--tls_key_file=" + identity.KeyFile("pifctl")}));
  EXPECT_EQ(refused.exit_status, 2) << refused.log;
  EXPECT_THAT(refused.log, HasSubstr("--tls_key_file: " + identity.KeyFile("pifctl") +
                                     " is not the private key of " + identity.CertFile("intake")));
}

TEST(TransportRefusalTest, WithoutAnIdentityProviderAServiceRefusesToStart) {
  const Refusal no_jwks = StartExpectingRefusal(IntakeArgs(kUnusedDatabase, {}, {"--jwks_file"}));
  EXPECT_EQ(no_jwks.exit_status, 2) << no_jwks.log;
  EXPECT_THAT(no_jwks.log, HasSubstr("--jwks_file is required: every call carries a bearer token"));
  const Refusal no_issuer =
      StartExpectingRefusal(IntakeArgs(kUnusedDatabase, {}, {"--jwt_issuer"}));
  EXPECT_EQ(no_issuer.exit_status, 2) << no_issuer.log;
  EXPECT_THAT(no_issuer.log, HasSubstr("--jwt_issuer is required"));
  Folder folder;
  std::ofstream(folder / "jwks.json") << "{\"keys\": []}";
  const Refusal empty_jwks =
      StartExpectingRefusal(IntakeArgs(kUnusedDatabase, {"--jwks_file=" + (folder / "jwks.json")}));
  EXPECT_EQ(empty_jwks.exit_status, 2) << empty_jwks.log;
  EXPECT_THAT(empty_jwks.log, HasSubstr("--jwks_file: "));
}

// ---- who gets an answer from a TLS port -------------------------------------------------------

class TransportE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new MissingDatabase("transport");
    intake_ = new ServiceProcess(BinaryPath("pif-intake"), IntakeArgs(database_->conninfo()));
    auto port = intake_->WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status();
    address_ = new std::string(absl::StrCat("127.0.0.1:", *port));
  }
  static void TearDownTestSuite() {
    delete address_;
    delete intake_;
    delete database_;
  }

  static MissingDatabase* database_;
  static ServiceProcess* intake_;
  static std::string* address_;
};

MissingDatabase* TransportE2eTest::database_ = nullptr;
ServiceProcess* TransportE2eTest::intake_ = nullptr;
std::string* TransportE2eTest::address_ = nullptr;

TEST_F(TransportE2eTest, OnlyAClientWithACertificateOfTheServicesCaGetsAnAnswer) {
  EXPECT_EQ(HealthAs(*address_, TestIdentity::Get().TlsClientOptions("pifctl")), "SERVING");
  // A plaintext client: no TLS handshake, no answer.
  EXPECT_EQ(HealthAs(*address_, ClientOptions()),
            "error " + std::to_string(grpc::StatusCode::UNAVAILABLE));
  // A certificate of another CA, whether or not it trusts the services' CA.
  ClientOptions stranger = Other().TlsClientOptions("pifctl");
  EXPECT_EQ(HealthAs(*address_, stranger),
            "error " + std::to_string(grpc::StatusCode::UNAVAILABLE));
  stranger.tls->files.ca_file = TestIdentity::Get().CaFile();
  EXPECT_EQ(HealthAs(*address_, stranger),
            "error " + std::to_string(grpc::StatusCode::UNAVAILABLE));
  // pifctl says so and exits 1.
  const auto [status, output] = PifctlHealth(*address_, Other());
  EXPECT_EQ(status, 1) << output;
  EXPECT_THAT(output, HasSubstr(*address_ + "  UNREACHABLE"));
  const auto [ok_status, ok_output] = PifctlHealth(*address_, TestIdentity::Get());
  EXPECT_EQ(ok_status, 0) << ok_output;
  EXPECT_EQ(ok_output, *address_ + "  SERVING\n");
}

TEST(TransportPlaintextTest, PlaintextOnLoopbackServesAPlaintextClientWhenAskedForByName) {
  MissingDatabase database("transport_plain");
  ServiceProcess intake(BinaryPath("pif-intake"),
                        IntakeArgs(database.conninfo(), {"--insecure_plaintext"},
                                   {"--tls_ca_file", "--tls_cert_file", "--tls_key_file"}));
  auto port = intake.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  EXPECT_THAT(intake.Log(), HasSubstr("\"mode\":\"plaintext\""));
  EXPECT_EQ(HealthAs(absl::StrCat("127.0.0.1:", *port), ClientOptions()), "SERVING");
}

// ---- rotation without a restart ---------------------------------------------------------------

// A running pif-intake whose TLS and JWKS files are copies in a folder of its own (read again
// every second), first of the test identity's.
class RotatingIntake {
 public:
  RotatingIntake() : database_("transport_rotation") {
    const TestIdentity& identity = TestIdentity::Get();
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{identity.CaFile(), "ca.pem"},
                                                          {identity.CertFile("intake"), "cert.pem"},
                                                          {identity.KeyFile("intake"), "key.pem"},
                                                          {identity.JwksFile(), "jwks.json"}}) {
      std::filesystem::copy_file(from, folder_ / to);
    }
    process_ = std::make_unique<ServiceProcess>(
        BinaryPath("pif-intake"),
        IntakeArgs(
            database_.conninfo(),
            {"--tls_ca_file=" + (folder_ / "ca.pem"), "--tls_cert_file=" + (folder_ / "cert.pem"),
             "--tls_key_file=" + (folder_ / "key.pem"), "--jwks_file=" + (folder_ / "jwks.json"),
             "--tls_refresh_seconds=1"}));
    auto port = process_->WaitUntilServing();
    EXPECT_TRUE(port.ok()) << port.status();
    address_ = absl::StrCat("127.0.0.1:", port.value_or(1));
  }

  const Folder& folder() const { return folder_; }
  const std::string& address() const { return address_; }
  ServiceProcess& process() { return *process_; }

 private:
  Folder folder_;
  MissingDatabase database_;
  std::unique_ptr<ServiceProcess> process_;
  std::string address_;
};

TEST(TransportRotationTest, RotatedCertificateFilesAreServedWithoutARestart) {
  RotatingIntake intake;
  const TestIdentity& other = Other();
  const auto [before_status, before] = PifctlHealth(intake.address(), TestIdentity::Get());
  ASSERT_EQ(before_status, 0) << before;
  const auto [new_ca_status, new_ca] = PifctlHealth(intake.address(), other);
  EXPECT_EQ(new_ca_status, 1) << new_ca;

  // The service's certificate, key and CA replaced by those of another CA, under the running
  // binary: the key first, as make-dev-certs.sh and cert-manager write them.
  Replace(other.KeyFile("intake"), intake.folder() / "key.pem");
  Replace(other.CertFile("intake"), intake.folder() / "cert.pem");
  Replace(other.CaFile(), intake.folder() / "ca.pem");

  // A client trusting only the new CA (and holding a certificate of it) is answered, with no
  // restart; one of the old CA is not any more.
  const auto [after_status, after] =
      Retry([&] { return PifctlHealth(intake.address(), other); },
            [](const std::pair<int, std::string>& result) { return result.first == 0; });
  EXPECT_EQ(after_status, 0) << after;
  EXPECT_EQ(after, intake.address() + "  SERVING\n");
  const auto [old_status, old] = PifctlHealth(intake.address(), TestIdentity::Get());
  EXPECT_EQ(old_status, 1) << old;
  EXPECT_THAT(old, HasSubstr("UNREACHABLE"));
  EXPECT_EQ(intake.process().LogEvents("serving").size(), 1u) << "the service was not restarted";
}

// ListBatches of kCouncil as a submitter whose token is `token` (empty: no token); the status code.
grpc::StatusCode ListBatchesWith(const std::string& address, const ClientOptions& tls,
                                 const std::string& token) {
  auto stub = intake::v1::IntakeService::NewStub(OpenChannel(address, tls));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  intake::v1::ListBatchesRequest request;
  request.set_council(kCouncil);
  intake::v1::ListBatchesResponse response;
  return stub->ListBatches(&context, request, &response).error_code();
}

TEST(TransportRotationTest, ARotatedJwksFileVerifiesTokensOfTheNewKeyWithoutARestart) {
  RotatingIntake intake;
  const ClientOptions tls = TestIdentity::Get().TlsClientOptions("pifctl");
  const std::string old_token = TestIdentity::Get().Token({auth::Role::kSubmitter}, {kCouncil});
  const std::string new_token = Other().Token({auth::Role::kSubmitter}, {kCouncil});
  EXPECT_EQ(ListBatchesWith(intake.address(), tls, old_token), grpc::StatusCode::OK);
  // Whether the rpcs authorize their callers yet: then a token is required and checked.
  const bool authorized =
      ListBatchesWith(intake.address(), tls, "") == grpc::StatusCode::UNAUTHENTICATED;
  if (authorized) {
    EXPECT_EQ(ListBatchesWith(intake.address(), tls, new_token), grpc::StatusCode::UNAUTHENTICATED);
  }

  Replace(Other().JwksFile(), intake.folder() / "jwks.json");
  const size_t reloads = Retry([&] { return intake.process().LogEvents("jwks_reloaded").size(); },
                               [](size_t count) { return count > 0; });
  EXPECT_EQ(reloads, 1u) << intake.process().Log();
  EXPECT_EQ(ListBatchesWith(intake.address(), tls, new_token), grpc::StatusCode::OK);
  if (authorized) {
    EXPECT_EQ(ListBatchesWith(intake.address(), tls, old_token), grpc::StatusCode::UNAUTHENTICATED);
  }
  EXPECT_EQ(intake.process().LogEvents("serving").size(), 1u) << "the service was not restarted";

  // A broken file keeps the keys in use.
  std::ofstream(intake.folder() / "jwks.json.new") << "{ half a file";
  std::filesystem::rename(intake.folder() / "jwks.json.new", intake.folder() / "jwks.json");
  const size_t warnings =
      Retry([&] { return intake.process().LogEvents("jwks_not_reloaded").size(); },
            [](size_t count) { return count > 0; });
  EXPECT_GE(warnings, 1u) << intake.process().Log();
  EXPECT_EQ(ListBatchesWith(intake.address(), tls, new_token), grpc::StatusCode::OK);
}

}  // namespace
}  // namespace pif
