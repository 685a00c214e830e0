// Mutual TLS end to end: pif-intake and pif-indicators started with certificates, the indicators
// service calling intake with its own identity, and pifctl with and without one.
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

namespace pif {
namespace {

using testing::BinaryPath;
using testing::MissingDatabase;
using testing::RunCommand;
using testing::ServiceProcess;

// The --tls_* flags of `party`, trusting `ca`, from the certificates in `dir`.
std::string TlsFlags(const std::string& dir, const std::string& ca, const std::string& party) {
  return absl::StrCat(" --tls_ca_file=", dir, "/", ca, ".pem --tls_cert_file=", dir, "/", party,
                      ".pem --tls_key_file=", dir, "/", party, ".key");
}

std::vector<std::string> ServiceArgs(const std::string& conninfo, const std::string& dir,
                                     const std::string& party) {
  return {"--listen=127.0.0.1:0",
          "--database_url=" + conninfo,
          "--drain_seconds=2",
          "--db_pool_size=2",
          "--tls_ca_file=" + dir + "/ca.pem",
          "--tls_cert_file=" + dir + "/" + party + ".pem",
          "--tls_key_file=" + dir + "/" + party + ".key"};
}

class MutualTlsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = testing::MakeTestCertificates(
        {"ca", "other_ca"},
        {{"intake", "ca"}, {"indicators", "ca"}, {"operator", "ca"}, {"stranger", "other_ca"}});
    ASSERT_TRUE(dir.ok()) << dir.status();
    dir_ = *dir;
  }
  std::string dir_;
};

TEST_F(MutualTlsE2eTest, ServicesAndPifctlTalkOnlyWithCertificatesOfTheirCa) {
  MissingDatabase intake_db("tls_intake");
  MissingDatabase indicators_db("tls_indicators");
  ServiceProcess intake(BinaryPath("pif-intake"),
                        ServiceArgs(intake_db.conninfo(), dir_, "intake"));
  auto intake_port = intake.WaitUntilServing();
  ASSERT_TRUE(intake_port.ok()) << intake_port.status();
  const std::string intake_address = absl::StrCat("127.0.0.1:", *intake_port);
  std::vector<std::string> indicators_args =
      ServiceArgs(indicators_db.conninfo(), dir_, "indicators");
  indicators_args.push_back("--intake_address=" + intake_address);
  ServiceProcess indicators(BinaryPath("pif-indicators"), indicators_args);
  auto indicators_port = indicators.WaitUntilServing();
  ASSERT_TRUE(indicators_port.ok()) << indicators_port.status();
  const std::string indicators_address = absl::StrCat("127.0.0.1:", *indicators_port);
  // Each says how it talks, without a certificate's contents.
  EXPECT_TRUE(absl::StrContains(intake.Log(), "\"mode\":\"mutual_tls\"")) << intake.Log();

  const std::string health = absl::StrCat(BinaryPath("pifctl"), " health --timeout_ms=3000",
                                          " --address=", intake_address, ",", indicators_address);
  const auto [ok_status, ok_output] = RunCommand(health + TlsFlags(dir_, "ca", "operator"));
  EXPECT_EQ(ok_status, 0) << ok_output;
  EXPECT_EQ(ok_output,
            absl::StrCat(intake_address, "  SERVING\n", indicators_address, "  SERVING\n"));
  // Without a certificate, or with one of another CA, nothing is served.
  const auto [plain_status, plain_output] = RunCommand(health);
  EXPECT_EQ(plain_status, 1) << plain_output;
  EXPECT_FALSE(absl::StrContains(plain_output, "SERVING\n")) << plain_output;
  const auto [stranger_status, stranger_output] =
      RunCommand(health + TlsFlags(dir_, "ca", "stranger"));
  EXPECT_EQ(stranger_status, 1) << stranger_output;

  // A batch sent over mutual TLS is audited under the certificate's name.
  {
    std::ofstream(dir_ + "/children.csv")
        << "person_id,dob,expected_dob,sex,ethnic_group,disability,locality,family_group_id\n"
        << "P1,2010-05-06,,F,White,N,North,F1\n";
    const auto [import_status, import_output] = RunCommand(absl::StrCat(
        BinaryPath("pifctl"), " import ", dir_, " --council=S12000033 --batch_id=tls-1",
        " --address=", intake_address, " --progress=never", TlsFlags(dir_, "ca", "operator")));
    EXPECT_EQ(import_status, 0) << import_output;
    auto tls = LoadTls(TlsFiles{dir_ + "/ca.pem", dir_ + "/operator.pem", dir_ + "/operator.key"});
    ASSERT_TRUE(tls.ok()) << tls.status();
    ClientOptions options;
    options.tls = *tls;
    auto stub = intake::v1::IntakeService::NewStub(OpenChannel(intake_address, options));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    intake::v1::GetBatchRequest request;
    request.set_council("S12000033");
    request.set_batch_id("tls-1");
    intake::v1::GetBatchResponse response;
    grpc::Status status = stub->GetBatch(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(absl::StartsWith(response.batch().caller(), "certificate=operator peer="))
        << response.batch().caller();
  }

  // The indicators service pulls intake's snapshot over mutual TLS with its own identity.
  const auto [compute_status, compute_output] = RunCommand(absl::StrCat(
      BinaryPath("pifctl"), " indicators --address=", indicators_address,
      " --council=S12000033 --from=2024-08-01 --to=2025-07-31 --codes=5.1 --format=json",
      TlsFlags(dir_, "ca", "operator")));
  EXPECT_EQ(compute_status, 0) << compute_output;
  EXPECT_TRUE(absl::StrContains(compute_output, "\"code\": \"5.1\"") ||
              absl::StrContains(compute_output, "\"code\":\"5.1\""))
      << compute_output;

  // Intake's access audit names each caller by its certificate: the operator's pifctl for the
  // batch, the indicators service for the snapshot it pulled.
  const std::string log = intake.Log();
  EXPECT_TRUE(absl::StrContains(log, "\"caller\":\"certificate=operator\"")) << log;
  bool indicators_pulled = false;
  for (const std::string& line : intake.LogEvents("access")) {
    if (absl::StrContains(line, "\"caller\":\"certificate=indicators\"") &&
        absl::StrContains(line, "S12000033")) {
      indicators_pulled = true;
    }
  }
  EXPECT_TRUE(indicators_pulled) << log;
}

TEST_F(MutualTlsE2eTest, AServiceWithPartOfItsTlsFilesRefusesToStartAndNamesTheFlag) {
  MissingDatabase db("tls_partial");
  ServiceProcess intake(
      BinaryPath("pif-intake"),
      {"--listen=127.0.0.1:0", "--database_url=" + db.conninfo(),
       "--tls_cert_file=" + dir_ + "/intake.pem", "--tls_key_file=" + dir_ + "/intake.key"});
  auto exit_status = intake.WaitForExit();
  ASSERT_TRUE(exit_status.ok()) << exit_status.status();
  EXPECT_EQ(*exit_status, 2);
  EXPECT_TRUE(absl::StrContains(intake.Log(), "--tls_ca_file is required")) << intake.Log();
}

}  // namespace
}  // namespace pif
