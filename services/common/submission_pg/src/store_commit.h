// Commit of a staged batch, inside the batch's transaction: under the council's lock, checks the
// batch id again, raises the data version, runs the cross-record rules, keeps the rejections,
// upserts the accepted records, clears the rejections they correct and records the batch.
#pragma once

#include "absl/status/statusor.h"
#include "pif/submission/schema.h"
#include "pif/submission/summary.h"
#include "pqxx/pqxx"
#include "store_writer.h"

namespace pif::submission::internal {

// Takes the advisory lock that serialises one council's writes (held until the transaction ends).
void LockCouncil(pqxx::work& tx, const SubmissionSchema& schema, const std::string& council);

// The summary of the committed batch (the caller commits `tx`), or the stored summary of an
// earlier commit of the same batch id with replayed = true (the caller rolls back). Throws the
// database's exceptions.
absl::StatusOr<BatchSummary> CommitStaged(pqxx::work& tx, const SubmissionSchema& schema,
                                          const StagedBatch& batch);

// The stored summary of the council's batch, if it was committed (replayed = true).
absl::StatusOr<std::optional<BatchSummary>> FindCommitted(pqxx::transaction_base& tx,
                                                          const std::string& council,
                                                          const std::string& batch_id);

// Raises the council's data version by one, to at least DataVersionFloor (a restored database
// never hands out a version again), and returns the new version.
int64_t BumpDataVersion(pqxx::work& tx, const std::string& council, int64_t at_micros,
                        const std::optional<std::string>& batch_id);

}  // namespace pif::submission::internal
