#include "pif/pg/pool.h"

#include <thread>

#include "gtest/gtest.h"
#include "pif/testing/test_database.h"

namespace pif::pg {
namespace {

TEST(PoolTest, LeasesReturnToThePool) {
  testing::TestDatabase db("pool");
  auto pool = Pool::Open(db.conninfo(), 2);
  ASSERT_TRUE(pool.ok()) << pool.status();
  EXPECT_EQ((*pool)->IdleCount(), 2);
  {
    auto lease = (*pool)->Acquire();
    ASSERT_TRUE(lease.ok());
    pqxx::work tx(**lease);
    EXPECT_EQ(tx.exec1("SELECT 41 + 1")[0].as<int>(), 42);
    EXPECT_EQ((*pool)->IdleCount(), 1);
  }
  EXPECT_EQ((*pool)->IdleCount(), 2);
}

TEST(PoolTest, AcquireTimesOutAsUnavailableWhenAllAreLent) {
  testing::TestDatabase db("pool_busy");
  auto pool = Pool::Open(db.conninfo(), 1);
  ASSERT_TRUE(pool.ok());
  auto held = (*pool)->Acquire();
  ASSERT_TRUE(held.ok());
  auto second = (*pool)->Acquire(absl::Milliseconds(50));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

TEST(PoolTest, WaiterGetsTheConnectionWhenItComesBack) {
  testing::TestDatabase db("pool_wait");
  auto pool = Pool::Open(db.conninfo(), 1);
  ASSERT_TRUE(pool.ok());
  std::optional<Pool::Lease> held((*pool)->Acquire().value());
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    held.reset();
  });
  auto waited = (*pool)->Acquire(absl::Seconds(10));
  releaser.join();
  EXPECT_TRUE(waited.ok()) << waited.status();
}

TEST(PoolTest, ReplacesAConnectionTheServerClosed) {
  testing::TestDatabase db("pool_broken");
  auto pool = Pool::Open(db.conninfo(), 1);
  ASSERT_TRUE(pool.ok());
  {
    auto lease = (*pool)->Acquire();
    ASSERT_TRUE(lease.ok());
    pqxx::connection admin(db.conninfo());
    pqxx::work kill(admin);
    kill.exec_params("SELECT pg_terminate_backend($1)", (*lease)->backendpid());
    kill.commit();
    EXPECT_THROW(
        {
          pqxx::work tx(**lease);
          tx.exec("SELECT 1");
        },
        pqxx::broken_connection);
  }
  auto fresh = (*pool)->Acquire();
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  pqxx::work tx(**fresh);
  EXPECT_EQ(tx.exec1("SELECT 1")[0].as<int>(), 1);
}

TEST(PoolTest, OpenFailsAsUnavailableWhenTheServerIsUnreachable) {
  auto pool = Pool::Open("host=127.0.0.1 port=1 dbname=x connect_timeout=2", 1);
  EXPECT_EQ(pool.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pif::pg
