// The submission store of self-evaluations as the contract shows it: the batches of one that
// RecordSelfEvaluation commits are the service's own, so a rejection they cleared names no batch
// (as ListSelfEvaluations shows their evaluations with none).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pif/submission/store.h"

namespace pif::reporting {

// Every call goes to `store` (which must outlive it), except that ListRejections empties
// `cleared_by_batch` of the rejections cleared by a RecordSelfEvaluation batch of one.
class SelfEvaluationSubmissions final : public submission::SubmissionStore {
 public:
  explicit SelfEvaluationSubmissions(submission::SubmissionStore& store) : store_(store) {}

  absl::StatusOr<std::unique_ptr<submission::BatchWriter>> Begin(
      const submission::BatchInfo& info, std::optional<submission::BatchSummary>* replay) override;
  absl::StatusOr<submission::BatchAudit> GetBatch(const std::string& council,
                                                  const std::string& batch_id) override;
  absl::StatusOr<std::vector<submission::BatchAudit>> ListBatches(const std::string& council,
                                                                  std::optional<absl::Time> after,
                                                                  std::optional<absl::Time> before,
                                                                  int limit, int offset) override;
  absl::StatusOr<submission::RejectionPage> ListRejections(
      const submission::RejectionFilter& filter) override;
  absl::StatusOr<submission::StoredRejection> GetRejection(
      const std::string& council, const std::string& rejection_id) override;
  absl::StatusOr<submission::DataVersion> GetDataVersion(const std::string& council) override;
  absl::StatusOr<submission::DeletionResult> DeleteRecord(const std::string& council,
                                                          const std::string& record_type,
                                                          const std::string& record_id,
                                                          const std::string& reason,
                                                          const std::string& caller) override;
  absl::Status ReadSnapshot(
      const std::string& council, const std::vector<std::string>& types,
      const std::function<absl::Status(const submission::SnapshotInfo&)>& on_header,
      const std::function<absl::Status(const submission::FlatRecord&)>& on_record) override;
  // Self-evaluations name no person: the store's answer (NOT_FOUND) is passed on.
  absl::StatusOr<submission::ErasureResult> ErasePerson(
      const submission::ErasureRequest& request) override;

 private:
  submission::SubmissionStore& store_;
};

}  // namespace pif::reporting
