// The PostgreSQL BatchWriter: one transaction for the whole batch, on a connection it holds for
// its whole life; records are copied (COPY) into temporary staging tables as they arrive, so
// memory stays flat however long the stream; Commit checks and stores them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pif/pg/pool.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pqxx/pqxx"

namespace pif::submission::internal {

// What was staged: the counts Commit needs besides the staging tables themselves.
struct StagedBatch {
  BatchInfo info;
  std::vector<int64_t> valid_counts;               // per schema type, in schema order
  std::map<std::string, int64_t> rejected_counts;  // rejected on their own, by type as received
  int64_t record_count = 0;
};

class PgBatchWriter : public BatchWriter {
 public:
  // Creates the staging tables in `tx` (a fresh transaction on `lease`) and starts copying.
  static absl::StatusOr<std::unique_ptr<BatchWriter>> Start(pg::Pool::Lease lease,
                                                            std::unique_ptr<pqxx::work> tx,
                                                            const SubmissionSchema& schema,
                                                            const BatchInfo& info);
  ~PgBatchWriter() override;

  absl::Status AddValid(int64_t position, const SourceRef& source,
                        const FlatRecord& record) override;
  absl::Status AddRejected(int64_t position, const SourceRef& source,
                           const std::string& record_type, const std::string& record_id,
                           const std::vector<std::pair<std::string, std::string>>& received_cells,
                           bool received_typed, const std::vector<FieldViolation>& errors) override;
  absl::StatusOr<BatchSummary> Commit(int64_t expected_count) override;

 private:
  PgBatchWriter(pg::Pool::Lease lease, std::unique_ptr<pqxx::work> tx,
                const SubmissionSchema& schema, const BatchInfo& info);
  // The schema position of the record's type, or -1.
  int TypeOf(const FlatRecord& record) const;
  // Marks the writer unusable and returns the status of `error`.
  absl::Status Fail(const std::exception& error);

  // Declared in this order so the stream ends before the transaction and the transaction before
  // the connection goes back to the pool.
  pg::Pool::Lease lease_;
  std::unique_ptr<pqxx::work> tx_;
  std::unique_ptr<pqxx::stream_to> stream_;
  const SubmissionSchema& schema_;
  StagedBatch staged_;
  bool open_ = true;
};

}  // namespace pif::submission::internal
