#include "snapshot_cache.h"

#include <thread>
#include <vector>

#include "domain_fakes.h"
#include "gtest/gtest.h"

namespace pif::indicators {
namespace {

using testing::FakeSnapshotSource;

constexpr char kCouncil[] = "S12000033";

engine::CaseRecords OneChild(const std::string& person_id) {
  engine::CaseRecords records;
  engine::Child child;
  child.person_id = person_id;
  records.children.push_back(child);
  return records;
}

TEST(SnapshotCacheTest, SecondGetAtTheSameVersionDoesNotPullAgain) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 4);
  SnapshotCache cache(&source, 8);
  auto first = cache.Get(kCouncil, 4);
  auto second = cache.Get(kCouncil, 4);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(source.load_calls(), 1);
  EXPECT_EQ(first->snapshot.get(), second->snapshot.get());
  EXPECT_EQ(second->data_version, 4);
}

TEST(SnapshotCacheTest, NewerDataVersionPullsAgainAndReplacesTheOldSnapshot) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 4);
  SnapshotCache cache(&source, 8);
  ASSERT_TRUE(cache.Get(kCouncil, 4).ok());
  source.Set(kCouncil, OneChild("C2"), 5);
  auto newer = cache.Get(kCouncil, 5);
  ASSERT_TRUE(newer.ok());
  EXPECT_EQ(newer->data_version, 5);
  EXPECT_EQ(newer->snapshot->children().front().child->person_id, "C2");
  EXPECT_EQ(source.load_calls(), 2);
  // Asking for the older version now gets the newer snapshot without a pull.
  auto again = cache.Get(kCouncil, 4);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->data_version, 5);
  EXPECT_EQ(source.load_calls(), 2);
}

TEST(SnapshotCacheTest, EvictsTheLeastRecentlyUsedCouncilBeyondItsBound) {
  FakeSnapshotSource source;
  for (const char* council : {"S12000001", "S12000002", "S12000003"}) {
    source.Set(council, OneChild("C1"), 1);
  }
  SnapshotCache cache(&source, 2);
  ASSERT_TRUE(cache.Get("S12000001", 1).ok());
  ASSERT_TRUE(cache.Get("S12000002", 1).ok());
  ASSERT_TRUE(cache.Get("S12000001", 1).ok());  // 1 is now the most recent
  ASSERT_TRUE(cache.Get("S12000003", 1).ok());  // evicts 2
  EXPECT_EQ(source.load_calls(), 3);
  ASSERT_TRUE(cache.Get("S12000001", 1).ok());
  EXPECT_EQ(source.load_calls(), 3);
  ASSERT_TRUE(cache.Get("S12000002", 1).ok());
  EXPECT_EQ(source.load_calls(), 4);
}

TEST(SnapshotCacheTest, ConcurrentGetsOfOneCouncilWaitForASinglePull) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 7);
  absl::Notification gate;
  source.HoldLoadsUntil(&gate);
  SnapshotCache cache(&source, 8);
  std::vector<std::thread> callers;
  std::vector<int64_t> versions(6, -1);
  for (size_t i = 0; i < versions.size(); ++i) {
    callers.emplace_back([&, i] {
      auto got = cache.Get(kCouncil, 7);
      if (got.ok()) versions[i] = got->data_version;
    });
  }
  // Let every caller reach the cache before the one pull finishes.
  absl::SleepFor(absl::Milliseconds(100));
  gate.Notify();
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(source.load_calls(), 1);
  for (int64_t version : versions) EXPECT_EQ(version, 7);
}

TEST(SnapshotCacheTest, FailedPullIsReportedAndNotCached) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 2);
  source.FailWith(absl::UnavailableError("the intake service at x is unavailable: down"));
  SnapshotCache cache(&source, 8);
  auto failed = cache.Get(kCouncil, 2);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable);
  source.FailWith(absl::OkStatus());
  auto recovered = cache.Get(kCouncil, 2);
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  EXPECT_EQ(recovered->data_version, 2);
  EXPECT_EQ(source.load_calls(), 2);
}

}  // namespace
}  // namespace pif::indicators
