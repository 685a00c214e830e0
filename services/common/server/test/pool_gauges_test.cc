// The pool's gauges over a real pool of the throwaway PostgreSQL.
#include "pool_gauges.h"

#include <optional>

#include "gtest/gtest.h"
#include "pif/metrics/metrics.h"
#include "pif/testing/test_database.h"

namespace pif {
namespace {

TEST(PoolGaugesTest, ShowTheSizeAndHowManyConnectionsAreIdleAndLent) {
  testing::TestDatabase db("pool_gauges");
  auto pool = pg::Pool::Open(db.conninfo(), 3);
  ASSERT_TRUE(pool.ok()) << pool.status();
  Metrics metrics("intake");
  GaugeRegistration gauges = metrics.AddGauges(PoolGauges(**pool));
  EXPECT_EQ(metrics.Value("pif_db_pool_size", {}), 3);
  EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "idle"}}), 3);
  EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "in_use"}}), 0);
  EXPECT_EQ(metrics.Value("pif_db_pool_waiting", {}), 0);
  {
    std::optional<pg::Pool::Lease> lease((*pool)->Acquire().value());
    EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "idle"}}), 2);
    EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "in_use"}}), 1);
  }
  EXPECT_EQ(metrics.Value("pif_db_pool_connections", {{"state", "idle"}}), 3);
  const std::string text = metrics.RenderText();
  EXPECT_NE(text.find("# TYPE pif_db_pool_connections gauge\n"), std::string::npos) << text;
  EXPECT_NE(text.find("pif_db_pool_connections{state=\"in_use\"} 0\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace pif
