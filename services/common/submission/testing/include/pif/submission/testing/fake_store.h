// An in-memory SubmissionStore, for tests of what sits on the store (gRPC adapters, domains).
//
// Thread-safe, with the semantics of pif/submission/store.h that need no SQL:
// - a batch is all or nothing: nothing is visible before Commit, a writer destroyed before it
//   keeps nothing, Commit(n) with n other than the records added is FAILED_PRECONDITION, and a
//   writer is spent after one Commit;
// - batch ids are idempotent per council: Begin (or Commit, when another writer committed the
//   same id meanwhile) gives the stored summary with replayed = true and keeps nothing new;
// - the same key twice in a batch: the latest record decides (earlier copies count as accepted
//   with it, or are rejected with kReplacedByRejectedRecord when it is rejected);
// - rejections are kept with their cells, listed with ListRejections' filters, paging and open
//   count, cleared (CORRECTED, their cells and messages redacted there and in summaries) by a
//   later accepted record with the same type and id, and (DELETED) by DeleteRecord;
// - ErasePerson removes what store.h says, replays a request id and refuses it for another
//   person;
// - the council's data version rises once per commit and once per deletion;
// - ReadSnapshot gives the header first, then the records in schema order and key order, and
//   stops at a callback's error.
// Not its business: the cross-record rules (parents, overlaps, containment, agreement) at commit
// and the refusal to delete a record other records refer to; valid records are stored as staged.
// Messages are its own words (the rule codes are the store's); page tokens are its own.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "pif/submission/store.h"

namespace pif::submission::testing {

struct StagedRecord;
class FakeBatchWriter;

// A deletion as the fake store recorded it.
struct RecordedDeletion {
  std::string record_type;
  std::string record_id;
  std::string reason;
  std::string caller;
  std::string deletion_id = "";
};

// The SubmissionStore of one schema, in memory.
class FakeSubmissionStore final : public SubmissionStore {
 public:
  // `schema` must outlive the store.
  explicit FakeSubmissionStore(const SubmissionSchema& schema);

  absl::StatusOr<std::unique_ptr<BatchWriter>> Begin(const BatchInfo& info,
                                                     std::optional<BatchSummary>* replay) override;
  absl::StatusOr<BatchAudit> GetBatch(const std::string& council,
                                      const std::string& batch_id) override;
  absl::StatusOr<std::vector<BatchAudit>> ListBatches(const std::string& council,
                                                      std::optional<absl::Time> after,
                                                      std::optional<absl::Time> before, int limit,
                                                      int offset) override;
  absl::StatusOr<RejectionPage> ListRejections(const RejectionFilter& filter) override;
  absl::StatusOr<StoredRejection> GetRejection(const std::string& council,
                                               const std::string& rejection_id) override;
  absl::StatusOr<DataVersion> GetDataVersion(const std::string& council) override;
  absl::StatusOr<DeletionResult> DeleteRecord(const std::string& council,
                                              const std::string& record_type,
                                              const std::string& record_id,
                                              const std::string& reason,
                                              const std::string& caller) override;
  absl::StatusOr<ErasureResult> ErasePerson(const ErasureRequest& request) override;
  absl::Status ReadSnapshot(
      const std::string& council, const std::vector<std::string>& types,
      const std::function<absl::Status(const SnapshotInfo&)>& on_header,
      const std::function<absl::Status(const FlatRecord&)>& on_record) override;

  // Makes every later call (Commit included) fail with `failure` until given OkStatus(): a store
  // that cannot be reached, for tests of how its errors travel.
  void FailEveryCall(absl::Status failure);
  // The council's deletions, oldest first.
  std::vector<RecordedDeletion> Deletions(const std::string& council) const;

 private:
  friend class FakeBatchWriter;

  // One council's part of the store.
  struct Council {
    int64_t data_version = 0;
    std::string last_batch_id;
    std::optional<absl::Time> changed_at;
    // Per schema type: the stored records by key values.
    std::vector<std::map<std::vector<std::string>, FlatRecord>> records;
    std::map<std::string, BatchAudit> batches;
    // In (data version, position) order.
    std::vector<StoredRejection> rejections;
    std::vector<RecordedDeletion> deletions;
    // Erasures by request id: the person's id and the answer.
    std::map<std::string, std::pair<std::string, ErasureResult>> erasures;
  };

  // Commits what a writer staged for `info`, in position order.
  absl::StatusOr<BatchSummary> CommitStaged(const BatchInfo& info,
                                            const std::vector<StagedRecord>& staged);
  // The schema position of `record`'s type, or -1.
  int TypeOf(const FlatRecord& record) const;

  absl::Status Failure() const;
  Council& CouncilOf(const std::string& council) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  const Council* FindCouncil(const std::string& council) const ABSL_SHARED_LOCKS_REQUIRED(mutex_);
  std::optional<BatchSummary> Committed(const std::string& council,
                                        const std::string& batch_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mutex_);

  const SubmissionSchema& schema_;
  mutable absl::Mutex mutex_;
  std::map<std::string, Council> councils_ ABSL_GUARDED_BY(mutex_);
  absl::Status failure_ ABSL_GUARDED_BY(mutex_);
  int64_t deletions_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace pif::submission::testing
