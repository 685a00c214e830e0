#include "pif/pg/pool.h"

#include <chrono>
#include <optional>
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

TEST(PoolTest, StatsCountIdleLentAndWaitingCallers) {
  testing::TestDatabase db("pool_stats");
  auto pool = Pool::Open(db.conninfo(), 2);
  ASSERT_TRUE(pool.ok()) << pool.status();
  Pool::Stats fresh = (*pool)->CurrentStats();
  EXPECT_EQ(fresh.size, 2);
  EXPECT_EQ(fresh.idle, 2);
  EXPECT_EQ(fresh.in_use, 0);
  EXPECT_EQ(fresh.waiting, 0);
  std::optional<Pool::Lease> first((*pool)->Acquire().value());
  std::optional<Pool::Lease> second((*pool)->Acquire().value());
  Pool::Stats lent = (*pool)->CurrentStats();
  EXPECT_EQ(lent.idle, 0);
  EXPECT_EQ(lent.in_use, 2);
  EXPECT_EQ(lent.waiting, 0);
  // A third caller waits until a lease comes back, and is counted while it waits.
  std::thread waiter([&] { EXPECT_TRUE((*pool)->Acquire(absl::Seconds(20)).ok()); });
  int waiting = 0;
  for (int attempt = 0; attempt < 1000 && waiting == 0; ++attempt) {
    waiting = (*pool)->CurrentStats().waiting;
    if (waiting == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(waiting, 1);
  first.reset();
  waiter.join();
  Pool::Stats after = (*pool)->CurrentStats();
  EXPECT_EQ(after.waiting, 0);
  EXPECT_EQ(after.in_use, 1);  // `second`; the waiter's lease was returned when it ended
  EXPECT_EQ(after.idle, 1);
  second.reset();
  EXPECT_EQ((*pool)->CurrentStats().idle, 2);
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

TEST(PoolTest, EveryConnectionCarriesTheStatementAndIdleTransactionTimeouts) {
  testing::TestDatabase db("pool_limits");
  ConnectionLimits limits;
  limits.statement_timeout = absl::Milliseconds(2500);
  limits.idle_in_transaction_timeout = absl::Milliseconds(1500);
  auto pool = Pool::Open(db.conninfo(), 2, limits);
  ASSERT_TRUE(pool.ok()) << pool.status();
  std::optional<Pool::Lease> first((*pool)->Acquire().value());
  std::optional<Pool::Lease> second((*pool)->Acquire().value());
  for (Pool::Lease* lease : {&*first, &*second}) {
    pqxx::nontransaction tx(**lease);
    EXPECT_EQ(tx.exec1("SHOW statement_timeout")[0].as<std::string>(), "2500ms");
    EXPECT_EQ(tx.exec1("SHOW idle_in_transaction_session_timeout")[0].as<std::string>(), "1500ms");
  }
}

TEST(PoolTest, DefaultLimitsAreSetToo) {
  testing::TestDatabase db("pool_default_limits");
  auto pool = Pool::Open(db.conninfo(), 1);
  ASSERT_TRUE(pool.ok()) << pool.status();
  auto lease = (*pool)->Acquire();
  ASSERT_TRUE(lease.ok());
  pqxx::nontransaction tx(**lease);
  EXPECT_EQ(tx.exec1("SHOW statement_timeout")[0].as<std::string>(), "2min");
  EXPECT_EQ(tx.exec1("SHOW idle_in_transaction_session_timeout")[0].as<std::string>(), "1min");
}

TEST(PoolTest, ALongStatementIsCancelledAsDeadlineExceeded) {
  testing::TestDatabase db("pool_statement_timeout");
  ConnectionLimits limits;
  limits.statement_timeout = absl::Milliseconds(200);
  auto pool = Pool::Open(db.conninfo(), 1, limits);
  ASSERT_TRUE(pool.ok()) << pool.status();
  auto lease = (*pool)->Acquire();
  ASSERT_TRUE(lease.ok());
  absl::Status status;
  try {
    pqxx::work tx(**lease);
    tx.exec("SELECT pg_sleep(5)");
  } catch (const std::exception& error) {
    status = StatusFromException(error);
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded) << status;
}

TEST(PoolTest, AnIdleTransactionIsEndedAndRolledBackAndTheConnectionReplaced) {
  testing::TestDatabase db("pool_idle_transaction");
  {
    pqxx::connection setup(db.conninfo());
    pqxx::work tx(setup);
    tx.exec("CREATE TABLE kept (n integer)");
    tx.commit();
  }
  ConnectionLimits limits;
  limits.idle_in_transaction_timeout = absl::Milliseconds(300);
  auto pool = Pool::Open(db.conninfo(), 1, limits);
  ASSERT_TRUE(pool.ok()) << pool.status();
  {
    auto lease = (*pool)->Acquire();
    ASSERT_TRUE(lease.ok());
    pqxx::work tx(**lease);
    tx.exec("INSERT INTO kept VALUES (1)");
    // The caller forgets its transaction; the server ends the session.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_ANY_THROW({
      tx.exec("INSERT INTO kept VALUES (2)");
      tx.commit();
    });
  }
  auto fresh = (*pool)->Acquire();
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  pqxx::work tx(**fresh);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM kept")[0].as<int>(), 0);
  EXPECT_EQ(tx.exec1("SHOW idle_in_transaction_session_timeout")[0].as<std::string>(), "300ms");
}

}  // namespace
}  // namespace pif::pg
