// Gauges whose values are read when metrics are scraped: the sizes of pools, caches and queues.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "prometheus/collectable.h"
#include "prometheus/labels.h"
#include "prometheus/metric_family.h"

namespace pif {

// One gauge series read at every scrape, e.g. pif_db_pool_size or the records a cache holds.
struct CallbackGauge {
  // The metric name, e.g. "pif_db_pool_connections".
  std::string name;
  // The family's help text.
  std::string help;
  // Bounded labels naming what is measured; never a child's data, never a per-council series.
  prometheus::Labels labels;
  // Reads the value; called on the scraping thread, so it must be thread-safe and quick.
  std::function<double()> read;
};

class CallbackGauges;

// Keeps a group of gauges in the scrape while it lives; destroy it before what they read.
class GaugeRegistration {
 public:
  GaugeRegistration() = default;
  GaugeRegistration(GaugeRegistration&& other) noexcept;
  GaugeRegistration& operator=(GaugeRegistration&& other) noexcept;
  GaugeRegistration(const GaugeRegistration&) = delete;
  GaugeRegistration& operator=(const GaugeRegistration&) = delete;
  // Takes the gauges out of the scrape; returns after any scrape reading them has finished.
  ~GaugeRegistration();

 private:
  friend class CallbackGauges;
  GaugeRegistration(std::weak_ptr<CallbackGauges> owner, uint64_t id);
  void Release();
  std::weak_ptr<CallbackGauges> owner_;
  uint64_t id_ = 0;
};

// Every registered CallbackGauge, as one prometheus Collectable (series of one name form one
// family). Thread-safe.
class CallbackGauges : public prometheus::Collectable,
                       public std::enable_shared_from_this<CallbackGauges> {
 public:
  // A new, empty set (always shared: registrations hold it weakly).
  static std::shared_ptr<CallbackGauges> Create();
  // Adds `gauges` to every scrape until the returned registration is destroyed.
  [[nodiscard]] GaugeRegistration Add(std::vector<CallbackGauge> gauges);
  // The current value of every registered gauge, by family name.
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  friend class GaugeRegistration;
  CallbackGauges() = default;
  void Remove(uint64_t id);

  mutable std::mutex mutex_;
  uint64_t next_id_ = 1;
  std::map<uint64_t, std::vector<CallbackGauge>> groups_;
};

}  // namespace pif
