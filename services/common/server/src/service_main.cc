#include "pif/server/service_main.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "identity_provider.h"
#include "pif/audit_grpc/audit_grpc_service.h"
#include "pif/audit_pg/migrations.h"
#include "pif/audit_pg/pg_audit_log.h"
#include "pif/core/log.h"
#include "pif/grpc/channel.h"
#include "pif/pg/database.h"
#include "pif/server/signals.h"
#include "pool_gauges.h"
#include "readiness.h"
#include "shutdown.h"

namespace pif {
namespace {

int Fail(const char* stage, const absl::Status& status) {
  log::Event(log::Level::kError, "startup_failed")
      .Str(log::Key::kError, absl::StrCat(stage, ": ", status.ToString()));
  return 1;
}

}  // namespace

std::vector<pg::MigrationSet> MigrationSetsOf(const ServiceSpec& spec) {
  std::vector<pg::MigrationSet> sets = {audit::AuditMigrations()};
  sets.insert(sets.end(), spec.shared_migrations.begin(), spec.shared_migrations.end());
  sets.push_back({pg::kServiceVersionTable, spec.migrations});
  return sets;
}

absl::StatusOr<std::vector<pg::MigrationReport>> MigrateServiceDatabase(
    pqxx::connection& connection, const ServiceSpec& spec) {
  return pg::ApplyMigrationSets(connection, "pif.migrations." + spec.name, MigrationSetsOf(spec));
}

int RunService(const ServiceSpec& spec, int argc, char** argv) {
  BlockTerminationSignals();
  ServerOptions options;
  options.service_name = spec.name;
  options.listen = spec.default_listen;
  FlagSet flags("pif-" + spec.name);
  AddServerFlags(flags, &options);
  if (spec.add_flags) spec.add_flags(flags);
  if (absl::Status parsed =
          flags.Parse(std::vector<std::string>(argv, argv + argc), ProcessEnvironment());
      !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : 2;
  }
  log::SetService(spec.name);
  log::Level level = log::Level::kInfo;
  if (!log::ParseLevel(options.log_level, &level)) {
    std::cerr << "flag --log_level: '" << options.log_level
              << "' is not debug, info, warning or error\n";
    return 2;
  }
  log::SetMinLevel(level);
  if (options.database_url.empty()) {
    std::cerr << "--database_url (or PIF_DATABASE_URL) is required\n";
    return 2;
  }
  if (absl::Status cap = CheckStreamCap(options); !cap.ok()) {
    std::cerr << cap.message() << "\n";
    return 2;
  }
  // A migration Job needs only the database; a server needs its transport and identity provider,
  // checked before the database is touched.
  std::optional<TlsMaterial> tls;
  std::unique_ptr<IdentityProvider> identity_provider;
  if (!options.migrate_only) {
    // TLS unless plaintext is asked for on loopback; the files checked (key, validity) now.
    if (absl::Status transport = CheckTransport(options); !transport.ok()) {
      std::cerr << transport.message() << "\n";
      return 2;
    }
    absl::StatusOr<std::optional<TlsMaterial>> loaded = LoadTls(options.tls);
    if (!loaded.ok()) {
      std::cerr << loaded.status().message() << "\n";
      return 2;
    }
    tls = *std::move(loaded);
    // The service's own identity also serves its calls to other services (one place).
    ClientOptions client;
    client.tls = tls;
    client.tls_refresh_seconds = options.tls_refresh_seconds;
    SetDefaultClientOptions(client);
    log::Event(tls.has_value() ? log::Level::kInfo : log::Level::kWarning, "transport")
        .Str(log::Key::kMode, tls.has_value() ? "mutual_tls" : "plaintext");
    absl::StatusOr<std::unique_ptr<IdentityProvider>> started = IdentityProvider::Start(options);
    if (!started.ok()) {
      std::cerr << started.status().message() << "\n";
      return 2;
    }
    identity_provider = *std::move(started);
  }

  if (auto created = pg::EnsureDatabaseExists(options.database_url); !created.ok()) {
    return Fail("database", created.status());
  }
  // A server's statements are bounded; a migration Job's are not (a migration may rewrite a
  // large table, and nothing else waits on it).
  pg::ConnectionLimits limits;
  limits.statement_timeout = absl::Seconds(options.db_statement_timeout_seconds);
  limits.idle_in_transaction_timeout = absl::Seconds(options.db_idle_in_transaction_seconds);
  if (options.migrate_only) limits.statement_timeout = absl::ZeroDuration();  // 0: no limit
  auto pool = pg::Pool::Open(options.database_url, static_cast<int>(options.db_pool_size), limits);
  if (!pool.ok()) return Fail("database", pool.status());
  {
    auto lease = (*pool)->Acquire();
    if (!lease.ok()) return Fail("database", lease.status());
    auto reports = MigrateServiceDatabase(**lease, spec);
    if (!reports.ok()) return Fail("migrations", reports.status());
    // The shared stores' sets, then the service's own (whose count tests and operators read).
    for (size_t i = 0; i + 1 < reports->size(); ++i) {
      log::Event(log::Level::kInfo, "shared_schema_ready")
          .Int(log::Key::kVersion, (*reports)[i].current_version)
          .Int(log::Key::kCount, static_cast<int64_t>((*reports)[i].applied.size()));
    }
    log::Event(log::Level::kInfo, "schema_ready")
        .Int(log::Key::kVersion, reports->back().current_version)
        .Int(log::Key::kCount, static_cast<int64_t>(reports->back().applied.size()));
  }
  if (options.migrate_only) {
    log::Event(log::Level::kInfo, "migrate_only_done");
    return 0;
  }

  auto services = spec.make_services(options, **pool);
  if (!services.ok()) return Fail("services", services.status());
  // Every call is kept in the service's own audit before it is answered, and the audit is read
  // through the service's own AuditService.
  auto audit_log = std::make_shared<audit::PgAuditLog>(**pool);
  services->push_back({audit::v1::AuditService::service_full_name(),
                       std::make_unique<audit::AuditGrpcService>(audit_log)});
  auto metrics = std::make_shared<Metrics>(spec.name);
  GaugeRegistration pool_gauges = metrics->AddGauges(PoolGauges(**pool));
  GaugeRegistration tls_gauges;
  if (tls.has_value()) tls_gauges = metrics->AddGauges(TlsGauges(options.tls.cert_file));
  auto host = ServiceHost::Start(options, std::move(*services), metrics,
                                 identity_provider->call_auth(), audit_log);
  if (!host.ok()) return Fail("listen", host.status());
  log::Event(log::Level::kInfo, "serving")
      .Str(log::Key::kAddress, options.listen)
      .Int(log::Key::kPort, (*host)->port());

  auto readiness = std::make_unique<ReadinessMonitor>(
      [&pool] { return ProbeDatabase(**pool); }, [&host](bool ready) { (*host)->SetReady(ready); },
      absl::Seconds(options.readiness_check_seconds));

  const int signal_number = WaitForTerminationSignal();
  readiness.reset();  // nothing turns readiness back on during the shutdown
  log::Event(log::Level::kInfo, "draining")
      .Int(log::Key::kSignal, signal_number)
      .Int(log::Key::kDurationMs, (options.prestop_seconds + options.drain_seconds) * 1000);
  ShutDown(**host, absl::Seconds(options.prestop_seconds), absl::Seconds(options.drain_seconds));
  host->reset();
  log::Event(log::Level::kInfo, "stopped");
  return 0;
}

}  // namespace pif
