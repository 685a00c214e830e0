// The PostgreSQL implementation of SubmissionStore.
//
// The store's own tables (import_batches, council_data_versions, rejections, deletions, erasures)
// and its redaction functions come
// from its migration set (pif/submission_pg/migrations.h); the service's migrations create one
// table per record type named RecordSchema::table: `council char(9)` then the schema's columns
// under their own names, primary key (council, key...). Column types by kind: text and codes
// `text`, dates `date`, date-times `text` 'YYYY-MM-DDTHH:MM:SS', months `text` 'YYYY-MM', integers
// smallint/integer/bigint, decimals `numeric`.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pif/pg/pool.h"
#include "pif/submission/store.h"

namespace pif::submission {

// A SubmissionStore over one service's own database.
class PgSubmissionStore final : public SubmissionStore {
 public:
  // `pool` and `schema` must outlive the store; the database has the store's migration set and
  // the service's record tables applied.
  PgSubmissionStore(pg::Pool& pool, const SubmissionSchema& schema);

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

 private:
  pg::Pool& pool_;
  const SubmissionSchema& schema_;
};

}  // namespace pif::submission
