#include "pif/metrics/registry.h"

#include "gtest/gtest.h"

namespace pif {
namespace {

bool Contains(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

TEST(MetricsRegistryTest, CountsRpcsByMethodAndCode) {
  MetricsRegistry registry;
  registry.RecordRpc("intake", "/m/A", "OK", 0.002);
  registry.RecordRpc("intake", "/m/A", "OK", 0.2);
  registry.RecordRpc("intake", "/m/A", "INVALID_ARGUMENT", 0.001);
  EXPECT_EQ(registry.Value("pif_rpc_requests_total",
                           {{"service", "intake"}, {"method", "/m/A"}, {"code", "OK"}}),
            2);
  const std::string text = registry.RenderText();
  EXPECT_TRUE(Contains(text, "# TYPE pif_rpc_requests_total counter\n"));
  EXPECT_TRUE(
      Contains(text, "pif_rpc_requests_total{service=\"intake\",method=\"/m/A\",code=\"OK\"} 2\n"));
  EXPECT_TRUE(Contains(text, "# TYPE pif_rpc_duration_seconds histogram\n"));
  // Buckets are cumulative: 0.001 and 0.002 fall at or under 0.0025, 0.2 under 0.25.
  EXPECT_TRUE(Contains(
      text,
      "pif_rpc_duration_seconds_bucket{service=\"intake\",method=\"/m/A\",le=\"0.0025\"} 2\n"));
  EXPECT_TRUE(Contains(
      text, "pif_rpc_duration_seconds_bucket{service=\"intake\",method=\"/m/A\",le=\"0.25\"} 3\n"));
  EXPECT_TRUE(Contains(
      text, "pif_rpc_duration_seconds_bucket{service=\"intake\",method=\"/m/A\",le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(
      Contains(text, "pif_rpc_duration_seconds_count{service=\"intake\",method=\"/m/A\"} 3\n"));
}

TEST(MetricsRegistryTest, EscapesLabelValues) {
  MetricsRegistry registry;
  registry.AddCounter("pif_x_total", "x", {{"k", "a\"b\\c\nd"}});
  EXPECT_TRUE(Contains(registry.RenderText(), "pif_x_total{k=\"a\\\"b\\\\c\\nd\"} 1\n"));
}

TEST(MetricsRegistryTest, GaugeKeepsLastValue) {
  MetricsRegistry registry;
  registry.SetGauge("pif_g", "g", {}, 5);
  registry.SetGauge("pif_g", "g", {}, 3.5);
  EXPECT_EQ(registry.Value("pif_g", {}), 3.5);
  EXPECT_TRUE(Contains(registry.RenderText(), "# TYPE pif_g gauge\npif_g 3.5\n"));
}

}  // namespace
}  // namespace pif
