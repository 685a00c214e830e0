// Databases made by the services' migrations as released before the submission store owned its
// schema (copies in test/data/<service>_v1_v2) upgraded by the bootstrap's schema step
// (MigrateServiceDatabase: the store's set, then the service's migrations as they are now):
// nothing applied twice, every row kept, the store's tables as a fresh database has them, and
// the store working on the old rows (docs/decisions/0004).
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/pg/migrations.h"
#include "pif/server/service_main.h"
#include "pif/submission/validate.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/testing/test_database.h"

namespace pif::pg {
// The services' migrations as released (test/data) and as they are now (services/*/migrations).
const std::vector<Migration>& IntakeAsReleased();
const std::vector<Migration>& IntakeMigrations();
const std::vector<Migration>& WorkforceAsReleased();
const std::vector<Migration>& WorkforceMigrations();
const std::vector<Migration>& ReportingAsReleased();
const std::vector<Migration>& ReportingMigrations();
}  // namespace pif::pg

namespace pif::submission {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Cells = std::vector<std::pair<std::string, std::string>>;

constexpr char kCouncil[] = "S12000033";

// One service's case: its migrations then and now, and one of its record types (over its real
// table) to fill and use the store with.
struct ServiceCase {
  std::string name;
  const std::vector<pg::Migration>& (*as_released)();
  const std::vector<pg::Migration>& (*now)();
  SubmissionSchema schema;
  // The cells of a valid record with id `id` of the schema's one type.
  Cells (*record)(const std::string& id);
};

// Names a case in test output.
void PrintTo(const ServiceCase& service, std::ostream* out) { *out << service.name; }

Cells IntakeChild(const std::string& id) { return {{"person_id", id}, {"sex", "F"}}; }

Cells WorkforceStaff(const std::string& id) {
  return {{"staff_id", id},
          {"valid_from", "2023-04-01"},
          {"role", "QSW"},
          {"service_start_date", "2020-01-06"},
          {"fte", "0.5"}};
}

Cells ReportingEvaluation(const std::string& id) {
  return {{"eval_id", id}, {"area", "3"}, {"eval_date", "2024-02-01"}, {"grade", "4"}};
}

Column Number(std::string name, ColumnKind kind, double min, double max) {
  Column column{std::move(name), kind, true, {}};
  column.min = min;
  column.max = max;
  return column;
}

std::vector<ServiceCase> Services() {
  RecordSchema child{"Child", "children.csv", "children", {}, {"person_id"}};
  child.columns = {{"person_id", ColumnKind::kText, true},
                   {"sex", ColumnKind::kCode, true, {"M", "F", "X", "NK"}}};
  RecordSchema staff{
      "StaffRecord", "staff_records.csv", "staff_records", {}, {"staff_id", "valid_from"}};
  staff.columns = {{"staff_id", ColumnKind::kText, true},
                   {"valid_from", ColumnKind::kDate, true},
                   {"role", ColumnKind::kCode, true, {"QSW"}},
                   {"service_start_date", ColumnKind::kDate, true},
                   Number("fte", ColumnKind::kDecimal, 0, 1)};
  RecordSchema evaluation{
      "SelfEvaluation", "self_evaluations.csv", "self_evaluations", {}, {"eval_id"}};
  evaluation.columns = {{"eval_id", ColumnKind::kText, true},
                        Number("area", ColumnKind::kInteger, 1, 10),
                        {"eval_date", ColumnKind::kDate, true},
                        Number("grade", ColumnKind::kInteger, 1, 6)};
  return {
      {"intake", &pg::IntakeAsReleased, &pg::IntakeMigrations, {"intake", {child}}, &IntakeChild},
      {"workforce",
       &pg::WorkforceAsReleased,
       &pg::WorkforceMigrations,
       {"workforce", {staff}},
       &WorkforceStaff},
      {"reporting",
       &pg::ReportingAsReleased,
       &pg::ReportingMigrations,
       {"reporting", {evaluation}},
       &ReportingEvaluation},
  };
}

// The bootstrap's description of the service's database, as its main declares it.
ServiceSpec SpecOf(const ServiceCase& service) {
  ServiceSpec spec;
  spec.name = service.name;
  spec.shared_migrations = {SubmissionStoreMigrations()};
  spec.migrations = &service.now();
  return spec;
}

// Every row of every table, as JSON text per table (rows in a stable order).
std::map<std::string, std::string> EveryRow(pqxx::connection& connection) {
  pqxx::work tx(connection);
  std::map<std::string, std::string> rows;
  for (const auto& table :
       tx.exec("SELECT table_name FROM information_schema.tables"
               " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
    const std::string name = table[0].as<std::string>();
    rows[name] =
        tx.exec1(absl::StrCat("SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text"
                              " FROM ",
                              tx.quote_name(name), " t"))[0]
            .as<std::string>();
  }
  return rows;
}

// The submission store's tables as the catalogue describes them: columns (type, nullability,
// default) in order, constraints and indexes.
std::string StoreTablesShape(pqxx::connection& connection) {
  pqxx::work tx(connection);
  const std::string tables =
      "('council_data_versions', 'import_batches', 'deletions', 'rejections')";
  std::string shape;
  for (const auto& row : tx.exec(
           absl::StrCat("SELECT table_name, ordinal_position, column_name, data_type, is_nullable,"
                        " coalesce(column_default, '') FROM information_schema.columns"
                        " WHERE table_schema = 'public' AND table_name IN ",
                        tables, " ORDER BY table_name, ordinal_position"))) {
    for (const auto& field : row) absl::StrAppend(&shape, field.c_str(), " ");
    shape += "\n";
  }
  for (const auto& row : tx.exec(absl::StrCat(
           "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
           " WHERE conrelid::regclass::text IN ",
           tables, " ORDER BY 1, 2"))) {
    absl::StrAppend(&shape, row[0].c_str(), " ", row[1].c_str(), " ", row[2].c_str(), "\n");
  }
  for (const auto& row : tx.exec(
           absl::StrCat("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename IN ",
                        tables, " ORDER BY 1, 2"))) {
    absl::StrAppend(&shape, row[0].c_str(), " ", row[1].c_str(), " ", row[2].c_str(), "\n");
  }
  return shape;
}

class UpgradeTest : public ::testing::TestWithParam<ServiceCase> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<pif::testing::TestDatabase>("upgrade_" + GetParam().name);
    connection_ = std::make_unique<pqxx::connection>(database_->conninfo());
  }

  // Opens the store over the service case's one record type.
  void OpenStore() {
    auto pool = pg::Pool::Open(database_->conninfo(), 2);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    store_ = std::make_unique<PgSubmissionStore>(*pool_, GetParam().schema);
  }

  FlatRecord Valid(const std::string& id) {
    FlatRecord record =
        FromNamedCells(GetParam().schema.types.front(), GetParam().record(id), nullptr);
    EXPECT_THAT(ValidateRecord(record), IsEmpty());
    return record;
  }

  // Commits `valid` records and `rejected` ids (rejected on their own) as one batch.
  BatchSummary Submit(const std::string& batch_id, const std::vector<std::string>& valid,
                      const std::vector<std::string>& rejected = {}) {
    std::optional<BatchSummary> replay;
    auto writer =
        store_->Begin({kCouncil, batch_id, "upgrade-test", "old release", absl::Now()}, &replay);
    EXPECT_TRUE(writer.ok()) << writer.status();
    if (replay.has_value()) return *replay;
    int64_t position = 0;
    for (const std::string& id : valid) {
      EXPECT_TRUE((*writer)->AddValid(++position, {}, Valid(id)).ok());
    }
    const std::string type = GetParam().schema.types.front().type;
    for (const std::string& id : rejected) {
      EXPECT_TRUE((*writer)
                      ->AddRejected(++position, {"file.csv", position + 1}, type,
                                    RecordId(Valid(id)), {{"id", id}, {"note", "bad"}}, false,
                                    {{"note", "UNKNOWN_FIELD", "note is not a column"}})
                      .ok());
    }
    absl::StatusOr<BatchSummary> summary = (*writer)->Commit(position);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : BatchSummary{};
  }

  std::unique_ptr<pif::testing::TestDatabase> database_;
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<SubmissionStore> store_;
};

TEST_P(UpgradeTest, ADatabaseOfTheReleasedMigrationsKeepsEveryRowAndTheStoreWorksOnIt) {
  const ServiceCase& service = GetParam();
  // The database as the released binary made and used it.
  auto released =
      pg::ApplyMigrations(*connection_, "pif.migrations." + service.name, service.as_released());
  ASSERT_TRUE(released.ok()) << released.status();
  ASSERT_EQ(released->applied, (std::vector<int>{1, 2}));
  OpenStore();
  const BatchSummary first = Submit("B1", {"A", "B"}, {"X", "Y", "Z"});
  ASSERT_EQ(first.rejected_count, 3);
  ASSERT_EQ(Submit("B2", {"X"}).cleared_rejection_count, 1);
  const std::string type = service.schema.types[0].type;
  ASSERT_TRUE(
      store_->DeleteRecord(kCouncil, type, RecordId(Valid("A")), "sent in error", "operator").ok());
  ASSERT_TRUE(
      store_->DeleteRecord(kCouncil, type, RecordId(Valid("Y")), "never existed", "operator").ok());
  const std::map<std::string, std::string> before = EveryRow(*connection_);

  auto upgraded = MigrateServiceDatabase(*connection_, SpecOf(service));
  ASSERT_TRUE(upgraded.ok()) << upgraded.status();
  // The access audit's set (new to every database), the store's, then the service's own.
  ASSERT_EQ(upgraded->size(), 3u);
  EXPECT_EQ((*upgraded)[0].applied, (std::vector<int>{1}));
  // The store's V001 recognises its tables; V002 adds the erasures (and redacts rejections
  // corrected before it: the store redacted this database's one as it cleared it); V003 the data
  // version floor.
  EXPECT_EQ((*upgraded)[1].applied, (std::vector<int>{1, 2, 3}));
  // The service's V001 and V002 are taken as applied: their earlier texts are accepted.
  EXPECT_THAT((*upgraded)[2].applied, IsEmpty());
  EXPECT_EQ((*upgraded)[2].current_version, 2);

  // Every table and row as it was (pif_schema_migrations included: the checksums recorded by
  // the released binary stay, so it could still start on this database).
  std::map<std::string, std::string> after = EveryRow(*connection_);
  ASSERT_EQ(after.count(kSubmissionVersionTable), 1u);
  after.erase(kSubmissionVersionTable);
  // The access audit's tables are new and empty.
  ASSERT_EQ(after.count("pif_audit_migrations"), 1u);
  after.erase("pif_audit_migrations");
  ASSERT_EQ(after.count("access_audit"), 1u);
  after.erase("access_audit");
  // So are the store's erasures.
  ASSERT_EQ(after.count("erasures"), 1u);
  EXPECT_EQ(after["erasures"], "[]");
  after.erase("erasures");
  // The data version floor (V003): no floor raised by the upgrade.
  ASSERT_EQ(after.count("data_version_floor"), 1u);
  EXPECT_NE(after["data_version_floor"].find("\"version_floor\":0"), std::string::npos)
      << after["data_version_floor"];
  after.erase("data_version_floor");
  EXPECT_EQ(after, before);
  EXPECT_GE(before.size(), 6u);

  // The store goes on where it was.
  const BatchSummary replayed = Submit("B1", {"Q"});
  EXPECT_TRUE(replayed.replayed);
  EXPECT_EQ(replayed.committed_at, first.committed_at);
  EXPECT_EQ(replayed.rejections.size(), 3u);
  const BatchSummary next = Submit("B3", {"C"}, {"Z"});
  EXPECT_FALSE(next.replayed);
  EXPECT_EQ(next.data_version, 5);
  RejectionFilter filter;
  filter.council = kCouncil;
  filter.include_cleared = true;
  absl::StatusOr<RejectionPage> rejections = store_->ListRejections(filter);
  ASSERT_TRUE(rejections.ok()) << rejections.status();
  EXPECT_EQ(rejections->open_count, 2);
  std::vector<std::string> states;
  for (const StoredRejection& rejection : rejections->rejections) {
    states.push_back(rejection.rejection.rejection_id + ":" + rejection.cleared_reason);
  }
  EXPECT_THAT(states, ElementsAre("B1#3:CORRECTED", "B1#4:DELETED", "B1#5:", "B3#2:"));

  // Starting again applies nothing.
  auto again = MigrateServiceDatabase(*connection_, SpecOf(service));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_THAT((*again)[0].applied, IsEmpty());
  EXPECT_THAT((*again)[1].applied, IsEmpty());
  EXPECT_THAT((*again)[2].applied, IsEmpty());
}

TEST_P(UpgradeTest, TheStoresTablesOfAnUpgradedDatabaseAreThoseOfAFreshOne) {
  ASSERT_TRUE(pg::ApplyMigrations(*connection_, "released", GetParam().as_released()).ok());
  ASSERT_TRUE(MigrateServiceDatabase(*connection_, SpecOf(GetParam())).ok());
  pif::testing::TestDatabase fresh("fresh_" + GetParam().name);
  pqxx::connection fresh_connection(fresh.conninfo());
  auto created = MigrateServiceDatabase(fresh_connection, SpecOf(GetParam()));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ((*created)[2].applied, (std::vector<int>{1, 2}));
  const std::string shape = StoreTablesShape(fresh_connection);
  EXPECT_NE(shape.find("rejections_open_by_record"), std::string::npos);
  EXPECT_EQ(StoreTablesShape(*connection_), shape);
}

INSTANTIATE_TEST_SUITE_P(Services, UpgradeTest, ::testing::ValuesIn(Services()),
                         [](const ::testing::TestParamInfo<ServiceCase>& param_info) {
                           return param_info.param.name;
                         });

// A rejection corrected by a release that kept its values (its cells, its messages, the copy its
// batch summary lists) loses them when the store's V002 is applied; other rejections keep theirs.
TEST(UpgradeRedactionTest, RejectionsCorrectedBeforeTheUpgradeAreRedactedByIt) {
  pif::testing::TestDatabase db("upgrade_redaction");
  pqxx::connection connection(db.conninfo());
  const std::vector<pg::Migration> first_only = {SubmissionStoreMigrations().migrations->front()};
  ASSERT_TRUE(pg::ApplyMigrations(connection, "old", first_only, kSubmissionVersionTable).ok());
  {
    pqxx::work tx(connection);
    tx.exec(
        "INSERT INTO import_batches (council, batch_id, caller, received_at, accepted_count,"
        " rejected_count, data_version, summary) VALUES ('S12000033', 'B1', 'someone', now(),"
        " 0, 2, 1, '{\"rejections\": [{\"rejection_id\": \"B1#1\", \"record_id\": \"P1\","
        " \"errors\": [{\"field\": \"dob\", \"rule_code\": \"MALFORMED_DATE\","
        " \"message\": \"dob 2012-13-01 is not a date\"}]}, {\"rejection_id\": \"B1#2\","
        " \"record_id\": \"P2\", \"errors\": [{\"field\": \"dob\", \"rule_code\":"
        " \"MALFORMED_DATE\", \"message\": \"dob x is not a date\"}]}]}')");
    tx.exec(R"(INSERT INTO rejections (council, rejection_id, batch_id, data_version, position,
        record_type, record_id, cells, received_typed, errors, received_at, cleared_reason,
        cleared_by_batch, cleared_at) VALUES
      ('S12000033', 'B1#1', 'B1', 1, 1, 'Child', 'P1',
       '[["person_id", "P1"], ["dob", "2012-13-01"]]', false,
       '[{"field": "dob", "rule_code": "MALFORMED_DATE", "message": "dob 2012-13-01 is not a date"}]',
       now(), 'CORRECTED', 'B2', now()),
      ('S12000033', 'B1#2', 'B1', 1, 2, 'Child', 'P2', '[["person_id", "P2"], ["dob", "x"]]', false,
       '[{"field": "dob", "rule_code": "MALFORMED_DATE", "message": "dob x is not a date"}]',
       now(), NULL, NULL, NULL))");
    tx.commit();
  }
  ASSERT_TRUE(pg::ApplyMigrationSets(connection, "new", {SubmissionStoreMigrations()}).ok());
  pqxx::work tx(connection);
  const pqxx::result rows =
      tx.exec("SELECT cells::text, errors::text FROM rejections ORDER BY position");
  EXPECT_EQ(rows[0][0].as<std::string>(),
            "[[\"person_id\", \"[redacted]\"], [\"dob\", \"[redacted]\"]]");
  EXPECT_EQ(
      rows[0][1].as<std::string>(),
      "[{\"field\": \"dob\", \"message\": \"[redacted]\", \"rule_code\": \"MALFORMED_DATE\"}]");
  EXPECT_EQ(rows[1][0].as<std::string>(), "[[\"person_id\", \"P2\"], [\"dob\", \"x\"]]");
  const std::string summary =
      tx.exec1(
            "SELECT summary->'rejections'->0->'errors'->0->>'message' || '/' ||"
            " (summary->'rejections'->0->>'record_id') || '/' ||"
            " (summary->'rejections'->1->'errors'->0->>'message') FROM import_batches")[0]
          .as<std::string>();
  EXPECT_EQ(summary, "[redacted]/P1/dob x is not a date");
}

// A database from before the JSON summary (intake's V001 alone: import_batches.summary bytea).
TEST(UpgradeFromFirstMigrationTest, BringsTheOldBatchTablesUpToDateKeepingTheirRows) {
  pif::testing::TestDatabase db("upgrade_v001");
  pqxx::connection connection(db.conninfo());
  ASSERT_TRUE(pg::ApplyMigrations(connection, "released", {pg::IntakeAsReleased().front()}).ok());
  {
    pqxx::work tx(connection);
    tx.exec("INSERT INTO council_data_versions (council, data_version) VALUES ('S12000033', 1)");
    tx.exec(
        "INSERT INTO import_batches (council, batch_id, caller, received_at, accepted_count,"
        " rejected_count, data_version, summary) VALUES ('S12000033', 'OLD', 'someone', now(),"
        " 0, 0, 1, convert_to('{\"batch_id\": \"OLD\"}', 'UTF8'))");
    tx.commit();
  }
  ServiceSpec spec;
  spec.name = "intake";
  spec.shared_migrations = {SubmissionStoreMigrations()};
  spec.migrations = &pg::IntakeMigrations();
  auto upgraded = MigrateServiceDatabase(connection, spec);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status();
  EXPECT_EQ((*upgraded)[2].applied,
            (std::vector<int>{2}));  // after the audit's and the store's sets
  pqxx::work tx(connection);
  const pqxx::row batch = tx.exec1(
      "SELECT summary->>'batch_id', source_system, cleared_rejection_count FROM import_batches");
  EXPECT_EQ(batch[0].as<std::string>(), "OLD");
  EXPECT_EQ(batch[1].as<std::string>(), "");
  EXPECT_EQ(batch[2].as<int64_t>(), 0);
  EXPECT_TRUE(tx.exec1("SELECT last_batch_id IS NULL FROM council_data_versions")[0].as<bool>());
  EXPECT_FALSE(tx.exec1("SELECT to_regclass('rejections') IS NULL")[0].as<bool>());
  EXPECT_FALSE(tx.exec1("SELECT to_regclass('placements') IS NULL")[0].as<bool>());
}

}  // namespace
}  // namespace pif::submission
