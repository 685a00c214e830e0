// The shared gRPC server bootstrap: listening, limits, interceptors, health, reflection, drain.
#pragma once

#include <grpcpp/impl/codegen/service_type.h>
#include <grpcpp/server.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/core/server_options.h"
#include "pif/metrics/endpoint.h"
#include "pif/metrics/registry.h"

namespace pif {

// A gRPC service to host, with the full name health checks report it under.
struct HostedService {
  // Fully qualified service name, e.g. "pif.intake.v1.IntakeService".
  std::string name;
  // The implementation; the host keeps it alive while serving.
  std::unique_ptr<grpc::Service> service;
};

// A running gRPC server (and metrics endpoint) hosting a service's implementations.
class ServiceHost {
 public:
  // Builds and starts the server: credentials, message limits, rpc metrics, health checking
  // (SERVING for "" and every hosted name), reflection. UNAVAILABLE when it cannot listen.
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Start(
      const ServerOptions& options, std::vector<HostedService> services,
      std::shared_ptr<MetricsRegistry> metrics);
  ~ServiceHost();

  // The gRPC port actually bound (useful with port 0).
  int port() const { return port_; }
  // The metrics port actually bound, or 0 when metrics are off.
  int metrics_port() const { return metrics_ ? metrics_->port() : 0; }

  // Reports NOT_SERVING to health checks, stops taking calls, lets in-flight calls run until
  // `deadline` passes, then cancels the rest; returns when the server has stopped.
  void Drain(absl::Duration deadline);

 private:
  ServiceHost() = default;
  std::vector<HostedService> services_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<MetricsEndpoint> metrics_;
  int port_ = 0;
  bool drained_ = false;
};

}  // namespace pif
