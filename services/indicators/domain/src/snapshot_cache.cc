#include "pif/indicators/domain/snapshot_cache.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace pif::indicators {
namespace {

// Records of every kind the snapshot holds.
int64_t RecordCount(const engine::CaseRecords& records) {
  const size_t count =
      records.children.size() + records.involvements.size() + records.allocations.size() +
      records.cp_referrals.size() + records.cp_registrations.size() + records.care_episodes.size() +
      records.legal_reasons.size() + records.placements.size() + records.assessments.size() +
      records.needs.size() + records.reviews.size() + records.review_items.size() +
      records.incidents.size() + records.status_snapshots.size() + records.survey_answers.size();
  return static_cast<int64_t>(count);
}

}  // namespace

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

std::vector<CouncilSnapshot> SnapshotCache::Keep(const std::string& council,
                                                 const CouncilSnapshot& snapshot) {
  std::vector<CouncilSnapshot> taken;
  auto found = cached_.find(council);
  if (found != cached_.end()) {
    // A pull that finished late never replaces a newer version.
    if (found->second.data_version > snapshot.data_version) return taken;
    taken.push_back(std::move(found->second));
    found->second = snapshot;
  } else {
    cached_.emplace(council, snapshot);
  }
  recency_.remove(council);
  recency_.push_front(council);
  while (recency_.size() > max_councils_) {
    auto evicted = cached_.find(recency_.back());
    if (evicted != cached_.end()) {
      taken.push_back(std::move(evicted->second));
      cached_.erase(evicted);
    }
    recency_.pop_back();
  }
  return taken;
}

absl::StatusOr<CouncilSnapshot> SnapshotCache::Get(const std::string& council,
                                                   int64_t data_version) {
  auto pull = std::make_shared<Pull>();
  // Declared before the lock so that what they hold is destroyed after it is released.
  std::optional<CouncilSnapshot> older;
  std::vector<std::shared_ptr<Pull>> waited;
  {
    absl::MutexLock lock(&mutex_);
    for (;;) {
      if (const CouncilSnapshot* cached = Fresh(council, data_version)) return *cached;
      auto running = pulls_.find(council);
      if (running == pulls_.end()) break;
      // Wait for the pull already running rather than pulling the same records twice.
      waited.push_back(running->second);
      Pull* theirs = waited.back().get();
      mutex_.Await(absl::Condition(
          +[](Pull* p) { return p->done; }, theirs));
      if (!theirs->result.ok()) return theirs->result.status();
      if (theirs->result->data_version >= data_version) return *theirs->result;
      // It read an older version than we were told exists: look again, then pull ourselves.
    }
    pulls_[council] = pull;
    // Take the council's older snapshot out of the cache, so that it is not held while the newer
    // one is built.
    auto cached = cached_.find(council);
    if (cached != cached_.end()) {
      older = std::move(cached->second);
      cached_.erase(cached);
      recency_.remove(council);
    }
  }
  // Free the older snapshot (unless a caller still holds it) before loading the newer one.
  older.reset();
  absl::StatusOr<CouncilSnapshot> loaded = source_->Load(council, data_version);
  std::vector<CouncilSnapshot> evicted;
  {
    absl::MutexLock lock(&mutex_);
    if (loaded.ok()) evicted = Keep(council, *loaded);
    pull->result = loaded;
    pull->done = true;
    auto running = pulls_.find(council);
    if (running != pulls_.end() && running->second == pull) pulls_.erase(running);
  }
  // Evicted snapshots are destroyed here, with the lock released.
  evicted.clear();
  return loaded;
}

SnapshotCache::Stats SnapshotCache::CurrentStats() const {
  absl::MutexLock lock(&mutex_);
  Stats stats;
  stats.councils = cached_.size();
  stats.capacity = max_councils_;
  for (const auto& [council, cached] : cached_) {
    if (cached.snapshot != nullptr) stats.records += RecordCount(cached.snapshot->records());
  }
  stats.pulls_in_progress = pulls_.size();
  return stats;
}

}  // namespace pif::indicators
