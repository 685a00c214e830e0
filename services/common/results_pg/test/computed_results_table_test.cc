// The shared table of computed results against a real throwaway PostgreSQL (PIF_TEST_PG): found
// by every part of its key, stored once, and stored once when identical computations race.
#include "pif/results_pg/computed_results_table.h"

#include <pqxx/pqxx>
#include <set>
#include <thread>
#include <vector>

#include "absl/synchronization/barrier.h"
#include "gtest/gtest.h"
#include "pif/dates/date.h"
#include "pif/testing/test_database.h"

namespace pif::results_pg {
namespace {

// A service's table as its migration would create it: two key columns of its own, one stored.
constexpr char kTable[] = R"sql(
CREATE TABLE computed_results (
  result_id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council                         char(9) NOT NULL,
  period_first                    date NOT NULL,
  period_last                     date NOT NULL,
  data_version                    bigint NOT NULL,
  request                         text NOT NULL,
  disclosure_mode                 text NOT NULL CHECK (disclosure_mode IN ('INTERNAL', 'PUBLISHED')),
  policy_smallest_shown_count     integer,
  policy_min_percent_denominator  integer,
  policy_secondary_suppression    boolean,
  computed_at                     timestamptz NOT NULL DEFAULT now(),
  figures                         jsonb NOT NULL,
  CONSTRAINT computed_results_key UNIQUE NULLS NOT DISTINCT
    (council, period_first, period_last, data_version, request, disclosure_mode,
     policy_smallest_shown_count, policy_min_percent_denominator, policy_secondary_suppression)
))sql";

dates::Date D(const char* text) { return *dates::ParseDate(text); }

ComputationKey Key() {
  ComputationKey key;
  key.council = "S12000033";
  key.period = {D("2023-08-01"), D("2024-07-31")};
  key.own = {"12", "7.1,9.1"};
  key.published = true;
  key.policy = figures::DisclosurePolicy();
  return key;
}

class ComputedResultsTableTest : public ::testing::Test {
 protected:
  ComputedResultsTableTest() : db_("results_pg") {
    pqxx::connection connection(db_.conninfo());
    pqxx::work tx(connection);
    tx.exec0(kTable);
    tx.commit();
    auto pool = pg::Pool::Open(db_.conninfo(), 4);
    EXPECT_TRUE(pool.ok()) << pool.status();
    pool_ = std::move(*pool);
    table_ = std::make_unique<ComputedResultsTable>(
        *pool_, std::vector<std::string>{"data_version", "request"},
        std::vector<std::string>{"figures"});
  }

  testing::TestDatabase db_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<ComputedResultsTable> table_;
};

TEST_F(ComputedResultsTableTest, ASavedComputationIsFoundByItsKeyWithItsIdTimeAndText) {
  auto none = table_->Find(Key());
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_FALSE(none->has_value());

  auto saved = table_->Save(Key(), {R"({"a": 1})"});
  ASSERT_TRUE(saved.ok()) << saved.status();
  EXPECT_TRUE(saved->inserted);
  EXPECT_EQ(saved->result_id.size(), 36u);  // a UUID
  EXPECT_GT(saved->computed_at, absl::Now() - absl::Minutes(5));
  EXPECT_EQ(saved->stored, std::vector<std::string>{R"({"a": 1})"});

  auto found = table_->Find(Key());
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_TRUE(found->has_value());
  EXPECT_FALSE((*found)->inserted);
  EXPECT_EQ((*found)->result_id, saved->result_id);
  EXPECT_EQ((*found)->computed_at, saved->computed_at);
  EXPECT_EQ((*found)->stored, saved->stored);
}

TEST_F(ComputedResultsTableTest, AnyDifferenceInTheKeyIsAnotherComputation) {
  ASSERT_TRUE(table_->Save(Key(), {"1"}).ok());
  std::vector<ComputationKey> others(8, Key());
  others[0].council = "S12000034";
  others[1].period.first = D("2023-08-02");
  others[2].period.last = D("2024-07-30");
  others[3].own[0] = "13";
  others[4].own[1] = "7.1";
  others[5].published = false;
  others[5].policy.reset();
  others[6].policy->min_percent_denominator = 20;
  others[7].policy->secondary_suppression = false;
  for (size_t i = 0; i < others.size(); ++i) {
    auto found = table_->Find(others[i]);
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_FALSE(found->has_value()) << "key " << i;
  }
  // Each of them is stored beside the first.
  for (const ComputationKey& other : others) {
    auto saved = table_->Save(other, {"2"});
    ASSERT_TRUE(saved.ok()) << saved.status();
    EXPECT_TRUE(saved->inserted);
  }
  EXPECT_EQ(table_->Find(Key()).value()->stored, std::vector<std::string>{"1"});
}

TEST_F(ComputedResultsTableTest, SavingAnIdenticalComputationAgainReturnsTheFirstUnchanged) {
  auto first = table_->Save(Key(), {R"({"first": true})"});
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = table_->Save(Key(), {R"({"second": true})"});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(second->inserted);
  EXPECT_EQ(second->result_id, first->result_id);
  EXPECT_EQ(second->computed_at, first->computed_at);
  EXPECT_EQ(second->stored, std::vector<std::string>{R"({"first": true})"});
}

TEST_F(ComputedResultsTableTest, IdenticalComputationsSavedTogetherAreStoredOnce) {
  constexpr int kCalls = 4;
  absl::Barrier* start = new absl::Barrier(kCalls);
  std::vector<absl::StatusOr<StoredComputation>> results(kCalls, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kCalls; ++i) {
    threads.emplace_back([&, i] {
      if (start->Block()) delete start;
      results[i] = table_->Save(Key(), {absl::StrCat(i)});
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> ids;
  int inserted = 0;
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.status();
    ids.insert(result->result_id);
    inserted += result->inserted ? 1 : 0;
  }
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(inserted, 1);
  pqxx::connection connection(db_.conninfo());
  pqxx::read_transaction tx(connection);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM computed_results")[0].as<int>(), 1);
}

TEST_F(ComputedResultsTableTest, AKeyOrTextNotShapedLikeTheTableIsRefused) {
  ComputationKey short_key = Key();
  short_key.own.pop_back();
  EXPECT_EQ(table_->Find(short_key).status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(table_->Save(Key(), {"1", "2"}).status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace pif::results_pg
