#include "pif/metrics/callback_gauges.h"

#include <atomic>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "pif/metrics/metrics.h"

namespace pif {
namespace {

bool Contains(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

TEST(CallbackGaugesTest, ReadsTheValueAtEveryScrape) {
  Metrics metrics("intake");
  std::atomic<int> idle{3};
  GaugeRegistration registration =
      metrics.AddGauges({{"pif_db_pool_connections", "Connections.", {{"state", "idle"}}, [&] {
                            return idle.load();
                          }}});
  EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "idle"}}), 3);
  idle = 1;
  EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "idle"}}), 1);
  EXPECT_TRUE(Contains(metrics.RenderText(),
                       "# TYPE pif_db_pool_connections gauge\n"
                       "pif_db_pool_connections{state=\"idle\"} 1\n"));
}

TEST(CallbackGaugesTest, SeriesOfOneNameFormOneFamily) {
  Metrics metrics("intake");
  GaugeRegistration registration = metrics.AddGauges(
      {{"pif_db_pool_connections", "Connections.", {{"state", "idle"}}, [] { return 2.0; }},
       {"pif_db_pool_connections", "Connections.", {{"state", "in_use"}}, [] { return 5.0; }}});
  const std::string text = metrics.RenderText();
  EXPECT_TRUE(Contains(text,
                       "# HELP pif_db_pool_connections Connections.\n"
                       "# TYPE pif_db_pool_connections gauge\n"
                       "pif_db_pool_connections{state=\"idle\"} 2\n"
                       "pif_db_pool_connections{state=\"in_use\"} 5\n"))
      << text;
  EXPECT_EQ(text.find("# TYPE pif_db_pool_connections"),
            text.rfind("# TYPE pif_db_pool_connections"));
}

TEST(CallbackGaugesTest, DestroyedRegistrationTakesItsGaugesOutOfTheScrape) {
  Metrics metrics("intake");
  int reads = 0;
  {
    GaugeRegistration registration =
        metrics.AddGauges({{"pif_cache_entries", "Entries.", {}, [&] { return ++reads; }}});
    EXPECT_TRUE(Contains(metrics.RenderText(), "pif_cache_entries 1\n"));
  }
  EXPECT_FALSE(Contains(metrics.RenderText(), "pif_cache_entries"));
  EXPECT_EQ(reads, 1);
}

TEST(CallbackGaugesTest, AMovedRegistrationKeepsTheGaugesUntilItsLastOwnerGoes) {
  Metrics metrics("intake");
  GaugeRegistration kept;
  {
    GaugeRegistration first =
        metrics.AddGauges({{"pif_cache_entries", "Entries.", {}, [] { return 4.0; }}});
    kept = std::move(first);
  }
  EXPECT_EQ(metrics.Value("pif_cache_entries", {}), 4);
  kept = GaugeRegistration();
  EXPECT_FALSE(Contains(metrics.RenderText(), "pif_cache_entries"));
}

TEST(CallbackGaugesTest, ARegistrationMayOutliveTheMetrics) {
  GaugeRegistration registration;
  {
    auto metrics = std::make_unique<Metrics>("intake");
    registration = metrics->AddGauges({{"pif_cache_entries", "Entries.", {}, [] { return 1.0; }}});
  }
  // Destroying `registration` now finds no metrics to leave, and must not crash.
}

}  // namespace
}  // namespace pif
