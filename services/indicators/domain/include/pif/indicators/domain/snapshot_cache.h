// Keeps the latest snapshot of the councils used most recently, so a second computation on
// unchanged data does not pull the records again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "pif/indicators/domain/snapshot_source.h"

namespace pif::indicators {

// A cache of one snapshot per council (its latest data version), over a SnapshotSource.
// Thread-safe: concurrent requests for the same council and version wait for one pull.
//
// Memory: a council's snapshot can take gigabytes, so the cache never holds two of one council.
// Before pulling a newer version it drops the council's older entry (the older snapshot is freed
// then, unless a caller still holds a copy of it), so the newer one is built in the memory the
// older one used. If that pull fails, the cache has no entry for the council and the next call
// pulls again. While the pull runs, callers of the council (whatever version they ask for) wait
// for it. Snapshots are destroyed only outside the cache's lock: freeing millions of records
// takes a fraction of a second, which would otherwise block the requests of every council.
class SnapshotCache {
 public:
  // What the cache holds at one moment, for metrics (totals: no council is named).
  struct Stats {
    // Councils with a cached snapshot.
    size_t councils = 0;
    // The most councils the cache keeps.
    size_t capacity = 0;
    // Records of every kind in the cached snapshots together.
    int64_t records = 0;
    // Pulls from the source running now.
    size_t pulls_in_progress = 0;
  };

  // Caches at most `max_councils` councils, evicting the least recently used.
  SnapshotCache(SnapshotSource* source, size_t max_councils);

  // The council's current data version, asked of the source every time (a cheap call).
  absl::StatusOr<int64_t> CurrentVersion(const std::string& council);
  // The council's snapshot at `data_version` or later: the cached one when it is that recent,
  // otherwise pulled from the source (once, however many callers ask at the same time).
  absl::StatusOr<CouncilSnapshot> Get(const std::string& council, int64_t data_version);
  // The cache's counts, taken together under its lock (cheap: no record is visited).
  Stats CurrentStats() const;

 private:
  // One pull in progress; callers of the same council wait for its result.
  struct Pull {
    bool done = false;
    absl::StatusOr<CouncilSnapshot> result;
  };

  // The cached snapshot when it is at `data_version` or later; marks it used.
  const CouncilSnapshot* Fresh(const std::string& council, int64_t data_version)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // Caches `snapshot` unless a newer version of the council is cached, evicting the least
  // recently used councils beyond the bound. Returns the values it took out of the cache, for the
  // caller to destroy once the lock is released.
  [[nodiscard]] std::vector<CouncilSnapshot> Keep(const std::string& council,
                                                  const CouncilSnapshot& snapshot)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  SnapshotSource* const source_;
  const size_t max_councils_;
  mutable absl::Mutex mutex_;
  // Most recently used first.
  std::list<std::string> recency_ ABSL_GUARDED_BY(mutex_);
  std::map<std::string, CouncilSnapshot> cached_ ABSL_GUARDED_BY(mutex_);
  std::map<std::string, std::shared_ptr<Pull>> pulls_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace pif::indicators
