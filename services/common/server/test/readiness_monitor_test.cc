// The readiness monitor over a fake probe: first outcome reported, each change reported once.
#include <atomic>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "pif/metrics/metrics.h"
#include "readiness.h"

namespace pif {
namespace {

struct Reports {
  absl::Mutex mutex;
  std::vector<bool> seen ABSL_GUARDED_BY(mutex);
  void Add(bool ready) {
    absl::MutexLock lock(&mutex);
    seen.push_back(ready);
  }
  // Waits up to 5 s until `count` reports arrived; returns them.
  std::vector<bool> WaitFor(size_t count) {
    absl::MutexLock lock(&mutex);
    auto arrived = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) { return seen.size() >= count; };
    mutex.AwaitWithTimeout(absl::Condition(&arrived), absl::Seconds(5));
    return seen;
  }
};

TEST(ReadinessMonitorTest, ReportsTheFirstOutcomeAndEachChangeUntilTheDatabaseComesBack) {
  std::atomic<bool> reachable{true};
  std::atomic<int> probes{0};
  Reports reports;
  {
    ReadinessMonitor monitor(
        [&] {
          ++probes;
          return reachable ? absl::OkStatus() : absl::UnavailableError("database down");
        },
        [&](bool ready) { reports.Add(ready); }, absl::Milliseconds(10));
    EXPECT_EQ(reports.WaitFor(1), std::vector<bool>({true}));
    reachable = false;
    EXPECT_EQ(reports.WaitFor(2), std::vector<bool>({true, false}));
    // Unchanged outcomes are not reported again.
    const int before = probes;
    while (probes < before + 5) absl::SleepFor(absl::Milliseconds(5));
    EXPECT_EQ(reports.WaitFor(2).size(), 2u);
    reachable = true;
    EXPECT_EQ(reports.WaitFor(3), std::vector<bool>({true, false, true}));
  }
  // Stopped with the monitor: no probe runs after it is destroyed.
  const int after = probes;
  absl::SleepFor(absl::Milliseconds(50));
  EXPECT_EQ(probes, after);
}

TEST(ReadinessMonitorTest, AnUnreachableDatabaseAtStartIsReportedAsNotReady) {
  Reports reports;
  ReadinessMonitor monitor([] { return absl::UnavailableError("database down"); },
                           [&](bool ready) { reports.Add(ready); }, absl::Seconds(60));
  EXPECT_EQ(reports.WaitFor(1), std::vector<bool>({false}));
}

TEST(ReachabilityGaugesTest, ShowWhetherTheLastCheckReachedTheDatabase) {
  auto reachable = std::make_shared<std::atomic<bool>>(true);
  Metrics metrics("intake");
  GaugeRegistration gauges = metrics.AddGauges(ReachabilityGauges(reachable));
  EXPECT_EQ(metrics.Value("pif_database_reachable", {}), 1);
  reachable->store(false);
  EXPECT_EQ(metrics.Value("pif_database_reachable", {}), 0);
}

}  // namespace
}  // namespace pif
