#include "pif/metrics/metrics.h"

#include <string>

#include "gtest/gtest.h"
#include "pif/core/version.h"
#include "prometheus/counter.h"
#include "prometheus/histogram.h"

namespace pif {
namespace {

bool Contains(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

TEST(MetricsTest, CarriesTheBuildInfoOfTheService) {
  Metrics metrics("intake");
  EXPECT_EQ(
      metrics.Value("pif_build_info", {{"service", "intake"}, {"version", std::string(Version())}}),
      1);
  EXPECT_TRUE(Contains(metrics.RenderText(), "pif_build_info{service=\"intake\",version=\"" +
                                                 std::string(Version()) + "\"} 1\n"));
}

TEST(MetricsTest, RendersWhatTheServiceRegistersWithTheProcessMetrics) {
  Metrics metrics("intake");
  auto& calls =
      prometheus::BuildCounter().Name("pif_x_total").Help("x").Register(metrics.registry());
  calls.Add({{"k", "a"}}).Increment(2);
  calls.Add({{"k", "b"}}).Increment();
  auto& latency =
      prometheus::BuildHistogram().Name("pif_y_seconds").Help("y").Register(metrics.registry());
  latency.Add({}, prometheus::Histogram::BucketBoundaries{0.1, 1}).Observe(0.5);
  const std::string text = metrics.RenderText();
  EXPECT_TRUE(Contains(text, "# TYPE pif_x_total counter\n")) << text;
  EXPECT_TRUE(Contains(text, "pif_x_total{k=\"a\"} 2\n")) << text;
  EXPECT_TRUE(Contains(text, "pif_y_seconds_bucket{le=\"0.1\"} 0\n")) << text;
  EXPECT_TRUE(Contains(text, "pif_y_seconds_bucket{le=\"1\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "pif_y_seconds_count 1\n")) << text;
  EXPECT_TRUE(Contains(text, "# TYPE process_resident_memory_bytes gauge\n")) << text;
  EXPECT_EQ(metrics.Value("pif_x_total", {{"k", "a"}}), 2);
  EXPECT_EQ(metrics.Value("pif_x_total", {{"k", "b"}}), 1);
}

TEST(MetricsTest, ValueIsZeroForASeriesThatIsNotThere) {
  Metrics metrics("intake");
  auto& calls =
      prometheus::BuildCounter().Name("pif_x_total").Help("x").Register(metrics.registry());
  calls.Add({{"k", "a"}}).Increment();
  EXPECT_EQ(metrics.Value("pif_x_total", {{"k", "other"}}), 0);
  EXPECT_EQ(metrics.Value("pif_x_total", {}), 0);  // labels must match exactly
  EXPECT_EQ(metrics.Value("pif_nothing", {}), 0);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics("intake");
  prometheus::BuildCounter()
      .Name("pif_x_total")
      .Help("x")
      .Register(metrics.registry())
      .Add({{"k", "a\"b\\c\nd"}})
      .Increment();
  EXPECT_TRUE(Contains(metrics.RenderText(), "pif_x_total{k=\"a\\\"b\\\\c\\nd\"} 1\n"));
}

TEST(MetricsTest, IsNotServedUntilAskedTo) {
  Metrics metrics("intake");
  EXPECT_EQ(metrics.port(), 0);
}

}  // namespace
}  // namespace pif
