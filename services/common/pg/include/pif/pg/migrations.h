// Versioned schema migrations, compiled into each service and applied at start-up.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pqxx/connection"

namespace pif::pg {

// The version table of a service's own migrations.
inline constexpr char kServiceVersionTable[] = "pif_schema_migrations";

// The comment line by which a migration accepts, as already applied, an earlier text of itself
// recorded under that text's md5: `-- pif:accepts-md5 <32 lowercase hex digits>`. It lets a
// migration's text change once on purpose (e.g. tables moved to a shared store's own set)
// without stopping databases that applied the earlier text.
inline constexpr char kAcceptsMd5Marker[] = "-- pif:accepts-md5 ";

// One migration file, V<version>__<name>.sql.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// Migrations recorded in one version table: a service's own, or a shared store's.
struct MigrationSet {
  // The table recording the applied versions with their checksums.
  std::string version_table = kServiceVersionTable;
  // The migrations, in version order.
  const std::vector<Migration>* migrations = nullptr;
};

// What ApplyMigrations did to one set.
struct MigrationReport {
  // Versions applied by this call, in order (empty when the schema was already current).
  std::vector<int> applied;
  // Highest version now in the database.
  int current_version = 0;
};

// The md5s of earlier texts `migration` accepts as applied (its kAcceptsMd5Marker lines).
std::vector<std::string> AcceptedChecksums(const Migration& migration);

// Applies the missing migrations of every set, set after set, in one transaction under an
// advisory lock keyed by `lock_name`, so replicas starting together migrate once and a failure
// leaves nothing behind. Each set is recorded in its own version table (created when missing).
// FAILED_PRECONDITION when a version table holds a version its set does not know, or a checksum
// that is neither the md5 of its migration's text nor one the migration accepts. One report per
// set, in order.
absl::StatusOr<std::vector<MigrationReport>> ApplyMigrationSets(
    pqxx::connection& connection, const std::string& lock_name,
    const std::vector<MigrationSet>& sets);

// ApplyMigrationSets with the one set `migrations` recorded in `version_table`.
absl::StatusOr<MigrationReport> ApplyMigrations(
    pqxx::connection& connection, const std::string& lock_name,
    const std::vector<Migration>& migrations,
    const std::string& version_table = kServiceVersionTable);

}  // namespace pif::pg
