#include "pif/pg/migrations.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "pif/pg/database.h"
#include "pif/testing/test_database.h"
#include "pqxx/pqxx"

namespace pif::pg {
namespace {

// Plain CREATE TABLE fails when run twice, so a double application cannot pass unnoticed.
const std::vector<Migration> kMigrations = {
    {1, "create", "CREATE TABLE widgets (id text PRIMARY KEY)"},
    {2, "add_size", "ALTER TABLE widgets ADD COLUMN size integer"},
};

int CountMigrationRows(const std::string& conninfo) {
  pqxx::connection connection(conninfo);
  pqxx::work tx(connection);
  return tx.exec1("SELECT count(*) FROM pif_schema_migrations")[0].as<int>();
}

TEST(MigrationsTest, AppliesAllOnAnEmptyDatabase) {
  testing::TestDatabase db("migrate");
  pqxx::connection connection(db.conninfo());
  auto report = ApplyMigrations(connection, "test", kMigrations);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->applied, (std::vector<int>{1, 2}));
  EXPECT_EQ(report->current_version, 2);
  pqxx::work tx(connection);
  EXPECT_NO_THROW(tx.exec("INSERT INTO widgets (id, size) VALUES ('a', 1)"));
}

TEST(MigrationsTest, MigratingTwiceIsANoOp) {
  testing::TestDatabase db("migrate_twice");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", kMigrations).ok());
  auto second = ApplyMigrations(connection, "test", kMigrations);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(CountMigrationRows(db.conninfo()), 2);
}

TEST(MigrationsTest, AppliesOnlyTheNewOnes) {
  testing::TestDatabase db("migrate_new");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", {kMigrations[0]}).ok());
  auto report = ApplyMigrations(connection, "test", kMigrations);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->applied, (std::vector<int>{2}));
}

TEST(MigrationsTest, ConcurrentStartersMigrateOnce) {
  testing::TestDatabase db("migrate_race");
  constexpr int kStarters = 4;
  std::vector<absl::StatusOr<MigrationReport>> reports(kStarters, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kStarters; ++i) {
    threads.emplace_back([&, i] {
      pqxx::connection connection(db.conninfo());
      reports[i] = ApplyMigrations(connection, "test", kMigrations);
    });
  }
  for (std::thread& thread : threads) thread.join();
  int applied_total = 0;
  for (const auto& report : reports) {
    ASSERT_TRUE(report.ok()) << report.status();
    applied_total += static_cast<int>(report->applied.size());
  }
  EXPECT_EQ(applied_total, 2);
  EXPECT_EQ(CountMigrationRows(db.conninfo()), 2);
}

TEST(MigrationsTest, RefusesAnEditedMigration) {
  testing::TestDatabase db("migrate_edited");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", kMigrations).ok());
  std::vector<Migration> edited = kMigrations;
  edited[0].sql = "CREATE TABLE widgets (id text PRIMARY KEY, colour text)";
  auto report = ApplyMigrations(connection, "test", edited);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("V1 was changed"), std::string::npos);
}

TEST(MigrationsTest, RefusesADatabaseNewerThanTheBinary) {
  testing::TestDatabase db("migrate_newer");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", kMigrations).ok());
  auto report = ApplyMigrations(connection, "test", {kMigrations[0]});
  ASSERT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("schema version 2"), std::string::npos);
}

TEST(MigrationsTest, AFailingMigrationLeavesNothingBehind) {
  testing::TestDatabase db("migrate_fail");
  pqxx::connection connection(db.conninfo());
  std::vector<Migration> broken = kMigrations;
  broken.push_back({3, "broken", "ALTER TABLE no_such_table ADD COLUMN x integer"});
  auto report = ApplyMigrations(connection, "test", broken);
  ASSERT_FALSE(report.ok());
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1("SELECT to_regclass('widgets') IS NULL")[0].as<bool>(), true);
}

TEST(MigrationsTest, AcceptsTheChecksumOfAnEarlierTextItNamesAndNoOther) {
  testing::TestDatabase db("migrate_accepts");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", kMigrations).ok());
  std::string applied_md5;
  {
    pqxx::work tx(connection);
    applied_md5 = tx.exec_params1("SELECT md5($1)", kMigrations[0].sql)[0].as<std::string>();
  }
  std::vector<Migration> rewritten = kMigrations;
  rewritten[0].sql =
      absl::StrCat("-- the widgets moved to a shared set\n", kAcceptsMd5Marker, applied_md5, "\n");
  auto accepted = ApplyMigrations(connection, "test", rewritten);
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  EXPECT_TRUE(accepted->applied.empty());
  // The recorded checksum stays the applied text's, so the earlier release still starts.
  EXPECT_TRUE(ApplyMigrations(connection, "test", kMigrations).ok());
  // A text accepting another md5 is still a changed migration.
  rewritten[0].sql = absl::StrCat(kAcceptsMd5Marker, std::string(32, '0'), "\n");
  auto refused = ApplyMigrations(connection, "test", rewritten);
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("V1 was changed"), std::string::npos);
}

TEST(MigrationsTest, AcceptedChecksumsAreTheWellFormedMarkerLines) {
  const Migration migration{
      3, "moved",
      absl::StrCat("-- notes\n", kAcceptsMd5Marker, "0123456789abcdef0123456789abcdef\n",
                   kAcceptsMd5Marker, "not-an-md5\n", kAcceptsMd5Marker,
                   "FEDCBA9876543210FEDCBA9876543210\n", "SELECT 1; ", kAcceptsMd5Marker,
                   "00000000000000000000000000000000\n", kAcceptsMd5Marker,
                   "fedcba9876543210fedcba9876543210  \n")};
  EXPECT_EQ(AcceptedChecksums(migration),
            (std::vector<std::string>{"0123456789abcdef0123456789abcdef",
                                      "fedcba9876543210fedcba9876543210"}));
  EXPECT_TRUE(AcceptedChecksums(kMigrations[0]).empty());
}

TEST(MigrationsTest, EachSetIsRecordedInItsOwnVersionTable) {
  testing::TestDatabase db("migrate_sets");
  pqxx::connection connection(db.conninfo());
  const std::vector<Migration> shared = {
      {1, "gadgets", "CREATE TABLE gadgets (id text PRIMARY KEY)"}};
  auto reports = ApplyMigrationSets(
      connection, "test", {{"shared_migrations", &shared}, {kServiceVersionTable, &kMigrations}});
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 2u);
  EXPECT_EQ((*reports)[0].applied, (std::vector<int>{1}));
  EXPECT_EQ((*reports)[1].applied, (std::vector<int>{1, 2}));
  EXPECT_EQ(CountMigrationRows(db.conninfo()), 2);
  pqxx::work tx(connection);
  EXPECT_EQ(tx.exec1("SELECT string_agg(name, ',') FROM shared_migrations")[0].as<std::string>(),
            "gadgets");
}

TEST(MigrationsTest, AFailingSetUndoesTheSetsBeforeIt) {
  testing::TestDatabase db("migrate_sets_fail");
  pqxx::connection connection(db.conninfo());
  const std::vector<Migration> shared = {
      {1, "gadgets", "CREATE TABLE gadgets (id text PRIMARY KEY)"}};
  const std::vector<Migration> broken = {
      {1, "broken", "ALTER TABLE no_such_table ADD COLUMN x integer"}};
  auto reports = ApplyMigrationSets(
      connection, "test", {{"shared_migrations", &shared}, {kServiceVersionTable, &broken}});
  ASSERT_FALSE(reports.ok());
  pqxx::work tx(connection);
  EXPECT_TRUE(tx.exec1("SELECT to_regclass('gadgets') IS NULL")[0].as<bool>());
  EXPECT_TRUE(tx.exec1("SELECT to_regclass('shared_migrations') IS NULL")[0].as<bool>());
}

TEST(MigrationsTest, AVersionUnknownToItsSetIsRefusedNamingTheTable) {
  testing::TestDatabase db("migrate_sets_newer");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(ApplyMigrations(connection, "test", kMigrations, "shared_migrations").ok());
  auto report = ApplyMigrations(connection, "test", {kMigrations[0]}, "shared_migrations");
  ASSERT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("schema version 2 (shared_migrations)"),
            std::string::npos);
  // The service's own table was never created: the set names where it is recorded.
  pqxx::work tx(connection);
  EXPECT_TRUE(tx.exec1("SELECT to_regclass('pif_schema_migrations') IS NULL")[0].as<bool>());
}

TEST(DatabaseTest, CreatesAMissingDatabaseOnce) {
  testing::MissingDatabase db("create");
  auto first = EnsureDatabaseExists(db.conninfo());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(*first);
  auto second = EnsureDatabaseExists(db.conninfo());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(*second);
  EXPECT_NO_THROW(pqxx::connection(db.conninfo()));
}

TEST(DatabaseTest, NamesTheDatabaseOfAConninfo) {
  EXPECT_EQ(*DatabaseNameOf("host=x dbname=pif_intake user=u"), "pif_intake");
  EXPECT_EQ(*DatabaseNameOf("postgresql://u@localhost:5432/pif_reporting"), "pif_reporting");
  EXPECT_EQ(*DatabaseNameOf("host=x user=alice"), "alice");
  EXPECT_EQ(DatabaseNameOf("host=x dbname='unterminated").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(DatabaseTest, UnreachableServerIsUnavailable) {
  auto result = EnsureDatabaseExists("host=127.0.0.1 port=1 dbname=x connect_timeout=2");
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pif::pg
