// Readiness that follows the database: NOT_SERVING while it cannot be reached, back by itself.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "pif/metrics/callback_gauges.h"
#include "pif/pg/pool.h"

namespace pif {

// One cheap round trip (SELECT 1) through a connection of `pool`: OK when the database answered,
// UNAVAILABLE when it cannot be reached. A pool whose every connection is lent (the service is
// busy, so the database answers) counts as reachable.
absl::Status ProbeDatabase(pg::Pool& pool, absl::Duration timeout = absl::Seconds(2));

// pif_database_reachable: 1 while the last database check succeeded, 0 while it failed.
std::vector<CallbackGauge> ReachabilityGauges(std::shared_ptr<const std::atomic<bool>> reachable);

// Calls `probe` now and every `interval` on its own thread and reports each change of its
// outcome to `set_ready` (the first outcome always); stops when destroyed.
class ReadinessMonitor {
 public:
  ReadinessMonitor(std::function<absl::Status()> probe, std::function<void(bool)> set_ready,
                   absl::Duration interval);
  ~ReadinessMonitor();
  ReadinessMonitor(const ReadinessMonitor&) = delete;
  ReadinessMonitor& operator=(const ReadinessMonitor&) = delete;

 private:
  void Run();
  const std::function<absl::Status()> probe_;
  const std::function<void(bool)> set_ready_;
  const absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace pif
