// Keeps the latest snapshot of the councils used most recently, so a second computation on
// unchanged data does not pull the records again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "snapshot_source.h"

namespace pif::indicators {

// A cache of one snapshot per council (its latest data version), over a SnapshotSource.
// Thread-safe: concurrent requests for the same council and version wait for one pull.
class SnapshotCache {
 public:
  // Caches at most `max_councils` councils, evicting the least recently used.
  SnapshotCache(SnapshotSource* source, size_t max_councils);

  // The council's current data version, asked of the source every time (a cheap call).
  absl::StatusOr<int64_t> CurrentVersion(const std::string& council);
  // The council's snapshot at `data_version` or later: the cached one when it is that recent,
  // otherwise pulled from the source (once, however many callers ask at the same time).
  absl::StatusOr<CouncilSnapshot> Get(const std::string& council, int64_t data_version);

 private:
  // One pull in progress; callers of the same council wait for its result.
  struct Pull {
    bool done = false;
    absl::StatusOr<CouncilSnapshot> result;
  };

  // The cached snapshot when it is at `data_version` or later; marks it used.
  const CouncilSnapshot* Fresh(const std::string& council, int64_t data_version)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void Keep(const std::string& council, const CouncilSnapshot& snapshot)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  SnapshotSource* const source_;
  const size_t max_councils_;
  absl::Mutex mutex_;
  // Most recently used first.
  std::list<std::string> recency_ ABSL_GUARDED_BY(mutex_);
  std::map<std::string, CouncilSnapshot> cached_ ABSL_GUARDED_BY(mutex_);
  std::map<std::string, std::shared_ptr<Pull>> pulls_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace pif::indicators
