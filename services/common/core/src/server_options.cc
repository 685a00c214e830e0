#include "pif/core/server_options.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

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
  flags.AddInt("db_statement_timeout_seconds", "PIF_DB_STATEMENT_TIMEOUT_SECONDS",
               "PostgreSQL statement_timeout of every database connection",
               &options->db_statement_timeout_seconds, 1, 86400);
  flags.AddInt("db_idle_in_transaction_seconds", "PIF_DB_IDLE_IN_TRANSACTION_SECONDS",
               "PostgreSQL idle_in_transaction_session_timeout of every database connection",
               &options->db_idle_in_transaction_seconds, 1, 86400);
  flags.AddInt("stream_idle_seconds", "PIF_STREAM_IDLE_SECONDS",
               "seconds a record stream may move no message before it is ended",
               &options->stream_idle_seconds, 1, 86400);
  flags.AddInt("stream_max_seconds", "PIF_STREAM_MAX_SECONDS",
               "seconds a record stream may stay open in all", &options->stream_max_seconds, 1,
               7 * 86400);
  flags.AddInt("max_concurrent_streams", "PIF_MAX_CONCURRENT_STREAMS",
               "record streams (submissions, snapshot exports) open at once; 0 = half the "
               "database pool; must be below --db_pool_size",
               &options->max_concurrent_streams, 0, 256);
  flags.AddInt("max_message_bytes", "PIF_MAX_MESSAGE_BYTES", "largest gRPC message in bytes",
               &options->max_message_bytes, 1024, 1024LL * 1024 * 1024);
  flags.AddInt("drain_seconds", "PIF_DRAIN_SECONDS",
               "seconds in-flight calls may run after SIGTERM", &options->drain_seconds, 0, 3600);
  flags.AddString("health_listen", "PIF_HEALTH_LISTEN",
                  "host:port of a plaintext port serving only grpc.health.v1 (for Kubernetes' "
                  "gRPC probes); empty turns it off",
                  &options->health_listen);
  flags.AddInt("prestop_seconds", "PIF_PRESTOP_SECONDS",
               "seconds between SIGTERM's NOT_SERVING and the drain", &options->prestop_seconds, 0,
               600);
  flags.AddInt("readiness_check_seconds", "PIF_READINESS_CHECK_SECONDS",
               "seconds between database checks (readiness is NOT_SERVING while it is unreachable)",
               &options->readiness_check_seconds, 1, 3600);
  flags.AddBool("migrate_only", "PIF_MIGRATE_ONLY",
                "apply the database migrations and exit 0 (a Job run before a rollout)",
                &options->migrate_only);
  flags.AddString("log_level", "PIF_LOG_LEVEL", "debug, info, warning or error",
                  &options->log_level);
  AddTlsFlags(flags, "PIF_", &options->tls);
  flags.AddInt("tls_refresh_seconds", "PIF_TLS_REFRESH_SECONDS",
               "seconds between reads of the TLS files (rotated certificates are picked up)",
               &options->tls_refresh_seconds, 1, 86400);
  flags.AddBool("insecure_plaintext", "PIF_INSECURE_PLAINTEXT",
                "serve without TLS (local development only: refused unless --listen is a "
                "loopback address)",
                &options->insecure_plaintext);
  flags.AddString("jwks_file", "PIF_JWKS_FILE",
                  "JWKS file of the council's identity provider: the keys callers' bearer tokens "
                  "are verified with (read again every --tls_refresh_seconds)",
                  &options->jwks_file);
  flags.AddString("jwt_issuer", "PIF_JWT_ISSUER", "the `iss` every token must name",
                  &options->jwt_issuer);
  flags.AddString("jwt_audience", "PIF_JWT_AUDIENCE", "the audience every token must name",
                  &options->jwt_audience);
  flags.AddString("jwt_roles_claim", "PIF_JWT_ROLES_CLAIM", "the claim listing the caller's roles",
                  &options->jwt_roles_claim);
  flags.AddString("jwt_councils_claim", "PIF_JWT_COUNCILS_CLAIM",
                  "the claim listing the councils (GSS codes) the caller may act for",
                  &options->jwt_councils_claim);
  flags.AddString("service_identities", "PIF_SERVICE_IDENTITIES",
                  "comma-separated certificate names of the pif services trusted to call "
                  "services-only rpcs on a caller's behalf",
                  &options->service_identities);
}

namespace {

// True for a host:port whose host is a loopback address.
bool IsLoopback(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? listen : listen.substr(0, colon);
  if (absl::StartsWith(host, "[") && absl::EndsWith(host, "]")) {
    host = host.substr(1, host.size() - 2);
  }
  return absl::StartsWith(host, "127.") || host == "::1" || host == "localhost";
}

}  // namespace

absl::Status CheckIdentityProvider(const ServerOptions& options) {
  for (const auto& [value, flag] : {std::pair{&options.jwks_file, "--jwks_file"},
                                    std::pair{&options.jwt_issuer, "--jwt_issuer"},
                                    std::pair{&options.jwt_audience, "--jwt_audience"}}) {
    if (value->empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(flag,
                       " is required: every call carries a bearer token of the council's identity "
                       "provider, verified with --jwks_file, --jwt_issuer and --jwt_audience "
                       "(deploy/make-dev-certs.sh makes a development identity provider)"));
    }
  }
  return absl::OkStatus();
}

int64_t StreamCapOf(const ServerOptions& options) {
  if (options.max_concurrent_streams > 0) return options.max_concurrent_streams;
  return std::max<int64_t>(1, options.db_pool_size / 2);
}

absl::Status CheckStreamCap(const ServerOptions& options) {
  const int64_t cap = StreamCapOf(options);
  if (cap < options.db_pool_size || (cap == 1 && options.db_pool_size == 1)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--max_concurrent_streams (", cap, ") must be below --db_pool_size (", options.db_pool_size,
      "): every open stream holds a database connection, and other calls need one too"));
}

absl::Status CheckTransport(const ServerOptions& options) {
  if (options.insecure_plaintext) {
    if (!options.tls.empty()) {
      return absl::InvalidArgumentError(
          "--insecure_plaintext and --tls_* files contradict each other: give one of them");
    }
    if (!IsLoopback(options.listen)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--insecure_plaintext is refused on ", options.listen,
          ": plaintext is only for a loopback address (127.0.0.1); give --tls_ca_file, "
          "--tls_cert_file and --tls_key_file"));
    }
    return absl::OkStatus();
  }
  if (options.tls.empty()) {
    return absl::InvalidArgumentError(
        "TLS is required: give --tls_ca_file, --tls_cert_file and --tls_key_file "
        "(deploy/make-dev-certs.sh makes development ones), or --insecure_plaintext on a "
        "loopback address for local development");
  }
  return absl::OkStatus();
}

}  // namespace pif
