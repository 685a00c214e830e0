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
  // The service's schema migrations, in version order.
  const std::vector<pg::Migration>* migrations = nullptr;
  // Declares the service's own flags (may be empty).
  std::function<void(FlagSet&)> add_flags;
  // Builds the gRPC services once the database is ready.
  std::function<absl::StatusOr<std::vector<HostedService>>(const ServerOptions&, pg::Pool&)>
      make_services;
};

// Runs the service until SIGTERM or SIGINT, then drains; returns the process exit status
// (0 after a clean drain, 1 when start-up failed, 2 for a usage error).
int RunService(const ServiceSpec& spec, int argc, char** argv);

}  // namespace pif
