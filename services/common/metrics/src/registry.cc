#include "pif/metrics/registry.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace pif {
namespace {

std::string EscapeLabelValue(absl::string_view value) {
  return absl::StrReplaceAll(value, {{"\\", "\\\\"}, {"\"", "\\\""}, {"\n", "\\n"}});
}

std::string RenderLabels(const Labels& labels, absl::string_view extra_key = {},
                         absl::string_view extra_value = {}) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : labels) {
    parts.push_back(absl::StrCat(key, "=\"", EscapeLabelValue(value), "\""));
  }
  if (!extra_key.empty()) parts.push_back(absl::StrCat(extra_key, "=\"", extra_value, "\""));
  if (parts.empty()) return "";
  std::string out = "{";
  for (size_t i = 0; i < parts.size(); ++i) absl::StrAppend(&out, i ? "," : "", parts[i]);
  return out + "}";
}

std::string FormatNumber(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrCat(value);
}

}  // namespace

const std::vector<double>& MetricsRegistry::LatencyBuckets() {
  static const std::vector<double> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                              0.25,  0.5,    1,     2.5,  5,     10,   30};
  return buckets;
}

MetricsRegistry::Family& MetricsRegistry::FamilyFor(absl::string_view name, absl::string_view help,
                                                    Kind kind) {
  auto it = families_.find(name);
  if (it == families_.end()) {
    it = families_.emplace(std::string(name), Family{}).first;
    it->second.kind = kind;
    it->second.help = std::string(help);
  }
  return it->second;
}

void MetricsRegistry::AddCounter(absl::string_view name, absl::string_view help,
                                 const Labels& labels, double delta) {
  std::lock_guard<std::mutex> lock(mutex_);
  FamilyFor(name, help, Kind::kCounter).values[labels] += delta;
}

void MetricsRegistry::SetGauge(absl::string_view name, absl::string_view help, const Labels& labels,
                               double value) {
  std::lock_guard<std::mutex> lock(mutex_);
  FamilyFor(name, help, Kind::kGauge).values[labels] = value;
}

void MetricsRegistry::ObserveLatency(absl::string_view name, absl::string_view help,
                                     const Labels& labels, double seconds) {
  const std::vector<double>& bounds = LatencyBuckets();
  std::lock_guard<std::mutex> lock(mutex_);
  Histogram& histogram = FamilyFor(name, help, Kind::kHistogram).histograms[labels];
  if (histogram.bucket_counts.empty()) histogram.bucket_counts.assign(bounds.size(), 0);
  auto bucket = std::lower_bound(bounds.begin(), bounds.end(), seconds);
  if (bucket != bounds.end()) ++histogram.bucket_counts[bucket - bounds.begin()];
  ++histogram.count;
  histogram.sum += seconds;
}

void MetricsRegistry::RecordRpc(absl::string_view service, absl::string_view method,
                                absl::string_view code, double seconds) {
  AddCounter("pif_rpc_requests_total", "Finished gRPC calls by method and status code.",
             {{"service", std::string(service)},
              {"method", std::string(method)},
              {"code", std::string(code)}});
  ObserveLatency("pif_rpc_duration_seconds", "Latency of finished gRPC calls in seconds.",
                 {{"service", std::string(service)}, {"method", std::string(method)}}, seconds);
}

double MetricsRegistry::Value(absl::string_view name, const Labels& labels) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto family = families_.find(name);
  if (family == families_.end()) return 0;
  auto series = family->second.values.find(labels);
  return series == family->second.values.end() ? 0 : series->second;
}

std::string MetricsRegistry::RenderText() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  const std::vector<double>& bounds = LatencyBuckets();
  for (const auto& [name, family] : families_) {
    const char* type = family.kind == Kind::kCounter ? "counter"
                       : family.kind == Kind::kGauge ? "gauge"
                                                     : "histogram";
    absl::StrAppend(&out, "# HELP ", name, " ", family.help, "\n# TYPE ", name, " ", type, "\n");
    for (const auto& [labels, value] : family.values) {
      absl::StrAppend(&out, name, RenderLabels(labels), " ", FormatNumber(value), "\n");
    }
    for (const auto& [labels, histogram] : family.histograms) {
      uint64_t cumulative = 0;
      for (size_t i = 0; i < bounds.size(); ++i) {
        cumulative += histogram.bucket_counts[i];
        absl::StrAppend(&out, name, "_bucket", RenderLabels(labels, "le", FormatNumber(bounds[i])),
                        " ", cumulative, "\n");
      }
      absl::StrAppend(&out, name, "_bucket", RenderLabels(labels, "le", "+Inf"), " ",
                      histogram.count, "\n");
      absl::StrAppend(&out, name, "_sum", RenderLabels(labels), " ", FormatNumber(histogram.sum),
                      "\n");
      absl::StrAppend(&out, name, "_count", RenderLabels(labels), " ", histogram.count, "\n");
    }
  }
  return out;
}

}  // namespace pif
