// In-process metrics with Prometheus text exposition: counters and latency histograms by label.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace pif {

// Label pairs of one series, e.g. {{"method", "/pif.intake.v1.IntakeService/SubmitRecords"}}.
using Labels = std::vector<std::pair<std::string, std::string>>;

// A thread-safe set of metric families rendered in the Prometheus text format (version 0.0.4).
class MetricsRegistry {
 public:
  // Upper bounds, in seconds, of the latency histogram buckets.
  static const std::vector<double>& LatencyBuckets();

  // Adds `delta` to counter `name`{labels}; `help` documents the family on first use.
  void AddCounter(absl::string_view name, absl::string_view help, const Labels& labels,
                  double delta = 1);
  // Sets gauge `name`{labels} to `value`.
  void SetGauge(absl::string_view name, absl::string_view help, const Labels& labels, double value);
  // Records one observation of `seconds` in histogram `name`{labels}.
  void ObserveLatency(absl::string_view name, absl::string_view help, const Labels& labels,
                      double seconds);

  // Counts one finished rpc: pif_rpc_requests_total and pif_rpc_duration_seconds.
  void RecordRpc(absl::string_view service, absl::string_view method, absl::string_view code,
                 double seconds);

  // Current value of a counter or gauge series, 0 when absent; for tests and self-checks.
  double Value(absl::string_view name, const Labels& labels) const;

  // All families in the Prometheus text exposition format.
  std::string RenderText() const;

 private:
  enum class Kind { kCounter, kGauge, kHistogram };
  struct Histogram {
    std::vector<uint64_t> bucket_counts;  // cumulative counts are computed when rendering
    uint64_t count = 0;
    double sum = 0;
  };
  struct Family {
    Kind kind = Kind::kCounter;
    std::string help;
    std::map<Labels, double> values;
    std::map<Labels, Histogram> histograms;
  };
  Family& FamilyFor(absl::string_view name, absl::string_view help, Kind kind);

  mutable std::mutex mutex_;
  std::map<std::string, Family, std::less<>> families_;
};

}  // namespace pif
