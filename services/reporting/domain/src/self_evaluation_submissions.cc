#include "pif/reporting/domain/self_evaluation_submissions.h"

#include <map>

#include "absl/strings/match.h"
#include "pif/reporting/domain/self_evaluation_store.h"

namespace pif::reporting {

absl::StatusOr<std::unique_ptr<submission::BatchWriter>> SelfEvaluationSubmissions::Begin(
    const submission::BatchInfo& info, std::optional<submission::BatchSummary>* replay) {
  return store_.Begin(info, replay);
}

absl::StatusOr<submission::BatchAudit> SelfEvaluationSubmissions::GetBatch(
    const std::string& council, const std::string& batch_id) {
  return store_.GetBatch(council, batch_id);
}

absl::StatusOr<std::vector<submission::BatchAudit>> SelfEvaluationSubmissions::ListBatches(
    const std::string& council, std::optional<absl::Time> after, std::optional<absl::Time> before,
    int limit, int offset) {
  return store_.ListBatches(council, after, before, limit, offset);
}

absl::StatusOr<submission::RejectionPage> SelfEvaluationSubmissions::ListRejections(
    const submission::RejectionFilter& filter) {
  absl::StatusOr<submission::RejectionPage> page = store_.ListRejections(filter);
  if (!page.ok()) return page;
  std::map<std::string, bool> single;  // batch id -> committed by RecordSelfEvaluation
  for (submission::StoredRejection& rejection : page->rejections) {
    const std::string& batch_id = rejection.cleared_by_batch;
    if (!absl::StartsWith(batch_id, kSingleRecordBatchPrefix)) continue;
    auto known = single.find(batch_id);
    if (known == single.end()) {
      absl::StatusOr<submission::BatchAudit> audit = store_.GetBatch(filter.council, batch_id);
      if (!audit.ok()) return audit.status();
      known = single.emplace(batch_id, IsSingleRecordBatch(batch_id, audit->source_system)).first;
    }
    if (known->second) rejection.cleared_by_batch.clear();
  }
  return page;
}

absl::StatusOr<submission::StoredRejection> SelfEvaluationSubmissions::GetRejection(
    const std::string& council, const std::string& rejection_id) {
  return store_.GetRejection(council, rejection_id);
}

absl::StatusOr<submission::DataVersion> SelfEvaluationSubmissions::GetDataVersion(
    const std::string& council) {
  return store_.GetDataVersion(council);
}

absl::StatusOr<submission::DeletionResult> SelfEvaluationSubmissions::DeleteRecord(
    const std::string& council, const std::string& record_type, const std::string& record_id,
    const std::string& reason, const std::string& caller) {
  return store_.DeleteRecord(council, record_type, record_id, reason, caller);
}

absl::StatusOr<submission::ErasureResult> SelfEvaluationSubmissions::ErasePerson(
    const submission::ErasureRequest& request) {
  return store_.ErasePerson(request);
}

absl::Status SelfEvaluationSubmissions::ReadSnapshot(
    const std::string& council, const std::vector<std::string>& types,
    const std::function<absl::Status(const submission::SnapshotInfo&)>& on_header,
    const std::function<absl::Status(const submission::FlatRecord&)>& on_record) {
  return store_.ReadSnapshot(council, types, on_header, on_record);
}

}  // namespace pif::reporting
