#include "pif/pg/migrations.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "pif/pg/pool.h"
#include "pqxx/pqxx"

namespace pif::pg {
namespace {

absl::Status CheckOrdered(const std::vector<Migration>& migrations) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return absl::InternalError(
          absl::StrCat("migration versions are not increasing at V", migrations[i].version));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& connection,
                                                const std::string& lock_name,
                                                const std::vector<Migration>& migrations) {
  if (absl::Status ordered = CheckOrdered(migrations); !ordered.ok()) return ordered;
  MigrationReport report;
  try {
    pqxx::work tx(connection);
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", lock_name);
    tx.exec(
        "CREATE TABLE IF NOT EXISTS pif_schema_migrations ("
        " version integer PRIMARY KEY,"
        " name text NOT NULL,"
        " checksum text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())");
    std::map<int, std::string> applied;
    for (const auto& row : tx.exec("SELECT version, checksum FROM pif_schema_migrations")) {
      applied[row[0].as<int>()] = row[1].as<std::string>();
    }
    std::map<int, const Migration*> known;
    for (const Migration& migration : migrations) known[migration.version] = &migration;
    for (const auto& [version, checksum] : applied) {
      auto it = known.find(version);
      if (it == known.end()) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the database has schema version ", version,
            " which this binary does not know; run a newer release or restore the database"));
      }
      const std::string expected =
          tx.exec_params1("SELECT md5($1)", it->second->sql)[0].as<std::string>();
      if (expected != checksum) {
        return absl::FailedPreconditionError(
            absl::StrCat("migration V", version,
                         " was changed after it was applied; add a new migration instead"));
      }
    }
    for (const Migration& migration : migrations) {
      if (applied.count(migration.version) != 0) continue;
      tx.exec(migration.sql);
      tx.exec_params(
          "INSERT INTO pif_schema_migrations (version, name, checksum) VALUES ($1, $2, md5($3))",
          migration.version, migration.name, migration.sql);
      report.applied.push_back(migration.version);
    }
    tx.commit();
  } catch (const std::exception& error) {
    return StatusFromException(error);
  }
  report.current_version = migrations.empty() ? 0 : migrations.back().version;
  return report;
}

}  // namespace pif::pg
