// End-to-end tests of the four service binaries against the real throwaway PostgreSQL.
#include <grpcpp/client_context.h>

#include <future>
#include <regex>

#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/metrics/testing/http_get.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"
#include "pqxx/pqxx"

namespace pif {
namespace {

using testing::BinaryPath;
using testing::MissingDatabase;
using testing::ServiceProcess;
using testing::TestIdentity;

struct ServiceCase {
  std::string binary;        // pif-intake
  std::string grpc_service;  // pif.intake.v1.IntakeService
  std::string first_table;   // a table its first migration creates
};

const ServiceCase kServices[] = {
    {"pif-intake", "pif.intake.v1.IntakeService", "import_batches"},
    {"pif-indicators", "pif.indicators.v1.IndicatorsService", "disclosure_policies"},
    {"pif-workforce", "pif.workforce.v1.WorkforceService", "import_batches"},
    {"pif-reporting", "pif.reporting.v1.ReportingService", "self_evaluations"},
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const ServiceCase& service, std::ostream* out) { *out << service.binary; }

// The flags of `binary` (pif-<service>) over `conninfo`: mutual TLS and the test identity
// provider, as every service binary needs.
std::vector<std::string> ArgsFor(const std::string& binary, const std::string& conninfo) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=5", "--db_pool_size=2"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(binary.substr(4))) {
    args.push_back(std::move(arg));
  }
  return args;
}

// A channel to the service on `port` over mutual TLS as pifctl (health needs no token).
std::shared_ptr<grpc::Channel> ChannelTo(int port) {
  return OpenChannel("127.0.0.1:" + std::to_string(port),
                     TestIdentity::Get().TlsClientOptions("pifctl"));
}

std::string HealthOf(int port, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(ChannelTo(port));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) return "error: " + status.error_message();
  return grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status());
}

int MigrationRows(const std::string& conninfo) {
  pqxx::connection connection(conninfo);
  pqxx::work tx(connection);
  return tx.exec1("SELECT count(*) FROM pif_schema_migrations")[0].as<int>();
}

int AppliedCountLogged(const ServiceProcess& process) {
  auto lines = process.LogEvents("schema_ready");
  if (lines.empty()) return -1;
  return nlohmann::json::parse(lines.back()).value("count", -1);
}

class ServiceBinaryTest : public ::testing::TestWithParam<ServiceCase> {};

TEST_P(ServiceBinaryTest, CreatesAndMigratesItsDatabaseThenServes) {
  MissingDatabase db("svc");
  ServiceProcess process(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
  auto port = process.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  EXPECT_EQ(HealthOf(*port, ""), "SERVING");
  EXPECT_EQ(HealthOf(*port, GetParam().grpc_service), "SERVING");
  EXPECT_GE(MigrationRows(db.conninfo()), 1);
  EXPECT_GE(AppliedCountLogged(process), 1);
  pqxx::connection connection(db.conninfo());
  pqxx::work tx(connection);
  EXPECT_FALSE(
      tx.exec_params1("SELECT to_regclass($1) IS NULL", GetParam().first_table)[0].as<bool>());
}

TEST_P(ServiceBinaryTest, SecondStartMigratesNothing) {
  MissingDatabase db("svc_restart");
  int rows_after_first = 0;
  {
    ServiceProcess first(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
    ASSERT_TRUE(first.WaitUntilServing().ok());
    rows_after_first = MigrationRows(db.conninfo());
    ASSERT_EQ(*first.Terminate(), 0);
  }
  ServiceProcess second(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
  ASSERT_TRUE(second.WaitUntilServing().ok()) << second.Log();
  EXPECT_EQ(AppliedCountLogged(second), 0);
  EXPECT_EQ(MigrationRows(db.conninfo()), rows_after_first);
}

TEST_P(ServiceBinaryTest, TwoInstancesStartingTogetherMigrateOnce) {
  MissingDatabase db("svc_race");
  ServiceProcess a(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
  ServiceProcess b(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
  auto port_a = a.WaitUntilServing();
  auto port_b = b.WaitUntilServing();
  ASSERT_TRUE(port_a.ok()) << port_a.status();
  ASSERT_TRUE(port_b.ok()) << port_b.status();
  const int rows = MigrationRows(db.conninfo());
  // Between them the two applied each migration exactly once.
  EXPECT_EQ(AppliedCountLogged(a) + AppliedCountLogged(b), rows);
  EXPECT_EQ(HealthOf(*port_a, ""), "SERVING");
  EXPECT_EQ(HealthOf(*port_b, ""), "SERVING");
}

TEST_P(ServiceBinaryTest, SigtermDrainsAndExitsZero) {
  MissingDatabase db("svc_term");
  ServiceProcess process(BinaryPath(GetParam().binary), ArgsFor(GetParam().binary, db.conninfo()));
  ASSERT_TRUE(process.WaitUntilServing().ok());
  auto status = process.Terminate(absl::Seconds(15));
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(*status, 0);
  EXPECT_EQ(process.LogEvents("draining").size(), 1u);
  EXPECT_EQ(process.LogEvents("stopped").size(), 1u);
}

// The metrics port the service logged when it started serving them; -1 when it did not.
int MetricsPortLogged(const ServiceProcess& process) {
  auto lines = process.LogEvents("metrics_serving");
  if (lines.empty()) return -1;
  return nlohmann::json::parse(lines.back()).value("port", -1);
}

TEST_P(ServiceBinaryTest, MetricsShowHandledRpcsBuildInfoProcessAndPool) {
  MissingDatabase db("svc_metrics");
  std::vector<std::string> args = ArgsFor(GetParam().binary, db.conninfo());
  args.push_back("--metrics_listen=127.0.0.1:0");
  ServiceProcess process(BinaryPath(GetParam().binary), args);
  auto port = process.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  ASSERT_EQ(HealthOf(*port, ""), "SERVING");
  const int metrics_port = MetricsPortLogged(process);
  ASSERT_GT(metrics_port, 0) << process.Log();
  // The health check is recorded once the server has torn the call down: scrape until it is.
  const std::string handled =
      "grpc_server_handled_total{grpc_code=\"OK\",grpc_method=\"Check\","
      "grpc_service=\"grpc.health.v1.Health\",grpc_type=\"unary\"} 1\n";
  absl::StatusOr<std::string> scraped = testing::ScrapeUntilItHolds(metrics_port, handled);
  ASSERT_TRUE(scraped.ok()) << scraped.status();
  const std::string& body = *scraped;
  EXPECT_NE(body.find(handled), std::string::npos) << body;
  const std::string service = GetParam().binary.substr(4);  // pif-intake -> intake
  EXPECT_TRUE(std::regex_search(body, std::regex("\npif_build_info\\{service=\"" + service +
                                                 "\",version=\"\\d+\\.\\d+\\.\\d+[^\"]*\"\\} 1\n")))
      << body;
  EXPECT_TRUE(
      std::regex_search(body, std::regex("\nprocess_resident_memory_bytes [1-9][0-9e.+]*\n")))
      << body;
  EXPECT_NE(body.find("\npif_db_pool_size 2\n"), std::string::npos) << body;
  if (service == "indicators") {
    EXPECT_NE(body.find("\npif_snapshot_cache_councils 0\n"), std::string::npos) << body;
    EXPECT_NE(body.find("\npif_snapshot_cache_capacity 8\n"), std::string::npos) << body;
  }
  EXPECT_EQ(*process.Terminate(), 0);
}

INSTANTIATE_TEST_SUITE_P(AllServices, ServiceBinaryTest, ::testing::ValuesIn(kServices),
                         [](const auto& test_info) { return test_info.param.binary.substr(4); });

TEST(ServiceBinaryStartupTest, HealthWatchSeesNotServingWhenDrainStarts) {
  MissingDatabase db("svc_watch");
  ServiceProcess process(BinaryPath("pif-intake"), ArgsFor("pif-intake", db.conninfo()));
  auto port = process.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  auto stub = grpc::health::v1::Health::NewStub(ChannelTo(*port));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  grpc::health::v1::HealthCheckRequest request;
  auto reader = stub->Watch(&context, request);
  grpc::health::v1::HealthCheckResponse update;
  ASSERT_TRUE(reader->Read(&update));
  EXPECT_EQ(update.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  auto exit = std::async(std::launch::async, [&] { return process.Terminate(); });
  ASSERT_TRUE(reader->Read(&update));
  EXPECT_EQ(update.status(), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  context.TryCancel();
  EXPECT_EQ(*exit.get(), 0);
}

TEST(ServiceBinaryStartupTest, ReportingAnswersItsOwnRpcsFromItsMigratedDatabase) {
  // Reporting's rpcs are served (no longer the generated base's UNIMPLEMENTED): a council that
  // never published has no versions, read from the tables its migrations created.
  MissingDatabase db("svc_reporting");
  ServiceProcess process(BinaryPath("pif-reporting"), ArgsFor("pif-reporting", db.conninfo()));
  auto port = process.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  auto stub = reporting::v1::ReportingService::NewStub(ChannelTo(*port));
  grpc::ClientContext context;
  TestIdentity::Get().AddToken(context, {auth::Role::kViewer}, {"S12000033"});
  reporting::v1::ListPublishedReportsRequest request;
  request.set_council("S12000033");
  reporting::v1::ListPublishedReportsResponse response;
  const grpc::Status status = stub->ListPublishedReports(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.published_reports_size(), 0);
}

TEST(PifctlHealthTest, ExitsZeroWhenServingAndOneWhenUnreachable) {
  MissingDatabase db("svc_pifctl");
  ServiceProcess service(BinaryPath("pif-intake"), ArgsFor("pif-intake", db.conninfo()));
  auto port = service.WaitUntilServing();
  ASSERT_TRUE(port.ok()) << port.status();
  const std::string address = "127.0.0.1:" + std::to_string(*port);
  // pifctl health over mutual TLS with its certificate (health needs no token).
  auto health = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"health", "--address=" + address});
    for (std::string& arg : TestIdentity::Get().TlsArgs("pifctl")) args.push_back(std::move(arg));
    return std::make_unique<ServiceProcess>(BinaryPath("pifctl"), args);
  };
  auto serving = health({});
  EXPECT_EQ(*serving->WaitForExit(), 0) << serving->Log();
  EXPECT_NE(serving->Log().find(address + "  SERVING"), std::string::npos) << serving->Log();
  auto named = health({"--service=pif.intake.v1.IntakeService"});
  EXPECT_EQ(*named->WaitForExit(), 0) << named->Log();
  ASSERT_EQ(*service.Terminate(), 0);
  auto gone = health({"--timeout_ms=500"});
  EXPECT_EQ(*gone->WaitForExit(), 1);
  EXPECT_NE(gone->Log().find("UNREACHABLE"), std::string::npos) << gone->Log();
}

TEST(ServiceBinaryStartupTest, UnreachableDatabaseFailsStartWithAClearLog) {
  ServiceProcess process(BinaryPath("pif-intake"),
                         ArgsFor("pif-intake", "host=127.0.0.1 port=1 dbname=x connect_timeout=2"));
  auto status = process.WaitForExit(absl::Seconds(30));
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_EQ(*status, 1);
  ASSERT_EQ(process.LogEvents("startup_failed").size(), 1u) << process.Log();
  EXPECT_NE(process.Log().find("cannot be reached"), std::string::npos);
}

TEST(ServiceBinaryStartupTest, BadFlagExitsWithUsageError) {
  ServiceProcess process(BinaryPath("pif-intake"), {"--no_such_flag=1"});
  auto status = process.WaitForExit();
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(*status, 2);
  EXPECT_NE(process.Log().find("unknown flag --no_such_flag"), std::string::npos);
}

}  // namespace
}  // namespace pif
