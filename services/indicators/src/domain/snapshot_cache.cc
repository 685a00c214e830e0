#include "snapshot_cache.h"

#include <algorithm>
#include <utility>

namespace pif::indicators {

SnapshotCache::SnapshotCache(SnapshotSource* source, size_t max_councils)
    : source_(source), max_councils_(std::max<size_t>(max_councils, 1)) {}

absl::StatusOr<int64_t> SnapshotCache::CurrentVersion(const std::string& council) {
  return source_->CurrentVersion(council);
}

const CouncilSnapshot* SnapshotCache::Fresh(const std::string& council, int64_t data_version) {
  auto found = cached_.find(council);
  if (found == cached_.end() || found->second.data_version < data_version) return nullptr;
  recency_.remove(council);
  recency_.push_front(council);
  return &found->second;
}

void SnapshotCache::Keep(const std::string& council, const CouncilSnapshot& snapshot) {
  auto found = cached_.find(council);
  // A pull that finished late never replaces a newer version.
  if (found != cached_.end() && found->second.data_version > snapshot.data_version) return;
  cached_[council] = snapshot;
  recency_.remove(council);
  recency_.push_front(council);
  while (recency_.size() > max_councils_) {
    cached_.erase(recency_.back());
    recency_.pop_back();
  }
}

absl::StatusOr<CouncilSnapshot> SnapshotCache::Get(const std::string& council,
                                                   int64_t data_version) {
  auto pull = std::make_shared<Pull>();
  {
    absl::MutexLock lock(&mutex_);
    for (;;) {
      if (const CouncilSnapshot* cached = Fresh(council, data_version)) return *cached;
      auto running = pulls_.find(council);
      if (running == pulls_.end()) break;
      // Wait for the pull already running rather than pulling the same records twice.
      std::shared_ptr<Pull> theirs = running->second;
      mutex_.Await(absl::Condition(
          +[](Pull* p) { return p->done; }, theirs.get()));
      if (!theirs->result.ok()) return theirs->result.status();
      if (theirs->result->data_version >= data_version) return *theirs->result;
      // It read an older version than we were told exists: look again, then pull ourselves.
    }
    pulls_[council] = pull;
  }
  absl::StatusOr<CouncilSnapshot> loaded = source_->Load(council, data_version);
  absl::MutexLock lock(&mutex_);
  if (loaded.ok()) Keep(council, *loaded);
  pull->result = loaded;
  pull->done = true;
  auto running = pulls_.find(council);
  if (running != pulls_.end() && running->second == pull) pulls_.erase(running);
  return loaded;
}

}  // namespace pif::indicators
