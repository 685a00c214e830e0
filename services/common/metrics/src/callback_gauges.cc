#include "pif/metrics/callback_gauges.h"

#include <utility>

namespace pif {

GaugeRegistration::GaugeRegistration(std::weak_ptr<CallbackGauges> owner, uint64_t id)
    : owner_(std::move(owner)), id_(id) {}

GaugeRegistration::GaugeRegistration(GaugeRegistration&& other) noexcept
    : owner_(std::move(other.owner_)), id_(other.id_) {
  other.id_ = 0;
}

GaugeRegistration& GaugeRegistration::operator=(GaugeRegistration&& other) noexcept {
  if (this != &other) {
    Release();
    owner_ = std::move(other.owner_);
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

GaugeRegistration::~GaugeRegistration() { Release(); }

void GaugeRegistration::Release() {
  if (id_ == 0) return;
  if (std::shared_ptr<CallbackGauges> owner = owner_.lock()) owner->Remove(id_);
  id_ = 0;
}

std::shared_ptr<CallbackGauges> CallbackGauges::Create() {
  return std::shared_ptr<CallbackGauges>(new CallbackGauges());
}

GaugeRegistration CallbackGauges::Add(std::vector<CallbackGauge> gauges) {
  std::lock_guard<std::mutex> lock(mutex_);
  const uint64_t id = next_id_++;
  groups_.emplace(id, std::move(gauges));
  return GaugeRegistration(weak_from_this(), id);
}

void CallbackGauges::Remove(uint64_t id) {
  // Taking the lock waits for a scrape that is reading these gauges right now.
  std::lock_guard<std::mutex> lock(mutex_);
  groups_.erase(id);
}

std::vector<prometheus::MetricFamily> CallbackGauges::Collect() const {
  std::map<std::string, prometheus::MetricFamily> families;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, gauges] : groups_) {
    for (const CallbackGauge& gauge : gauges) {
      prometheus::MetricFamily& family = families[gauge.name];
      if (family.name.empty()) {
        family.name = gauge.name;
        family.help = gauge.help;
        family.type = prometheus::MetricType::Gauge;
      }
      prometheus::ClientMetric series;
      for (const auto& [key, value] : gauge.labels) series.label.push_back({key, value});
      series.gauge.value = gauge.read();
      family.metric.push_back(std::move(series));
    }
  }
  std::vector<prometheus::MetricFamily> out;
  out.reserve(families.size());
  for (auto& [name, family] : families) out.push_back(std::move(family));
  return out;
}

}  // namespace pif
