// The shared gRPC server bootstrap: listening, limits, interceptors, health, reflection, drain.
#pragma once

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/server.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "pif/audit/audit_log.h"
#include "pif/core/server_options.h"
#include "pif/grpc/call_scope.h"
#include "pif/metrics/callback_gauges.h"
#include "pif/metrics/metrics.h"

namespace pif {

// A gRPC service to host, with the full name health checks report it under.
struct HostedService {
  // Fully qualified service name, e.g. "pif.intake.v1.IntakeService".
  std::string name;
  // The implementation; the host keeps it alive while serving.
  std::unique_ptr<grpc::Service> service;
  // Gauges of what the implementation holds (caches, queues), read at every scrape while the
  // host lives; they may point into `service`.
  std::vector<CallbackGauge> gauges = {};
};

// A running gRPC server (and metrics endpoint) hosting a service's implementations.
class ServiceHost {
 public:
  // Builds and starts the server: credentials, message limits, rpc metrics into `metrics` (a new
  // set when null), the
  // hosted services' gauges, health checking (SERVING for "" and every hosted name), reflection;
  // and serves `metrics` at options.metrics_listen when it is set. UNAVAILABLE when it cannot
  // listen.
  // With options.health_listen, a second, plaintext server there answers grpc.health.v1 alone
  // (no reflection, no hosted service), mirroring the statuses of the first.
  // Every call is recorded for the CallScope its handler opens, authenticated with `auth` (none:
  // every call that needs a caller is UNAUTHENTICATED), and kept in `audit` before it is
  // answered (AccessAuditInterceptorFactory: a call whose record cannot be kept is answered
  // UNAVAILABLE; none: the access line is only logged).
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Start(
      const ServerOptions& options, std::vector<HostedService> services,
      std::shared_ptr<Metrics> metrics, std::shared_ptr<const CallAuthOptions> auth = nullptr,
      std::shared_ptr<audit::AuditSink> audit = nullptr);
  ~ServiceHost();

  // The gRPC port actually bound (useful with port 0).
  int port() const { return port_; }
  // The metrics port actually bound, or 0 when metrics are not served.
  int metrics_port() const { return metrics_->port(); }
  // The plaintext health port actually bound, or 0 when options.health_listen was empty.
  int health_port() const { return health_port_; }

  // Readiness: each hosted service's name reports SERVING (true) or NOT_SERVING (false) on both
  // ports; "" (liveness) stays SERVING until the drain. Ignored once draining.
  void SetReady(bool ready);

  // Reports NOT_SERVING to health checks, stops taking calls, lets in-flight calls run until
  // `deadline` passes, then cancels the rest; returns when the server has stopped.
  void Drain(absl::Duration deadline);

 private:
  ServiceHost() = default;
  std::shared_ptr<Metrics> metrics_;
  std::vector<HostedService> services_;
  std::unique_ptr<grpc::Server> server_;
  // The plaintext server answering only grpc.health.v1, when asked for.
  std::unique_ptr<grpc::Server> health_server_;
  std::unique_ptr<grpc::CallbackGenericService> health_unimplemented_;
  int health_port_ = 0;
  // Destroyed before the services whose parts the gauges read.
  std::vector<GaugeRegistration> gauges_;
  int port_ = 0;
  // Guards the health statuses against SetReady once draining has begun.
  absl::Mutex health_mutex_;
  bool drained_ ABSL_GUARDED_BY(health_mutex_) = false;
};

}  // namespace pif
