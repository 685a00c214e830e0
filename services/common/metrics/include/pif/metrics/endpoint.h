// The HTTP endpoint that serves a MetricsRegistry at /metrics for Prometheus to scrape.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "pif/metrics/registry.h"

namespace httplib {
class Server;
}

namespace pif {

// Serves GET /metrics on its own thread until destroyed.
class MetricsEndpoint {
 public:
  // Listens on `listen` (host:port; port 0 picks one); UNAVAILABLE when the port is taken.
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(
      const std::string& listen, std::shared_ptr<MetricsRegistry> registry);
  ~MetricsEndpoint();
  // The port actually bound.
  int port() const { return port_; }

 private:
  MetricsEndpoint() = default;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

// Splits "host:port" (or "[v6]:port"); INVALID_ARGUMENT when the port is missing or not a number.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address);

}  // namespace pif
