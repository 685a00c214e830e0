#include "pif/indicators/domain/snapshot_cache.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "pif/indicators/testing/domain_fakes.h"

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

// Serves the records of a FakeSnapshotSource, calling `on_load` when a load starts and
// `on_destroy` when a snapshot it served is destroyed (on the thread that drops the last copy).
class ObservingSource final : public SnapshotSource {
 public:
  explicit ObservingSource(FakeSnapshotSource* records) : records_(records) {}

  std::function<void(const std::string& council)> on_load;
  std::function<void()> on_destroy;

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    return records_->CurrentVersion(council);
  }
  absl::StatusOr<CouncilSnapshot> Load(const std::string& council, int64_t hint) override {
    if (on_load) on_load(council);
    absl::StatusOr<CouncilSnapshot> loaded = records_->Load(council, hint);
    if (!loaded.ok()) return loaded;
    std::shared_ptr<const engine::Snapshot> held = std::move(loaded->snapshot);
    const engine::Snapshot* raw = held.get();
    loaded->snapshot =
        std::shared_ptr<const engine::Snapshot>(raw, [this, held](const engine::Snapshot*) mutable {
          if (on_destroy) on_destroy();
          held.reset();
        });
    return loaded;
  }

 private:
  FakeSnapshotSource* const records_;
};

// Whether another caller gets `council` (cached at version 1) from the cache within a few
// seconds; it cannot while the cache's lock is held. The caller's thread is added to `callers`,
// for the test to join.
bool OtherCallerIsAnswered(SnapshotCache& cache, const std::string& council,
                           std::vector<std::thread>& callers) {
  auto answered = std::make_shared<absl::Notification>();
  callers.emplace_back([&cache, council, answered] {
    (void)cache.Get(council, 1);
    answered->Notify();
  });
  return answered->WaitForNotificationWithTimeout(absl::Seconds(5));
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

TEST(SnapshotCacheTest, PreviousVersionIsDestroyedBeforeTheNewerIsLoaded) {
  FakeSnapshotSource records;
  records.Set(kCouncil, OneChild("C1"), 4);
  ObservingSource source(&records);
  SnapshotCache cache(&source, 8);
  std::weak_ptr<const engine::Snapshot> previous;
  {
    auto first = cache.Get(kCouncil, 4);
    ASSERT_TRUE(first.ok()) << first.status();
    previous = first->snapshot;
  }  // the test no longer holds version 4: only the cache does
  ASSERT_FALSE(previous.expired());
  records.Set(kCouncil, OneChild("C2"), 5);
  int loads = 0;
  bool previous_alive_at_load = true;
  source.on_load = [&](const std::string&) {
    ++loads;
    previous_alive_at_load = !previous.expired();
  };
  auto newer = cache.Get(kCouncil, 5);
  ASSERT_TRUE(newer.ok()) << newer.status();
  EXPECT_EQ(newer->data_version, 5);
  EXPECT_EQ(loads, 1);
  EXPECT_FALSE(previous_alive_at_load) << "version 4 was still held while version 5 was loaded";
}

TEST(SnapshotCacheTest, ACallerHoldingThePreviousVersionKeepsItWhileTheNewerIsLoaded) {
  FakeSnapshotSource records;
  records.Set(kCouncil, OneChild("C1"), 4);
  ObservingSource source(&records);
  SnapshotCache cache(&source, 8);
  auto held = cache.Get(kCouncil, 4);
  ASSERT_TRUE(held.ok()) << held.status();
  records.Set(kCouncil, OneChild("C2"), 5);
  auto newer = cache.Get(kCouncil, 5);
  ASSERT_TRUE(newer.ok()) << newer.status();
  EXPECT_EQ(newer->snapshot->children().front().child->person_id, "C2");
  EXPECT_EQ(held->snapshot->children().front().child->person_id, "C1");
}

TEST(SnapshotCacheTest, PreviousVersionIsDestroyedOutsideTheLock) {
  FakeSnapshotSource records;
  records.Set(kCouncil, OneChild("C1"), 4);
  records.Set("S12000002", OneChild("C9"), 1);
  ObservingSource source(&records);
  SnapshotCache cache(&source, 8);
  ASSERT_TRUE(cache.Get("S12000002", 1).ok());
  ASSERT_TRUE(cache.Get(kCouncil, 4).ok());
  records.Set(kCouncil, OneChild("C2"), 5);
  std::vector<std::thread> callers;
  int destroyed = 0;
  bool others_answered = true;
  source.on_destroy = [&] {
    ++destroyed;
    others_answered = others_answered && OtherCallerIsAnswered(cache, "S12000002", callers);
  };
  auto newer = cache.Get(kCouncil, 5);
  source.on_destroy = nullptr;
  for (std::thread& caller : callers) caller.join();
  ASSERT_TRUE(newer.ok()) << newer.status();
  EXPECT_EQ(destroyed, 1);
  EXPECT_TRUE(others_answered) << "another council's request waited while version 4 was freed";
}

TEST(SnapshotCacheTest, FailedPullOfANewerVersionLeavesTheCouncilUncached) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 4);
  SnapshotCache cache(&source, 8);
  ASSERT_TRUE(cache.Get(kCouncil, 4).ok());
  source.Set(kCouncil, OneChild("C2"), 5);
  source.FailWith(absl::UnavailableError("the intake service at x is unavailable: down"));
  EXPECT_EQ(cache.Get(kCouncil, 5).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(source.load_calls(), 2);
  source.FailWith(absl::OkStatus());
  // Version 4 was dropped before the failed pull: even a request for it pulls again.
  auto again = cache.Get(kCouncil, 4);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(source.load_calls(), 3);
  EXPECT_EQ(again->data_version, 5);
  EXPECT_EQ(again->snapshot->children().front().child->person_id, "C2");
}

TEST(SnapshotCacheTest, EvictedSnapshotIsDestroyedOutsideTheLockAndPulledAgain) {
  FakeSnapshotSource records;
  records.Set("S12000001", OneChild("C1"), 1);
  records.Set("S12000002", OneChild("C2"), 1);
  ObservingSource source(&records);
  int loads = 0;
  source.on_load = [&](const std::string&) { ++loads; };
  SnapshotCache cache(&source, 1);
  std::weak_ptr<const engine::Snapshot> first_council;
  {
    auto first = cache.Get("S12000001", 1);
    ASSERT_TRUE(first.ok()) << first.status();
    first_council = first->snapshot;
  }
  std::vector<std::thread> callers;
  int destroyed = 0;
  bool others_answered = true;
  source.on_destroy = [&] {
    ++destroyed;
    // The council just cached is the one another request can be answered from.
    others_answered = others_answered && OtherCallerIsAnswered(cache, "S12000002", callers);
  };
  auto second = cache.Get("S12000002", 1);  // evicts the first council
  source.on_destroy = nullptr;
  for (std::thread& caller : callers) caller.join();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(destroyed, 1);
  EXPECT_TRUE(first_council.expired());
  EXPECT_TRUE(others_answered) << "another request waited while the evicted snapshot was freed";
  EXPECT_EQ(loads, 2);
  auto first_again = cache.Get("S12000001", 1);
  ASSERT_TRUE(first_again.ok()) << first_again.status();
  EXPECT_EQ(first_again->snapshot->children().front().child->person_id, "C1");
  EXPECT_EQ(loads, 3);
}

TEST(SnapshotCacheTest, StatsCountCachedCouncilsAndTheirRecordsOfEveryKind) {
  FakeSnapshotSource source;
  engine::CaseRecords two_children = OneChild("C1");
  two_children.children.push_back(two_children.children.front());
  two_children.children.back().person_id = "C2";
  two_children.involvements.resize(3);
  source.Set("S12000001", OneChild("C1"), 1);
  source.Set("S12000002", two_children, 1);
  source.Set("S12000003", OneChild("C9"), 1);
  SnapshotCache cache(&source, 2);
  SnapshotCache::Stats empty = cache.CurrentStats();
  EXPECT_EQ(empty.councils, 0u);
  EXPECT_EQ(empty.capacity, 2u);
  EXPECT_EQ(empty.records, 0);
  EXPECT_EQ(empty.pulls_in_progress, 0u);
  ASSERT_TRUE(cache.Get("S12000001", 1).ok());
  ASSERT_TRUE(cache.Get("S12000002", 1).ok());
  SnapshotCache::Stats both = cache.CurrentStats();
  EXPECT_EQ(both.councils, 2u);
  EXPECT_EQ(both.records, 1 + 5);               // one child; two children and three involvements
  ASSERT_TRUE(cache.Get("S12000003", 1).ok());  // evicts S12000001
  SnapshotCache::Stats evicted = cache.CurrentStats();
  EXPECT_EQ(evicted.councils, 2u);
  EXPECT_EQ(evicted.records, 5 + 1);
  source.Set("S12000002", OneChild("C1"), 2);  // a newer version with fewer records
  ASSERT_TRUE(cache.Get("S12000002", 2).ok());
  EXPECT_EQ(cache.CurrentStats().records, 1 + 1);
}

TEST(SnapshotCacheTest, StatsCountAPullWhileItRuns) {
  FakeSnapshotSource source;
  source.Set(kCouncil, OneChild("C1"), 7);
  absl::Notification gate;
  source.HoldLoadsUntil(&gate);
  SnapshotCache cache(&source, 8);
  std::thread caller([&] { EXPECT_TRUE(cache.Get(kCouncil, 7).ok()); });
  size_t running = 0;
  for (int attempt = 0; attempt < 1000 && running == 0; ++attempt) {
    running = cache.CurrentStats().pulls_in_progress;
    if (running == 0) absl::SleepFor(absl::Milliseconds(5));
  }
  EXPECT_EQ(running, 1u);
  EXPECT_EQ(cache.CurrentStats().councils, 0u);
  gate.Notify();
  caller.join();
  SnapshotCache::Stats after = cache.CurrentStats();
  EXPECT_EQ(after.pulls_in_progress, 0u);
  EXPECT_EQ(after.councils, 1u);
  EXPECT_EQ(after.records, 1);
}

}  // namespace
}  // namespace pif::indicators
