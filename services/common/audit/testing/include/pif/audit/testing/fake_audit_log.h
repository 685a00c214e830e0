// An in-memory AuditLog for tests: keeps every appended record in order, answers List like the
// PostgreSQL log (one council, [since, until), oldest first, offset and limit), and can be made
// to fail every Append, as a database out of reach would.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "pif/audit/audit_log.h"

namespace pif::audit::testing {

// The AuditLog of one service, in memory.
class FakeAuditLog final : public AuditLog {
 public:
  absl::Status Append(const AuditRecord& record) override {
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    records_.push_back(record);
    records_.back().audit_id = static_cast<int64_t>(records_.size());
    return absl::OkStatus();
  }

  absl::StatusOr<AuditPage> List(const AuditQuery& query) override {
    if (absl::Status checked = CheckAuditQuery(query); !checked.ok()) return checked;
    absl::MutexLock lock(&mutex_);
    std::vector<AuditRecord> matching;
    for (const AuditRecord& record : records_) {
      if (record.council == query.council && record.at >= query.since &&
          (!query.until.has_value() || record.at < *query.until)) {
        matching.push_back(record);
      }
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [](const AuditRecord& a, const AuditRecord& b) { return a.at < b.at; });
    AuditPage page;
    for (size_t i = static_cast<size_t>(query.offset); i < matching.size(); ++i) {
      if (page.records.size() == static_cast<size_t>(query.limit)) {
        page.more = true;
        break;
      }
      page.records.push_back(matching[i]);
    }
    return page;
  }

  // Makes every later Append fail with `failure` until given OkStatus().
  void FailAppends(absl::Status failure) {
    absl::MutexLock lock(&mutex_);
    failure_ = std::move(failure);
  }

  // Every record appended so far, in order.
  std::vector<AuditRecord> Records() const {
    absl::MutexLock lock(&mutex_);
    return records_;
  }

 private:
  mutable absl::Mutex mutex_;
  std::vector<AuditRecord> records_ ABSL_GUARDED_BY(mutex_);
  absl::Status failure_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace pif::audit::testing
