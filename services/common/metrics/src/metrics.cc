#include "pif/metrics/metrics.h"

#include <exception>
#include <utility>

#include "absl/strings/str_cat.h"
#include "listen_address.h"
#include "pif/core/version.h"
#include "process_collector.h"
#include "prometheus/exposer.h"
#include "prometheus/gauge.h"
#include "prometheus/text_serializer.h"

namespace pif {

Metrics::Metrics(std::string service)
    : registry_(std::make_shared<prometheus::Registry>()),
      process_(std::make_shared<ProcessCollector>()),
      gauges_(CallbackGauges::Create()) {
  prometheus::BuildGauge()
      .Name("pif_build_info")
      .Help("The service and the version of its build; always 1.")
      .Register(*registry_)
      .Add({{"service", std::move(service)}, {"version", std::string(Version())}})
      .Set(1);
}

Metrics::~Metrics() = default;

GaugeRegistration Metrics::AddGauges(std::vector<CallbackGauge> gauges) {
  return gauges_->Add(std::move(gauges));
}

absl::Status Metrics::Serve(const std::string& listen) {
  if (exposer_ != nullptr) return absl::FailedPreconditionError("metrics are already served");
  absl::StatusOr<std::string> address = CivetListenAddress(listen);
  if (!address.ok()) return address.status();
  try {
    auto exposer = std::make_unique<prometheus::Exposer>(*address);
    const std::vector<int> ports = exposer->GetListeningPorts();
    if (ports.empty() || ports.front() <= 0) {
      return absl::UnavailableError(absl::StrCat("cannot listen for metrics on ", listen));
    }
    exposer->RegisterCollectable(registry_);
    exposer->RegisterCollectable(process_);
    exposer->RegisterCollectable(gauges_);
    port_ = ports.front();
    exposer_ = std::move(exposer);
  } catch (const std::exception&) {
    // civetweb could not bind (the port is taken, or the address is not this machine's).
    return absl::UnavailableError(absl::StrCat("cannot listen for metrics on ", listen));
  }
  return absl::OkStatus();
}

std::vector<prometheus::MetricFamily> Metrics::Collect() const {
  std::vector<prometheus::MetricFamily> families = registry_->Collect();
  for (const auto* collectable : {static_cast<const prometheus::Collectable*>(process_.get()),
                                  static_cast<const prometheus::Collectable*>(gauges_.get())}) {
    std::vector<prometheus::MetricFamily> more = collectable->Collect();
    families.insert(families.end(), std::make_move_iterator(more.begin()),
                    std::make_move_iterator(more.end()));
  }
  return families;
}

std::string Metrics::RenderText() const {
  return prometheus::TextSerializer().Serialize(Collect());
}

double Metrics::Value(const std::string& name, const prometheus::Labels& labels) const {
  for (const prometheus::MetricFamily& family : Collect()) {
    if (family.name != name) continue;
    for (const prometheus::ClientMetric& series : family.metric) {
      prometheus::Labels series_labels;
      for (const auto& label : series.label) series_labels[label.name] = label.value;
      if (series_labels != labels) continue;
      switch (family.type) {
        case prometheus::MetricType::Counter:
          return series.counter.value;
        case prometheus::MetricType::Gauge:
          return series.gauge.value;
        case prometheus::MetricType::Untyped:
          return series.untyped.value;
        default:
          return 0;
      }
    }
  }
  return 0;
}

}  // namespace pif
