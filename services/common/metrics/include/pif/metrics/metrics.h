// A service's metrics on prometheus-cpp: its registry, gauges read at scrape time, the process
// metrics and the build info, served at /metrics for Prometheus to scrape.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/metrics/callback_gauges.h"
#include "prometheus/labels.h"
#include "prometheus/metric_family.h"
#include "prometheus/registry.h"

namespace prometheus {
class Exposer;
}

namespace pif {

class ProcessCollector;

// Everything a service exports. pif_build_info{service,version} 1 and the process metrics are
// there from construction; the service adds its own to registry() and AddGauges(). Thread-safe.
class Metrics {
 public:
  // The metrics of service `service` ("intake"), not served until Serve().
  explicit Metrics(std::string service);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Where the service's counters, gauges and histograms are registered.
  prometheus::Registry& registry() { return *registry_; }

  // Adds gauges read at every scrape until the returned registration is destroyed.
  [[nodiscard]] GaugeRegistration AddGauges(std::vector<CallbackGauge> gauges);

  // Serves GET /metrics on `listen` (host:port; port 0 picks a free port) until destroyed
  // (destruction then waits up to 2 s: civetweb's accept loop looks for the stop every 2 s).
  // INVALID_ARGUMENT for a malformed address, UNAVAILABLE when it cannot listen there,
  // FAILED_PRECONDITION when already serving.
  absl::Status Serve(const std::string& listen);
  // The port /metrics is served on, 0 when not serving.
  int port() const { return port_; }

  // Every metric in the Prometheus text format (0.0.4), as a scrape would see it.
  std::string RenderText() const;
  // The value of the counter or gauge `name` whose labels are exactly `labels`; 0 when there is
  // none. For tests and self-checks.
  double Value(const std::string& name, const prometheus::Labels& labels) const;

 private:
  std::vector<prometheus::MetricFamily> Collect() const;

  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<ProcessCollector> process_;
  std::shared_ptr<CallbackGauges> gauges_;
  // Declared last so that it stops serving before the collectables it reads are destroyed.
  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
};

}  // namespace pif
