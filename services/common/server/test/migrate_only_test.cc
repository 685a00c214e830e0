// RunService --migrate_only: applies the migrations and exits 0 without TLS or an identity
// provider (a Kubernetes Job), where serving would refuse to start.
#include <vector>

#include "gtest/gtest.h"
#include "pif/server/service_main.h"
#include "pif/testing/test_database.h"

namespace pif {
namespace {

const std::vector<pg::Migration>& TestMigrations() {
  static const auto* migrations = new std::vector<pg::Migration>{
      {1, "first", "CREATE TABLE migrate_only_marker (id int PRIMARY KEY);"}};
  return *migrations;
}

ServiceSpec TestSpec() {
  ServiceSpec spec;
  spec.name = "migrate_only_test";
  spec.default_listen = "127.0.0.1:0";
  spec.migrations = &TestMigrations();
  spec.make_services = [](const ServerOptions&, pg::Pool&) {
    ADD_FAILURE() << "--migrate_only must not build the services";
    return absl::StatusOr<std::vector<HostedService>>(std::vector<HostedService>());
  };
  return spec;
}

int RunWith(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  return RunService(TestSpec(), static_cast<int>(argv.size()), argv.data());
}

int TableCount(const std::string& conninfo, const std::string& table) {
  pqxx::connection connection(conninfo);
  pqxx::nontransaction tx(connection);
  return tx.exec_params1("SELECT count(*) FROM pg_tables WHERE tablename = $1", table)[0].as<int>();
}

TEST(MigrateOnlyTest, AppliesTheMigrationsAndExitsZeroWithoutTlsOrIdentityProvider) {
  testing::MissingDatabase db("migrate_only");
  EXPECT_EQ(RunWith({"pif-test", "--migrate_only", "--database_url=" + db.conninfo()}), 0);
  EXPECT_EQ(TableCount(db.conninfo(), "migrate_only_marker"), 1);
  EXPECT_EQ(TableCount(db.conninfo(), "pif_schema_migrations"), 1);
  // Again: nothing to apply, still 0.
  EXPECT_EQ(RunWith({"pif-test", "--migrate_only", "--database_url=" + db.conninfo()}), 0);
}

TEST(MigrateOnlyTest, ServingStillRefusesToStartWithoutTlsAndTouchesNoDatabase) {
  testing::MissingDatabase db("migrate_refused");
  EXPECT_EQ(RunWith({"pif-test", "--database_url=" + db.conninfo()}), 2);
  pqxx::connection admin(testing::TestServerConninfo());
  pqxx::nontransaction tx(admin);
  EXPECT_EQ(tx.exec_params1("SELECT count(*) FROM pg_database WHERE datname = $1", db.name())[0]
                .as<int>(),
            0);
}

TEST(MigrateOnlyTest, ANewerSchemaThanTheBinaryKnowsStopsIt) {
  testing::TestDatabase db("migrate_newer");
  ASSERT_EQ(RunWith({"pif-test", "--migrate_only", "--database_url=" + db.conninfo()}), 0);
  {
    pqxx::connection connection(db.conninfo());
    pqxx::work tx(connection);
    tx.exec(
        "INSERT INTO pif_schema_migrations SELECT 2, 'from_a_newer_release', checksum, "
        "applied_at FROM pif_schema_migrations WHERE version = 1");
    tx.commit();
  }
  // An older replica (or Job) refuses the newer schema instead of running beside it.
  EXPECT_EQ(RunWith({"pif-test", "--migrate_only", "--database_url=" + db.conninfo()}), 1);
}

}  // namespace
}  // namespace pif
