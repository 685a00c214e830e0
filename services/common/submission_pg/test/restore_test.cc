// Data versions across restores, against the real PostgreSQL: a restored copy of a store's
// database never hands out a version the original handed out (migrations/V003), while a store
// that was not restored keeps counting 1, 2, 3.
#include <memory>
#include <optional>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "pif/pg/migrations.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/testing/test_database.h"
#include "test_schema.h"

namespace pif::pg {
// The record tables of the tests' schema (test/migrations).
const std::vector<Migration>& TestRecordTables();
}  // namespace pif::pg

namespace pif::submission {
namespace {

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";

void Migrate(const std::string& conninfo) {
  pqxx::connection connection(conninfo);
  auto migrated = pg::ApplyMigrationSets(
      connection, "restore_test",
      {SubmissionStoreMigrations(), {pg::kServiceVersionTable, &pg::TestRecordTables()}});
  ASSERT_TRUE(migrated.ok()) << migrated.status();
}

// A store open on one database.
class OpenStore {
 public:
  explicit OpenStore(const std::string& conninfo)
      : pool_(pg::Pool::Open(conninfo, 2).value()),
        store_(std::make_unique<PgSubmissionStore>(*pool_, test::StoreTestSchema())) {}

  // Commits an empty batch (which raises the data version); returns the new version.
  int64_t Commit(const std::string& council, const std::string& batch_id) {
    std::optional<BatchSummary> replay;
    auto writer =
        store_->Begin({council, batch_id, "test-caller", "restore tests", absl::Now()}, &replay);
    EXPECT_TRUE(writer.ok()) << writer.status();
    if (!writer.ok()) return -1;
    absl::StatusOr<BatchSummary> summary = (*writer)->Commit(0);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? summary->data_version : -1;
  }

 private:
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<PgSubmissionStore> store_;
};

// Copies `from` (no connection may be open to it) into the new database `to`: what restoring a
// backup of the store's database does (its history since the copy is lost).
void CopyDatabase(const std::string& from, const std::string& to) {
  pqxx::connection admin(pif::testing::TestServerConninfo());
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE DATABASE " + tx.quote_name(to) + " TEMPLATE " + tx.quote_name(from));
}

TEST(DataVersionRestoreTest, ARestoredCopyNeverHandsOutAVersionTheOriginalHandedOut) {
  pif::testing::TestDatabase original("restore_original");
  Migrate(original.conninfo());
  {
    OpenStore store(original.conninfo());
    EXPECT_EQ(store.Commit(kCouncil, "B1"), 1);
    EXPECT_EQ(store.Commit(kCouncil, "B2"), 2);
  }
  pif::testing::MissingDatabase restored("restore_copy");
  CopyDatabase(original.name(), restored.name());  // the backup, taken at version 2
  int64_t handed_out_after_backup = 0;
  {
    OpenStore store(original.conninfo());
    handed_out_after_backup = store.Commit(kCouncil, "B3");
    EXPECT_EQ(handed_out_after_backup, 3);  // the original, never restored, counts on
    EXPECT_EQ(store.Commit(kOtherCouncil, "O1"), 1);
  }
  const int64_t restored_at_micros = absl::ToUnixMicros(absl::Now());
  OpenStore store(restored.conninfo());
  const int64_t next = store.Commit(kCouncil, "B3-again");
  EXPECT_GT(next, handed_out_after_backup);
  EXPECT_GE(next, restored_at_micros - 60 * 1000 * 1000);  // the floor: the time it was found
  EXPECT_EQ(store.Commit(kCouncil, "B4"), next + 1);
  // A council whose first version the original handed out after the backup.
  EXPECT_GE(store.Commit(kOtherCouncil, "O1-again"), next);
}

TEST(DataVersionRestoreTest, AnOperatorCanRaiseTheFloorAfterARestoreTheStoreCannotSee) {
  pif::testing::TestDatabase database("restore_by_hand");
  Migrate(database.conninfo());
  OpenStore store(database.conninfo());
  EXPECT_EQ(store.Commit(kCouncil, "B1"), 1);
  {
    // docs/operations.md: after restoring a cold copy of the files, forget the identity.
    pqxx::connection connection(database.conninfo());
    pqxx::work tx(connection);
    tx.exec("UPDATE data_version_floor SET identity = 'restored'");
    tx.commit();
  }
  const int64_t raised = store.Commit(kCouncil, "B2");
  EXPECT_GT(raised, 1000000);
  EXPECT_EQ(store.Commit(kCouncil, "B3"), raised + 1);
}

}  // namespace
}  // namespace pif::submission
