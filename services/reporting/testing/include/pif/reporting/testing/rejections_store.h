// A partial fake of the submission store, for the reads of rejections.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/submission/store.h"

namespace pif::reporting::testing {

// A submission store of the batches and rejections a test sets, for what reads rejections
// (ListRejections, the batches they name, the data version); every other call is UNIMPLEMENTED
// naming itself. Batches belong to `batch_council`.
class RejectionsOnlyStore final : public submission::SubmissionStore {
 public:
  absl::StatusOr<std::unique_ptr<submission::BatchWriter>> Begin(
      const submission::BatchInfo&, std::optional<submission::BatchSummary>*) override {
    return absl::UnimplementedError("Begin");
  }
  absl::StatusOr<submission::BatchAudit> GetBatch(const std::string& council,
                                                  const std::string& batch_id) override {
    ++batch_reads;
    if (!batch_failure.ok()) return batch_failure;
    auto found = source_systems.find(batch_id);
    if (council != batch_council || found == source_systems.end()) {
      return absl::NotFoundError("no such batch");
    }
    submission::BatchAudit audit;
    audit.summary.batch_id = batch_id;
    audit.source_system = found->second;
    return audit;
  }
  absl::StatusOr<std::vector<submission::BatchAudit>> ListBatches(const std::string&,
                                                                  std::optional<absl::Time>,
                                                                  std::optional<absl::Time>, int,
                                                                  int) override {
    return absl::UnimplementedError("ListBatches");
  }
  absl::StatusOr<submission::RejectionPage> ListRejections(
      const submission::RejectionFilter& filter) override {
    last_filter = filter;
    return page;
  }
  absl::StatusOr<submission::StoredRejection> GetRejection(const std::string&,
                                                           const std::string&) override {
    return absl::UnimplementedError("GetRejection");
  }
  absl::StatusOr<submission::DataVersion> GetDataVersion(const std::string&) override {
    return data_version;
  }
  absl::StatusOr<submission::DeletionResult> DeleteRecord(const std::string&, const std::string&,
                                                          const std::string&, const std::string&,
                                                          const std::string&) override {
    return absl::UnimplementedError("DeleteRecord");
  }
  absl::StatusOr<submission::ErasureResult> ErasePerson(
      const submission::ErasureRequest&) override {
    return absl::UnimplementedError("ErasePerson");
  }
  absl::Status ReadSnapshot(
      const std::string&, const std::vector<std::string>&,
      const std::function<absl::Status(const submission::SnapshotInfo&)>&,
      const std::function<absl::Status(const submission::FlatRecord&)>&) override {
    return absl::UnimplementedError("ReadSnapshot");
  }

  std::string batch_council = "S12000033";
  std::map<std::string, std::string> source_systems;  // batch id -> source system
  submission::RejectionPage page;
  submission::RejectionFilter last_filter;
  absl::Status batch_failure;
  int batch_reads = 0;
  submission::DataVersion data_version;
};

}  // namespace pif::reporting::testing
