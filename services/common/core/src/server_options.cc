#include "pif/core/server_options.h"

namespace pif {

void AddServerFlags(FlagSet& flags, ServerOptions* options) {
  flags.AddString("listen", "PIF_LISTEN", "host:port for gRPC (port 0 picks a free port)",
                  &options->listen);
  flags.AddString("metrics_listen", "PIF_METRICS_LISTEN",
                  "host:port for Prometheus /metrics; empty turns it off",
                  &options->metrics_listen);
  flags.AddString("database_url", "PIF_DATABASE_URL",
                  "libpq connection string of this service's own database", &options->database_url);
  flags.AddInt("db_pool_size", "PIF_DB_POOL_SIZE", "database connections kept open",
               &options->db_pool_size, 1, 256);
  flags.AddInt("max_message_bytes", "PIF_MAX_MESSAGE_BYTES", "largest gRPC message in bytes",
               &options->max_message_bytes, 1024, 1024LL * 1024 * 1024);
  flags.AddInt("drain_seconds", "PIF_DRAIN_SECONDS",
               "seconds in-flight calls may run after SIGTERM", &options->drain_seconds, 0, 3600);
  flags.AddString("log_level", "PIF_LOG_LEVEL", "debug, info, warning or error",
                  &options->log_level);
  AddTlsFlags(flags, "PIF_", &options->tls);
}

}  // namespace pif
