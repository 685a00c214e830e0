#include "readiness.h"

#include <optional>

#include "pif/core/log.h"

namespace pif {

absl::Status ProbeDatabase(pg::Pool& pool, absl::Duration timeout) {
  absl::StatusOr<pg::Pool::Lease> lease = pool.Acquire(timeout);
  if (!lease.ok()) {
    const pg::Pool::Stats stats = pool.CurrentStats();
    if (stats.in_use >= stats.size) return absl::OkStatus();  // busy, not broken
    return lease.status();
  }
  try {
    pqxx::nontransaction tx(**lease);
    tx.exec("SELECT 1");
    return absl::OkStatus();
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

std::vector<CallbackGauge> ReachabilityGauges(std::shared_ptr<const std::atomic<bool>> reachable) {
  return {{"pif_database_reachable",
           "1 while the service's database answered its last check (readiness), 0 otherwise.",
           {},
           [reachable] { return reachable->load() ? 1.0 : 0.0; }}};
}

ReadinessMonitor::ReadinessMonitor(std::function<absl::Status()> probe,
                                   std::function<void(bool)> set_ready, absl::Duration interval)
    : probe_(std::move(probe)),
      set_ready_(std::move(set_ready)),
      interval_(interval),
      thread_([this] { Run(); }) {}

ReadinessMonitor::~ReadinessMonitor() {
  stop_.Notify();
  thread_.join();
}

void ReadinessMonitor::Run() {
  std::optional<bool> reported;
  do {
    const absl::Status probed = probe_();
    const bool ready = probed.ok();
    if (reported != ready) {
      if (ready) {
        log::Event(log::Level::kInfo, "readiness").Str(log::Key::kMode, "serving");
      } else {
        log::Event(log::Level::kWarning, "readiness")
            .Str(log::Key::kMode, "not_serving_database_unreachable")
            .Str(log::Key::kError, std::string(probed.message()));
      }
      set_ready_(ready);
      reported = ready;
    }
  } while (!stop_.WaitForNotificationWithTimeout(interval_));
}

}  // namespace pif
