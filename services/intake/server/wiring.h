// Builds the intake service from its parts: the submission store of the case schema on
// PostgreSQL, and the gRPC adapter over it.
#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "pif/grpc/service_host.h"
#include "pif/pg/migrations.h"
#include "pif/pg/pool.h"

namespace pif::intake {

// The migration sets intake's database needs before its own: the submission store's tables.
std::vector<pg::MigrationSet> IntakeSharedMigrations();

// The hosted IntakeService over the case schema's submission store in `pool`'s database;
// `pool` must outlive it. FAILED_PRECONDITION when the case schema is inconsistent.
absl::StatusOr<std::vector<HostedService>> MakeIntakeServices(pg::Pool& pool);

}  // namespace pif::intake
