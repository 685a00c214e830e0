// The whole life of a service binary: flags, database, migrations, serving, drain on SIGTERM.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/core/flags.h"
#include "pif/grpc/service_host.h"
#include "pif/pg/migrations.h"
#include "pif/pg/pool.h"

namespace pif {

// What makes one service binary different from another.
struct ServiceSpec {
  // Short name for logs, metrics and the migration lock ("intake").
  std::string name;
  // Default gRPC listen address (overridden by --listen / PIF_LISTEN).
  std::string default_listen;
  // The service's own schema migrations, in version order (recorded in pif_schema_migrations).
  const std::vector<pg::Migration>* migrations = nullptr;
  // The migration sets of shared stores the service keeps in its database (the submission
  // store's), applied in this order before its own, each recorded in its own version table.
  std::vector<pg::MigrationSet> shared_migrations;
  // Declares the service's own flags (may be empty).
  std::function<void(FlagSet&)> add_flags;
  // Builds the gRPC services once the database is ready.
  std::function<absl::StatusOr<std::vector<HostedService>>(const ServerOptions&, pg::Pool&)>
      make_services;
};

// Every migration set of the service's database in the order RunService applies them: the
// access audit's (pif/audit_pg/migrations.h, in every service), the shared sets, then the
// service's own.
std::vector<pg::MigrationSet> MigrationSetsOf(const ServiceSpec& spec);

// The schema step of RunService: applies MigrationSetsOf(spec) in one transaction under the
// service's migration lock; one report per set, in order.
absl::StatusOr<std::vector<pg::MigrationReport>> MigrateServiceDatabase(
    pqxx::connection& connection, const ServiceSpec& spec);

// Runs the service until SIGTERM or SIGINT, then drains; returns the process exit status
// (0 after a clean drain, 1 when start-up failed, 2 for a usage error). Besides the spec's
// services it hosts pif.audit.v1.AuditService over the service's access audit, which every call
// is kept in before it is answered (a call whose record cannot be kept is answered UNAVAILABLE).
int RunService(const ServiceSpec& spec, int argc, char** argv);

}  // namespace pif
