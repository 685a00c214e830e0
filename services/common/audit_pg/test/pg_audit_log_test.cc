// The access audit on a real throwaway PostgreSQL (PIF_TEST_PG), migrated as the services migrate
// it: rows kept exactly (hostile text included), listed per council in their window oldest first
// in pages, never updated, and a database out of reach refused rather than ignored.
#include "pif/audit_pg/pg_audit_log.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/audit_pg/migrations.h"
#include "pif/testing/test_database.h"

namespace pif::audit {
namespace {

using ::testing::ElementsAre;

constexpr char kCouncil[] = "S12000033";
const absl::Time kNoon = absl::FromUnixMicros(1717243200123456);  // 2024-06-01 12:00:00.123456

AuditRecord Record(absl::Duration after, const std::string& method,
                   const std::string& council = kCouncil) {
  AuditRecord record;
  record.at = kNoon + after;
  record.service = "intake";
  record.method = method;
  record.caller = "user=alice certificate=pifctl";
  record.peer = "ipv4:127.0.0.1:40312";
  record.council = council;
  record.code = "OK";
  return record;
}

class PgAuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pqxx::connection connection(db_.conninfo());
    auto applied = pg::ApplyMigrationSets(connection, "audit", {AuditMigrations()});
    ASSERT_TRUE(applied.ok()) << applied.status();
    auto pool = pg::Pool::Open(db_.conninfo(), 2);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    log_ = std::make_unique<PgAuditLog>(*pool_);
  }

  AuditQuery Query() const {
    AuditQuery query;
    query.council = kCouncil;
    query.since = kNoon - absl::Hours(1);
    return query;
  }

  pif::testing::TestDatabase db_{"audit"};
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<PgAuditLog> log_;
};

TEST_F(PgAuditLogTest, KeepsEveryFieldExactlyHostileTextIncluded) {
  AuditRecord record = Record(absl::ZeroDuration(), "/pif.intake.v1.IntakeService/GetRejection");
  record.code = "PERMISSION_DENIED";
  record.records_read = 3;
  record.records_written = 2;
  record.duration_ms = 17;
  record.children = {"P0001", "Robert'); DROP TABLE access_audit;--", "Placement:PL 7|\"x\"",
                     "Dùn Èideann", "{\"a\",NULL}"};
  ASSERT_TRUE(log_->Append(record).ok());
  auto page = log_->List(Query());
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->records.size(), 1u);
  const AuditRecord& kept = page->records[0];
  EXPECT_GT(kept.audit_id, 0);
  EXPECT_EQ(kept.at, record.at);  // to the microsecond
  EXPECT_EQ(kept.service, "intake");
  EXPECT_EQ(kept.method, record.method);
  EXPECT_EQ(kept.caller, record.caller);
  EXPECT_EQ(kept.peer, record.peer);
  EXPECT_EQ(kept.council, kCouncil);
  EXPECT_EQ(kept.code, "PERMISSION_DENIED");
  EXPECT_EQ(kept.records_read, 3);
  EXPECT_EQ(kept.records_written, 2);
  EXPECT_EQ(kept.duration_ms, 17);
  EXPECT_EQ(kept.children, record.children);
  EXPECT_FALSE(page->more);
}

TEST_F(PgAuditLogTest, TextTheDatabaseCannotHoldIsReplacedAndAnInvalidCouncilIsKeptAsNone) {
  AuditRecord record = Record(absl::ZeroDuration(), "m");
  record.children = {std::string("P\0X", 3), "\xff"};
  record.council = "not a council";
  ASSERT_TRUE(log_->Append(record).ok());
  pqxx::connection connection(db_.conninfo());
  pqxx::read_transaction tx(connection);
  const pqxx::row row = tx.exec1("SELECT council, array_to_json(children)::text FROM access_audit");
  EXPECT_EQ(row[0].as<std::string>(), "");
  EXPECT_EQ(row[1].as<std::string>(), "[\"P\xEF\xBF\xBDX\",\"\xEF\xBF\xBD\"]");
}

TEST_F(PgAuditLogTest, ListsOneCouncilInItsWindowOldestFirstInPages) {
  ASSERT_TRUE(log_->Append(Record(absl::Minutes(2), "second")).ok());
  ASSERT_TRUE(log_->Append(Record(absl::Minutes(1), "first")).ok());
  ASSERT_TRUE(log_->Append(Record(absl::Minutes(1), "first, appended later")).ok());
  ASSERT_TRUE(log_->Append(Record(absl::Minutes(1), "another council", "S12000036")).ok());
  ASSERT_TRUE(log_->Append(Record(-absl::Hours(2), "before since")).ok());
  ASSERT_TRUE(log_->Append(Record(absl::Minutes(3), "at until")).ok());
  ASSERT_TRUE(log_->Append(Record(absl::ZeroDuration(), "no council", "")).ok());
  AuditQuery query = Query();
  query.until = kNoon + absl::Minutes(3);
  query.limit = 2;
  std::vector<std::string> methods;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = log_->List(query);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const AuditRecord& record : page->records) methods.push_back(record.method);
    if (!page->more) break;
    query.offset += query.limit;
  }
  EXPECT_THAT(methods, ElementsAre("first", "first, appended later", "second"));
  query.offset = 0;
  query.until.reset();  // no upper bound
  auto all = log_->List(query);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->records.size(), 2u);
  EXPECT_TRUE(all->more);
}

TEST_F(PgAuditLogTest, ListingChecksTheQuery) {
  AuditQuery query = Query();
  query.council = "S1";
  EXPECT_TRUE(absl::IsInvalidArgument(log_->List(query).status()));
}

TEST_F(PgAuditLogTest, RowsAreNeverUpdatedButMayBeDeletedToPrune) {
  ASSERT_TRUE(log_->Append(Record(absl::ZeroDuration(), "kept")).ok());
  pqxx::connection connection(db_.conninfo());
  {
    pqxx::work tx(connection);
    EXPECT_THROW(tx.exec("UPDATE access_audit SET caller = 'someone else'"), pqxx::sql_error);
  }
  {
    pqxx::work tx(connection);
    EXPECT_EQ(tx.exec("DELETE FROM access_audit WHERE at < now()").affected_rows(), 1u);
    tx.commit();
  }
}

TEST_F(PgAuditLogTest, ADatabaseOutOfReachIsAnErrorNotASilentLoss) {
  pif::testing::TestDatabase doomed("audit_doomed");
  {
    pqxx::connection connection(doomed.conninfo());
    ASSERT_TRUE(pg::ApplyMigrationSets(connection, "audit", {AuditMigrations()}).ok());
  }
  auto pool = pg::Pool::Open(doomed.conninfo(), 1);
  ASSERT_TRUE(pool.ok());
  PgAuditLog log(**pool);
  {
    pqxx::connection connection(doomed.conninfo());
    pqxx::nontransaction tx(connection);
    tx.exec("DROP TABLE access_audit");
  }
  const absl::Status refused = log.Append(Record(absl::ZeroDuration(), "lost"));
  EXPECT_FALSE(refused.ok());
}

}  // namespace
}  // namespace pif::audit
