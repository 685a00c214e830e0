// The options every pif service takes, and the flags that fill them.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "pif/core/flags.h"
#include "pif/core/tls.h"

namespace pif {

// Settings shared by every service binary; each has a flag and a PIF_* environment variable.
struct ServerOptions {
  // Short service name used in logs and metrics ("intake").
  std::string service_name;
  // host:port the gRPC server listens on; port 0 picks a free port.
  std::string listen = "127.0.0.1:0";
  // host:port of the Prometheus /metrics endpoint; empty turns it off.
  std::string metrics_listen;
  // libpq connection string or URI of the service's own database.
  std::string database_url;
  // Connections kept open to the database.
  int64_t db_pool_size = 8;
  // PostgreSQL statement_timeout on every pooled connection: a longer statement is cancelled.
  int64_t db_statement_timeout_seconds = 120;
  // PostgreSQL idle_in_transaction_session_timeout on every pooled connection: a session idle
  // inside a transaction longer is ended by the server and its transaction rolled back.
  int64_t db_idle_in_transaction_seconds = 60;
  // A record stream (SubmitRecords, ExportSnapshot) that moves no message for this long is
  // ended DEADLINE_EXCEEDED and its transaction rolled back.
  int64_t stream_idle_seconds = 30;
  // A record stream still open after this long is ended DEADLINE_EXCEEDED, rolled back.
  int64_t stream_max_seconds = 3600;
  // Record streams open at once; further ones are refused RESOURCE_EXHAUSTED with a retry hint.
  // 0: half the database pool (at least 1), so other calls always find a connection.
  int64_t max_concurrent_streams = 0;
  // Largest gRPC message accepted or sent, in bytes.
  int64_t max_message_bytes = 16 * 1024 * 1024;
  // Seconds in-flight calls get to finish after SIGTERM before they are cancelled.
  int64_t drain_seconds = 20;
  // host:port of a plaintext port serving only grpc.health.v1 (Kubernetes' gRPC probes); empty
  // turns it off.
  std::string health_listen;
  // Seconds between SIGTERM's NOT_SERVING and the drain, so endpoints stop sending new calls.
  int64_t prestop_seconds = 0;
  // Seconds between checks of the database; readiness is NOT_SERVING while it is unreachable.
  int64_t readiness_check_seconds = 5;
  // Apply the migrations and exit (a Job before a rollout); no TLS or identity provider needed.
  bool migrate_only = false;
  // Lowest log level written: debug, info, warning or error.
  std::string log_level = "info";
  // Mutual TLS for the server and for the service's own calls to other services: all three
  // files or none (plaintext).
  TlsFiles tls;
  // How often the TLS files are read again, so rotated certificates are used without a restart.
  int64_t tls_refresh_seconds = 60;
  // Serve without TLS: only on a loopback address, and only when asked for by name.
  bool insecure_plaintext = false;
  // The council's identity provider: its signing keys (a JWKS file, read again every
  // tls_refresh_seconds for rotation), the issuer and audience its tokens must name, and the
  // claims that carry roles and councils.
  std::string jwks_file;
  std::string jwt_issuer;
  std::string jwt_audience;
  std::string jwt_roles_claim = "roles";
  std::string jwt_councils_claim = "pif_councils";
  // Certificate names (CN or DNS SAN) of the pif services that may call services-only rpcs,
  // comma-separated.
  std::string service_identities = "pif-intake,pif-indicators,pif-workforce,pif-reporting";
};

// OK when the identity provider options are complete: a JWKS file, an issuer and an audience
// (every call carries a token verified against them); INVALID_ARGUMENT naming what is missing.
absl::Status CheckIdentityProvider(const ServerOptions& options);

// OK when the transport the options ask for may be used: TLS files (all three), or
// --insecure_plaintext on a loopback listen address (127.0.0.0/8, ::1, localhost) and no TLS
// file. INVALID_ARGUMENT saying what to do otherwise.
absl::Status CheckTransport(const ServerOptions& options);

// The record streams that may be open at once: --max_concurrent_streams, or half the database
// pool (at least 1) when it is 0.
int64_t StreamCapOf(const ServerOptions& options);

// OK when the stream cap is below the pool size (a pool of 1 allows a cap of 1), so calls other
// than streams always find a connection; INVALID_ARGUMENT saying what to change otherwise.
absl::Status CheckStreamCap(const ServerOptions& options);

// Declares the shared flags on `flags`, writing into *options (whose values are the defaults).
void AddServerFlags(FlagSet& flags, ServerOptions* options);

}  // namespace pif
