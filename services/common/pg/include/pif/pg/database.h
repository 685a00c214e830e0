// Creating a service's own database on first start.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace pif::pg {

// The dbname that libpq would use for `conninfo` (explicit, or the user name by default).
absl::StatusOr<std::string> DatabaseNameOf(const std::string& conninfo);

// Connects to `conninfo`; when its database does not exist, creates it through the `postgres`
// maintenance database with the same credentials. Returns true when it created the database.
// Replicas racing to create it are fine: the loser sees it exists.
absl::StatusOr<bool> EnsureDatabaseExists(const std::string& conninfo);

}  // namespace pif::pg
