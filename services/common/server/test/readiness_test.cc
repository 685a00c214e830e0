// ProbeDatabase against the real throwaway PostgreSQL: a database that stops taking connections
// is unreachable, and reachable again once it takes them.
#include "readiness.h"

#include <optional>
#include <vector>

#include "gtest/gtest.h"
#include "pif/testing/test_database.h"

namespace pif {
namespace {

void Admin(const std::string& sql) {
  pqxx::connection admin(testing::TestServerConninfo());
  pqxx::nontransaction tx(admin);
  tx.exec(sql);
}

TEST(ProbeDatabaseTest, UnreachableWhileTheDatabaseRefusesConnectionsAndBackAfterwards) {
  testing::TestDatabase db("readiness");
  auto pool = pg::Pool::Open(db.conninfo(), 2);
  ASSERT_TRUE(pool.ok()) << pool.status();
  EXPECT_TRUE(ProbeDatabase(**pool).ok());

  // The database goes away for the service: no new connections, the open ones cut.
  Admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS false");
  Admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() +
        "'");
  absl::Status down = ProbeDatabase(**pool, absl::Milliseconds(500));
  EXPECT_EQ(down.code(), absl::StatusCode::kUnavailable) << down;
  down = ProbeDatabase(**pool, absl::Milliseconds(500));
  EXPECT_EQ(down.code(), absl::StatusCode::kUnavailable) << down;

  Admin("ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS true");
  absl::Status back = ProbeDatabase(**pool);
  EXPECT_TRUE(back.ok()) << back;
}

TEST(ProbeDatabaseTest, APoolWhoseConnectionsAreAllLentIsBusyNotUnreachable) {
  testing::TestDatabase db("readiness_busy");
  auto pool = pg::Pool::Open(db.conninfo(), 1);
  ASSERT_TRUE(pool.ok()) << pool.status();
  std::optional<pg::Pool::Lease> lent((*pool)->Acquire().value());
  EXPECT_TRUE(ProbeDatabase(**pool, absl::Milliseconds(100)).ok());
}

}  // namespace
}  // namespace pif
