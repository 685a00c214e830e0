// The store of submissions, generic over a SubmissionSchema, as an interface: staging a batch as
// it streams in, cross-record checks and an all-or-nothing commit, idempotent batch ids, kept
// rejections, deletions, data versions and consistent snapshots. The PostgreSQL implementation
// is pif/submission_pg/pg_submission_store.h; tests use pif/submission/testing/fake_store.h.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/summary.h"

namespace pif::submission {

// Rule code of a record sent again later in the same batch (same type and id) where that later
// record was rejected: the later record decides, so the earlier one is not kept either.
inline constexpr char kReplacedByRejectedRecord[] = "REPLACED_BY_REJECTED_RECORD";

// Who sent a batch and what it is.
struct BatchInfo {
  std::string council;  // 9-character GSS code, checked by the caller
  std::string batch_id;
  std::string caller;  // the authenticated caller (today: the peer and declared client name)
  std::string source_system;
  absl::Time started_at;
};

// One batch being received. Records are staged in the database as they arrive (memory stays
// flat however long the stream); nothing is visible to anyone until Commit. Destroying the
// writer without a successful Commit rolls everything back.
class BatchWriter {
 public:
  virtual ~BatchWriter() = default;
  // Stages a record that passed ValidateRecord (positions are unique within the batch).
  virtual absl::Status AddValid(int64_t position, const SourceRef& source,
                                const FlatRecord& record) = 0;
  // Stages a record rejected on its own, with its cells exactly as received.
  virtual absl::Status AddRejected(
      int64_t position, const SourceRef& source, const std::string& record_type,
      const std::string& record_id,
      const std::vector<std::pair<std::string, std::string>>& received_cells, bool received_typed,
      const std::vector<FieldViolation>& errors) = 0;
  // Runs the cross-record rules (parents, overlaps, containment, agreement) over the batch and
  // the store, keeps the rejections, upserts the accepted records, clears rejections they
  // correct (redacting what they kept: pif/submission/redaction.h), raises the council's data
  // version and records the batch, all in one transaction.
  // The same key sent twice: the latest row decides (earlier ones count as accepted when it is
  // accepted, and are rejected with kReplacedByRejectedRecord when it is not).
  // FAILED_PRECONDITION when `expected_count` differs from the records added (nothing is kept).
  // When another stream committed the same batch id meanwhile, returns that stored summary
  // (replayed = true) and keeps nothing of this one. One call only: the writer is spent after.
  virtual absl::StatusOr<BatchSummary> Commit(int64_t expected_count) = 0;
};

// Filters for listing rejections.
struct RejectionFilter {
  std::string council;
  std::string batch_id;     // empty: every batch
  std::string record_type;  // empty: every type
  bool include_cleared = false;
  int page_size = 100;
  std::string page_token;  // opaque, from the previous page
};

// A page of rejections.
struct RejectionPage {
  std::vector<StoredRejection> rejections;
  std::string next_page_token;
  int64_t open_count = 0;  // open rejections matching the filter (ignoring paging)
};

// The council's current data version.
struct DataVersion {
  int64_t version = 0;  // 0 before the first batch
  std::string last_batch_id;
  std::optional<absl::Time> changed_at;
};

// What a deletion did.
struct DeletionResult {
  std::string deletion_id;
  int64_t data_version = 0;
  absl::Time deleted_at;
  int64_t cleared_rejection_count = 0;
};

// Erasure of one person's records.
struct ErasureRequest {
  std::string council;     // 9-character GSS code, checked by the caller
  std::string person_id;   // the person's id, as the records' `person_id` columns hold it
  std::string reason;      // why, kept with the erasure
  std::string request_id;  // the caller's idempotency key for this erasure
  std::string caller;      // the authenticated caller
};

// What an erasure removed.
struct ErasureResult {
  // Records erased per record type, schema order, types with none left out.
  std::vector<std::pair<std::string, int64_t>> erased;
  int64_t rejection_count = 0;      // kept rejections erased
  int64_t batch_summary_count = 0;  // batch summaries whose copies of them were redacted
  int64_t deletion_count = 0;       // recorded deletions whose record id was redacted
  int64_t data_version = 0;         // the council's data version after the erasure
  absl::Time erased_at;
  // True when this is the stored answer of an earlier erasure with the same request id.
  bool replayed = false;
};

// The header of a snapshot: the version it was read at and how many records of each type.
struct SnapshotInfo {
  int64_t data_version = 0;
  absl::Time taken_at;
  std::vector<std::pair<std::string, int64_t>> counts;  // record type -> count, schema order
};

// The store of one service's submissions, over its own schema. Implementations are thread-safe.
class SubmissionStore {
 public:
  virtual ~SubmissionStore() = default;

  // Starts receiving a batch. When the council already committed this batch id, returns the
  // stored summary instead (with replayed = true) and no writer.
  virtual absl::StatusOr<std::unique_ptr<BatchWriter>> Begin(
      const BatchInfo& info, std::optional<BatchSummary>* replay) = 0;

  // The audit record of one batch; NOT_FOUND when the council has no such batch.
  virtual absl::StatusOr<BatchAudit> GetBatch(const std::string& council,
                                              const std::string& batch_id) = 0;
  // The council's batches, newest first, committed within [after, before) when given; the
  // summaries do not list rejections (GetBatch does). `limit` is clamped to 1..1000.
  virtual absl::StatusOr<std::vector<BatchAudit>> ListBatches(const std::string& council,
                                                              std::optional<absl::Time> after,
                                                              std::optional<absl::Time> before,
                                                              int limit, int offset) = 0;
  // Rejections matching the filter, oldest batch first and by position within a batch;
  // page_size is clamped to 1..1000 (0: 100). INVALID_ARGUMENT for a page token not from here.
  virtual absl::StatusOr<RejectionPage> ListRejections(const RejectionFilter& filter) = 0;
  // One rejection of the council; NOT_FOUND otherwise (another council's id is NOT_FOUND too).
  virtual absl::StatusOr<StoredRejection> GetRejection(const std::string& council,
                                                       const std::string& rejection_id) = 0;
  // The council's data version (0 and no batch when it has sent nothing).
  virtual absl::StatusOr<DataVersion> GetDataVersion(const std::string& council) = 0;
  // Deletes a record sent in error, records the deletion, clears the record's open rejections
  // (DELETED) and raises the data version. `record_id` is the key values joined by '|'. A record
  // that was only ever rejected (nothing stored, rejections open) has its rejections cleared.
  // NOT_FOUND when neither a stored record nor an open rejection has that type and id;
  // FAILED_PRECONDITION (naming the referring type) while other records refer to it;
  // INVALID_ARGUMENT for a type the schema does not have.
  virtual absl::StatusOr<DeletionResult> DeleteRecord(const std::string& council,
                                                      const std::string& record_type,
                                                      const std::string& record_id,
                                                      const std::string& reason,
                                                      const std::string& caller) = 0;
  // Erases one person from the council, in one transaction under the council's lock: every
  // record whose `person_id` column holds the id, and every record referring to an erased
  // record through the schema's parent rules (transitively); the kept rejections whose cells
  // name the person (`person_id`), name an erased record through a parent rule's column, or
  // have an erased record's type and id; the batch summaries' copies of those rejections
  // (record id and messages redacted); and the record id of the recorded deletions of the
  // person's records (a type keyed by `person_id`, an erased record, or a rejection erased).
  // Raises the data version and records the erasure (without the person id). A request id
  // already used: the stored answer with replayed = true when it was for the same person,
  // INVALID_ARGUMENT (rule REQUEST_ID_REUSED on `request_id`) otherwise. NOT_FOUND when
  // nothing of the person exists (no record, rejection or deletion), changing nothing.
  virtual absl::StatusOr<ErasureResult> ErasePerson(const ErasureRequest& request) = 0;
  // Reads every record of the council (only `types` when not empty) at one data version, in one
  // REPEATABLE READ transaction, parents before children (schema order), each type in key
  // order. `on_header` is called first, then `on_record` per record; a non-OK status from a
  // callback stops the read and is returned. Records stream from the database (memory stays
  // flat); values are the canonical text validation produces. INVALID_ARGUMENT for an unknown
  // type.
  virtual absl::Status ReadSnapshot(
      const std::string& council, const std::vector<std::string>& types,
      const std::function<absl::Status(const SnapshotInfo&)>& on_header,
      const std::function<absl::Status(const FlatRecord&)>& on_record) = 0;
};

}  // namespace pif::submission
