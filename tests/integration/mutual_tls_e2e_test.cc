// Mutual TLS end to end: pif-intake and pif-indicators started with their certificates of the
// dev PKI, the indicators service calling intake with its own identity, and pifctl with its
// certificate, without one, and with one of another CA.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_certificates.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using testing::BinaryPath;
using testing::MissingDatabase;
using testing::RunCommand;
using testing::ServiceProcess;
using testing::TestIdentity;

constexpr char kCouncil[] = "S12000033";

// The --tls_* flags of the certificate `party` in `dir`, trusting the CA `ca` of `dir`.
std::string TlsFlags(const std::string& dir, const std::string& ca, const std::string& party) {
  return absl::StrCat(" --tls_ca_file=", dir, "/", ca, ".pem --tls_cert_file=", dir, "/", party,
                      ".pem --tls_key_file=", dir, "/", party, ".key");
}

std::vector<std::string> ServiceArgs(const std::string& conninfo, const std::string& service) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=2", "--db_pool_size=2"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(service)) args.push_back(std::move(arg));
  return args;
}

class MutualTlsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A certificate of another CA, with the same names as the dev PKI's.
    auto dir = testing::MakeTestCertificates({"other_ca"}, {{"stranger", "other_ca"}});
    ASSERT_TRUE(dir.ok()) << dir.status();
    stranger_dir_ = *dir;
  }
  std::string stranger_dir_;
};

TEST_F(MutualTlsE2eTest, ServicesAndPifctlTalkOnlyWithCertificatesOfTheirCa) {
  const TestIdentity& identity = TestIdentity::Get();
  MissingDatabase intake_db("tls_intake");
  MissingDatabase indicators_db("tls_indicators");
  ServiceProcess intake(BinaryPath("pif-intake"), ServiceArgs(intake_db.conninfo(), "intake"));
  auto intake_port = intake.WaitUntilServing();
  ASSERT_TRUE(intake_port.ok()) << intake_port.status();
  const std::string intake_address = absl::StrCat("127.0.0.1:", *intake_port);
  std::vector<std::string> indicators_args = ServiceArgs(indicators_db.conninfo(), "indicators");
  indicators_args.push_back("--intake_address=" + intake_address);
  ServiceProcess indicators(BinaryPath("pif-indicators"), indicators_args);
  auto indicators_port = indicators.WaitUntilServing();
  ASSERT_TRUE(indicators_port.ok()) << indicators_port.status();
  const std::string indicators_address = absl::StrCat("127.0.0.1:", *indicators_port);
  // Each says how it talks, without a certificate's contents.
  EXPECT_TRUE(absl::StrContains(intake.Log(), "\"mode\":\"mutual_tls\"")) << intake.Log();

  const std::string health = absl::StrCat(BinaryPath("pifctl"), " health --timeout_ms=3000",
                                          " --address=", intake_address, ",", indicators_address);
  const auto [ok_status, ok_output] = RunCommand(health + TlsFlags(identity.dir(), "ca", "pifctl"));
  EXPECT_EQ(ok_status, 0) << ok_output;
  EXPECT_EQ(ok_output,
            absl::StrCat(intake_address, "  SERVING\n", indicators_address, "  SERVING\n"));
  // Without a certificate, or with one of another CA, nothing is served.
  const auto [plain_status, plain_output] = RunCommand(health);
  EXPECT_EQ(plain_status, 1) << plain_output;
  EXPECT_FALSE(absl::StrContains(plain_output, "SERVING\n")) << plain_output;
  const auto [stranger_status, stranger_output] =
      RunCommand(health + TlsFlags(stranger_dir_, "other_ca", "stranger"));
  EXPECT_EQ(stranger_status, 1) << stranger_output;
  EXPECT_FALSE(absl::StrContains(stranger_output, "SERVING\n")) << stranger_output;
  // A certificate of another CA, trusting the services' CA: the services refuse it.
  const auto [refused_status, refused_output] = RunCommand(
      absl::StrCat(health, " --tls_ca_file=", identity.CaFile(), " --tls_cert_file=", stranger_dir_,
                   "/stranger.pem --tls_key_file=", stranger_dir_, "/stranger.key"));
  EXPECT_EQ(refused_status, 1) << refused_output;
  EXPECT_FALSE(absl::StrContains(refused_output, "SERVING\n")) << refused_output;

  // A batch sent over mutual TLS is audited under the certificate's name.
  {
    std::ofstream(stranger_dir_ + "/children.csv")
        << "person_id,dob,expected_dob,sex,ethnic_group,disability,locality,family_group_id\n"
        << "P1,2010-05-06,,F,White,N,North,F1\n";
    const auto [import_status, import_output] = RunCommand(
        absl::StrCat(BinaryPath("pifctl"), " import ", stranger_dir_, " --council=", kCouncil,
                     " --batch_id=tls-1", " --address=", intake_address, " --progress=never",
                     identity.PifctlFlags({auth::Role::kSubmitter}, {kCouncil})));
    EXPECT_EQ(import_status, 0) << import_output;
    auto stub = intake::v1::IntakeService::NewStub(OpenChannel(
        intake_address, identity.ClientOptionsFor({auth::Role::kSubmitter}, {kCouncil})));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    intake::v1::GetBatchRequest request;
    request.set_council(kCouncil);
    request.set_batch_id("tls-1");
    intake::v1::GetBatchResponse response;
    grpc::Status status = stub->GetBatch(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    // The token's subject, then the certificate it came with.
    EXPECT_TRUE(absl::StartsWith(response.batch().caller(), "user=pif-test certificate=pif-pifctl"))
        << response.batch().caller();
  }

  // The indicators service pulls intake's snapshot over mutual TLS with its own identity, for an
  // analyst (who is also a submitter: indicators reads intake's open rejections on their behalf).
  const auto [compute_status, compute_output] = RunCommand(absl::StrCat(
      BinaryPath("pifctl"), " indicators --address=", indicators_address, " --council=", kCouncil,
      " --from=2024-08-01 --to=2025-07-31 --codes=5.1 --format=json",
      identity.PifctlFlags({auth::Role::kAnalyst, auth::Role::kSubmitter}, {kCouncil})));
  EXPECT_EQ(compute_status, 0) << compute_output;
  EXPECT_TRUE(absl::StrContains(compute_output, "\"code\": \"5.1\"") ||
              absl::StrContains(compute_output, "\"code\":\"5.1\""))
      << compute_output;

  // Intake's access audit names each caller by its token's subject and its certificate: the
  // person's pifctl for the batch; for the snapshot, the person on whose behalf the indicators
  // service pulled it, with the service's certificate.
  const std::string log = intake.Log();
  EXPECT_TRUE(absl::StrContains(log, "\"caller\":\"user=pif-test certificate=pif-pifctl\"")) << log;
  bool indicators_pulled = false;
  for (const std::string& line : intake.LogEvents("access")) {
    if (absl::StrContains(line, "\"caller\":\"user=pif-test service=pif-indicators\"") &&
        absl::StrContains(line, "ExportSnapshot") && absl::StrContains(line, kCouncil)) {
      indicators_pulled = true;
    }
  }
  EXPECT_TRUE(indicators_pulled) << log;
}

TEST_F(MutualTlsE2eTest, AServiceWithPartOfItsTlsFilesRefusesToStartAndNamesTheFlag) {
  MissingDatabase db("tls_partial");
  std::vector<std::string> args;
  for (const std::string& arg : ServiceArgs(db.conninfo(), "intake")) {
    if (!absl::StartsWith(arg, "--tls_ca_file=")) args.push_back(arg);
  }
  ServiceProcess intake(BinaryPath("pif-intake"), args);
  auto exit_status = intake.WaitForExit();
  ASSERT_TRUE(exit_status.ok()) << exit_status.status();
  EXPECT_EQ(*exit_status, 2);
  EXPECT_TRUE(absl::StrContains(intake.Log(), "--tls_ca_file is required")) << intake.Log();
}

}  // namespace
}  // namespace pif
