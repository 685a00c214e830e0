// The process metrics Prometheus clients conventionally export, read from /proc/self.
#pragma once

#include <vector>

#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"

namespace pif {

// process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
// process_open_fds, process_max_fds and process_start_time_seconds, read at every scrape.
// A value /proc cannot give (another kernel, a restricted /proc) is left out, not reported as 0.
class ProcessCollector : public prometheus::Collectable {
 public:
  // The current values of this process.
  std::vector<prometheus::MetricFamily> Collect() const override;
};

}  // namespace pif
