// Fakes of the workforce domain's interfaces: staff records, intake's open cases and the store of
// computed figures, in memory, counting their calls and failing on demand.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "pif/workforce/domain/open_cases.h"
#include "pif/workforce/domain/results_store.h"
#include "pif/workforce/domain/staff_source.h"

namespace pif::workforce::testing {

// Serves one set of staff rows and absences per council at a settable data version.
class FakeStaffSource final : public StaffSource {
 public:
  // Sets the council's records and data version.
  void Set(const std::string& council, StaffRecords records, int64_t version) {
    absl::MutexLock lock(&mutex_);
    records_[council] = std::move(records);
    versions_[council] = version;
  }
  void SetOpenRejections(int64_t count) {
    absl::MutexLock lock(&mutex_);
    open_rejections_ = count;
  }
  // Makes every call fail with `status` (OK restores service).
  void FailWith(absl::Status status) {
    absl::MutexLock lock(&mutex_);
    failure_ = std::move(status);
  }

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    return versions_[council];
  }
  absl::StatusOr<StaffSnapshot> Read(const std::string& council) override {
    absl::MutexLock lock(&mutex_);
    ++read_calls_;
    if (!failure_.ok()) return failure_;
    return StaffSnapshot{versions_[council], records_[council]};
  }
  absl::StatusOr<int64_t> OpenRejections(const std::string&) override {
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    return open_rejections_;
  }

  int read_calls() {
    absl::MutexLock lock(&mutex_);
    return read_calls_;
  }

 private:
  absl::Mutex mutex_;
  std::map<std::string, StaffRecords> records_;
  std::map<std::string, int64_t> versions_;
  int64_t open_rejections_ = 0;
  absl::Status failure_;
  int read_calls_ = 0;
};

// Serves one set of open cases per council at a settable intake data version (the census date
// asked for is kept, not used).
class FakeOpenCasesSource final : public OpenCasesSource {
 public:
  void Set(const std::string& council, OpenCases cases, int64_t version) {
    absl::MutexLock lock(&mutex_);
    cases_[council] = std::move(cases);
    versions_[council] = version;
  }
  // Makes every call fail with `status` (OK restores service).
  void FailWith(absl::Status status) {
    absl::MutexLock lock(&mutex_);
    failure_ = std::move(status);
  }

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    absl::MutexLock lock(&mutex_);
    ++calls_;
    if (!failure_.ok()) return failure_;
    return versions_[council];
  }
  absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) override {
    absl::MutexLock lock(&mutex_);
    ++calls_;
    ++load_calls_;
    last_census_ = census;
    if (!failure_.ok()) return failure_;
    return IntakeOpenCases{versions_[council], cases_[council]};
  }

  // Calls of either kind, and of Load alone.
  int calls() {
    absl::MutexLock lock(&mutex_);
    return calls_;
  }
  int load_calls() {
    absl::MutexLock lock(&mutex_);
    return load_calls_;
  }
  // The census date the last Load asked for.
  dates::Date last_census() {
    absl::MutexLock lock(&mutex_);
    return last_census_;
  }

 private:
  absl::Mutex mutex_;
  std::map<std::string, OpenCases> cases_;
  std::map<std::string, int64_t> versions_;
  absl::Status failure_;
  int calls_ = 0;
  int load_calls_ = 0;
  dates::Date last_census_;
};

// Keeps computed figures in memory, one per key as the PostgreSQL store keeps them.
class FakeResultsStore final : public ResultsStore {
 public:
  absl::StatusOr<std::optional<StoredFigures>> Find(const ResultKey& key) override {
    absl::MutexLock lock(&mutex_);
    const Entry* entry = EntryOf(key);
    if (entry == nullptr) return std::optional<StoredFigures>();
    return std::optional<StoredFigures>(entry->stored);
  }
  absl::StatusOr<SavedFigures> Save(const ResultKey& key, const FigureSet& figures) override {
    absl::MutexLock lock(&mutex_);
    ++save_calls_;
    if (const Entry* entry = EntryOf(key)) return SavedFigures{entry->stored, false};
    const int id = static_cast<int>(entries_.size()) + 1;
    entries_.push_back(
        {key, {absl::StrCat("result-", id), absl::FromUnixSeconds(1700000000 + id), figures}});
    return SavedFigures{entries_.back().stored, true};
  }

  int save_calls() {
    absl::MutexLock lock(&mutex_);
    return save_calls_;
  }
  size_t stored_count() {
    absl::MutexLock lock(&mutex_);
    return entries_.size();
  }
  // The keys stored, in the order they were first saved.
  std::vector<ResultKey> keys() {
    absl::MutexLock lock(&mutex_);
    std::vector<ResultKey> keys;
    for (const Entry& entry : entries_) keys.push_back(entry.key);
    return keys;
  }

 private:
  struct Entry {
    ResultKey key;
    StoredFigures stored;
  };

  // True when `a` and `b` name the same computation (every part of the key equal).
  static bool SameComputation(const ResultKey& a, const ResultKey& b) {
    const auto policy = [](const ResultKey& key) {
      return key.policy.has_value() ? std::make_tuple(true, key.policy->smallest_shown_count,
                                                      key.policy->min_percent_denominator,
                                                      key.policy->secondary_suppression)
                                    : std::make_tuple(false, int64_t{0}, int64_t{0}, false);
    };
    return a.council == b.council && a.period.first == b.period.first &&
           a.period.last == b.period.last && a.workforce_data_version == b.workforce_data_version &&
           a.intake_data_version == b.intake_data_version &&
           a.definitions_version == b.definitions_version && a.codes == b.codes &&
           policy(a) == policy(b);
  }

  const Entry* EntryOf(const ResultKey& key) const {
    for (const Entry& entry : entries_) {
      if (SameComputation(entry.key, key)) return &entry;
    }
    return nullptr;
  }

  absl::Mutex mutex_;
  std::vector<Entry> entries_;
  int save_calls_ = 0;
};

}  // namespace pif::workforce::testing
