// The /metrics endpoint: prometheus::Exposer on a real loopback port.
#include <string>

#include "gtest/gtest.h"
#include "listen_address.h"
#include "pif/metrics/metrics.h"
#include "pif/metrics/testing/http_get.h"

namespace pif {
namespace {

using testing::HttpGet;

TEST(MetricsServeTest, AnswersGetMetricsOnThePortItBound) {
  Metrics metrics("indicators");
  GaugeRegistration gauge =
      metrics.AddGauges({{"pif_snapshot_cache_councils", "Councils.", {}, [] { return 3.0; }}});
  ASSERT_TRUE(metrics.Serve("127.0.0.1:0").ok());
  ASSERT_GT(metrics.port(), 0);
  absl::StatusOr<std::string> body = HttpGet(metrics.port(), "/metrics");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_NE(body->find("pif_build_info{service=\"indicators\",version="), std::string::npos)
      << *body;
  EXPECT_NE(body->find("\nprocess_resident_memory_bytes "), std::string::npos) << *body;
  EXPECT_NE(body->find("\npif_snapshot_cache_councils 3\n"), std::string::npos) << *body;
  EXPECT_EQ(HttpGet(metrics.port(), "/other").status().code(), absl::StatusCode::kInternal);
}

TEST(MetricsServeTest, StopsAnsweringWhenDestroyed) {
  int port = 0;
  {
    Metrics metrics("intake");
    ASSERT_TRUE(metrics.Serve("127.0.0.1:0").ok());
    port = metrics.port();
    ASSERT_TRUE(HttpGet(port, "/metrics").ok());
  }
  EXPECT_EQ(HttpGet(port, "/metrics").status().code(), absl::StatusCode::kUnavailable);
}

TEST(MetricsServeTest, FailsAsUnavailableWhenThePortIsTaken) {
  Metrics first("intake");
  ASSERT_TRUE(first.Serve("127.0.0.1:0").ok());
  Metrics second("intake");
  absl::Status taken = second.Serve("127.0.0.1:" + std::to_string(first.port()));
  EXPECT_EQ(taken.code(), absl::StatusCode::kUnavailable) << taken;
  EXPECT_EQ(second.port(), 0);
}

TEST(MetricsServeTest, ServesOnce) {
  Metrics metrics("intake");
  ASSERT_TRUE(metrics.Serve("127.0.0.1:0").ok());
  EXPECT_EQ(metrics.Serve("127.0.0.1:0").code(), absl::StatusCode::kFailedPrecondition);
}

TEST(MetricsServeTest, RejectsAnAddressWithoutAPort) {
  Metrics metrics("intake");
  EXPECT_EQ(metrics.Serve("127.0.0.1").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(metrics.Serve("127.0.0.1:http").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(metrics.Serve("127.0.0.1:70000").code(), absl::StatusCode::kInvalidArgument);
}

TEST(MetricsServeTest, ListenAddressesInCivetwebsForm) {
  EXPECT_EQ(CivetListenAddress("127.0.0.1:9451").value(), "127.0.0.1:9451");
  EXPECT_EQ(CivetListenAddress(":9451").value(), "0.0.0.0:9451");
  EXPECT_EQ(CivetListenAddress("localhost:0").value(), "127.0.0.1:0");
  EXPECT_EQ(CivetListenAddress("[::1]:9451").value(), "[::1]:9451");
  EXPECT_FALSE(CivetListenAddress("9451").ok());
}

TEST(MetricsServeTest, ServesOnLocalhostByName) {
  Metrics metrics("intake");
  ASSERT_TRUE(metrics.Serve("localhost:0").ok());
  EXPECT_TRUE(HttpGet(metrics.port(), "/metrics").ok());
}

}  // namespace
}  // namespace pif
