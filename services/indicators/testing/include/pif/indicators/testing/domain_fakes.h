// Fakes of the domain's interfaces: a snapshot source serving records from memory and counting
// its calls, and an in-memory store.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "pif/indicators/domain/indicators_store.h"
#include "pif/indicators/domain/snapshot_source.h"

namespace pif::indicators::testing {

// Serves one set of records per council at a settable data version.
class FakeSnapshotSource final : public SnapshotSource {
 public:
  // Sets the council's records and data version.
  void Set(const std::string& council, engine::CaseRecords records, int64_t version) {
    absl::MutexLock lock(&mutex_);
    records_[council] = std::move(records);
    versions_[council] = version;
  }
  // Makes every call fail with `status` (OK restores service).
  void FailWith(absl::Status status) {
    absl::MutexLock lock(&mutex_);
    failure_ = std::move(status);
  }
  // Makes Load wait until `gate` is notified (nullptr: no wait).
  void HoldLoadsUntil(absl::Notification* gate) { gate_ = gate; }
  // Sets the open rejection count reported with each snapshot.
  void SetOpenRejections(std::optional<int64_t> count) { open_rejections_ = count; }

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    absl::MutexLock lock(&mutex_);
    ++version_calls_;
    if (!failure_.ok()) return failure_;
    auto found = versions_.find(council);
    return found == versions_.end() ? 0 : found->second;
  }

  absl::StatusOr<CouncilSnapshot> Load(const std::string& council, int64_t) override {
    ++load_calls_;
    if (gate_ != nullptr) gate_->WaitForNotification();
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    CouncilSnapshot snapshot;
    snapshot.data_version = versions_[council];
    snapshot.snapshot = std::make_shared<engine::Snapshot>(records_[council]);
    snapshot.open_rejections = open_rejections_;
    return snapshot;
  }

  int load_calls() const { return load_calls_.load(); }

 private:
  absl::Mutex mutex_;
  std::map<std::string, engine::CaseRecords> records_;
  std::map<std::string, int64_t> versions_;
  absl::Status failure_;
  absl::Notification* gate_ = nullptr;
  std::optional<int64_t> open_rejections_ = 0;
  int version_calls_ = 0;
  std::atomic<int> load_calls_{0};
};

// Keeps result sets and policies in memory, keyed as the PostgreSQL store keys them.
class FakeIndicatorsStore final : public IndicatorsStore {
 public:
  absl::StatusOr<std::optional<ResultSet>> FindResult(const ResultKey& key) override {
    ++find_calls_;
    auto found = results_.find(KeyText(key));
    if (found == results_.end()) return std::optional<ResultSet>();
    return std::optional<ResultSet>(found->second);
  }
  absl::StatusOr<SavedResultSet> SaveResult(const ResultKey& key, const ResultSet& set) override {
    ++save_calls_;
    const std::string text = KeyText(key);
    auto found = results_.find(text);
    if (found != results_.end()) return SavedResultSet{found->second, true};
    ResultSet stored = set;
    stored.provenance.result_id = absl::StrCat("result-", ++next_id_);
    stored.provenance.computed_at = absl::FromUnixSeconds(1700000000 + next_id_);
    results_[text] = stored;
    return SavedResultSet{stored, false};
  }
  absl::StatusOr<std::optional<StoredPolicy>> FindPolicy(const std::string& council) override {
    auto found = policies_.find(council);
    if (found == policies_.end()) return std::optional<StoredPolicy>();
    return std::optional<StoredPolicy>(found->second);
  }
  absl::StatusOr<StoredPolicy> SavePolicy(const std::string& council,
                                          const figures::DisclosurePolicy& policy,
                                          const std::string& updated_by) override {
    StoredPolicy stored{policy, absl::FromUnixSeconds(1700000000), updated_by};
    policies_[council] = stored;
    return stored;
  }

  // Changes every stored set in place, as a row written by an older version might differ.
  template <typename Edit>
  void EditStoredSets(Edit edit) {
    for (auto& [key, set] : results_) edit(set);
  }

  int save_calls() const { return save_calls_; }
  int find_calls() const { return find_calls_; }
  size_t stored_count() const { return results_.size(); }

 private:
  static std::string KeyText(const ResultKey& key) {
    std::string policy = "-";
    if (key.policy.has_value()) {
      policy =
          absl::StrCat(key.policy->smallest_shown_count, "/", key.policy->min_percent_denominator,
                       "/", key.policy->secondary_suppression);
    }
    return absl::StrCat(key.council, "|", key.period.first.ToString(), "|",
                        key.period.last.ToString(), "|", key.intake_data_version, "|",
                        key.definitions_version, "|", key.request, "|",
                        key.mode == DisclosureMode::kPublished ? "P" : "I", "|", policy);
  }

  std::map<std::string, ResultSet> results_;
  std::map<std::string, StoredPolicy> policies_;
  int next_id_ = 0;
  int save_calls_ = 0;
  int find_calls_ = 0;
};

}  // namespace pif::indicators::testing
