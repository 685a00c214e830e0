// Versioned schema migrations, compiled into each service and applied at start-up.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pqxx/connection"

namespace pif::pg {

// One migration file, V<version>__<name>.sql.
struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// What ApplyMigrations did.
struct MigrationReport {
  // Versions applied by this call, in order (empty when the schema was already current).
  std::vector<int> applied;
  // Highest version now in the database.
  int current_version = 0;
};

// Applies the missing migrations in one transaction under an advisory lock keyed by `lock_name`,
// so replicas starting together migrate once. FAILED_PRECONDITION when the database holds a
// version this binary does not know or a migration whose text has changed since it was applied.
absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& connection,
                                                const std::string& lock_name,
                                                const std::vector<Migration>& migrations);

}  // namespace pif::pg
