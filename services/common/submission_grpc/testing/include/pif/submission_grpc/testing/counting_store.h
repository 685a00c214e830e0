// A submission store that counts every call before passing it to the store it wraps: for
// adapter tests that prove a refused call read and changed nothing.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/submission/store.h"

namespace pif::submission_grpc::testing {

// Passes every call to the store it wraps, counting it.
class CountingSubmissionStore final : public submission::SubmissionStore {
 public:
  // `inner` must outlive this store.
  explicit CountingSubmissionStore(submission::SubmissionStore& inner) : inner_(inner) {}

  // Calls made so far, of every method.
  int calls() const { return calls_.load(); }
  // The count as text, for an authorization matrix's footprint.
  std::string Footprint() const { return absl::StrCat("submission store calls=", calls()); }

  absl::StatusOr<std::unique_ptr<submission::BatchWriter>> Begin(
      const submission::BatchInfo& info, std::optional<submission::BatchSummary>* replay) override {
    ++calls_;
    return inner_.Begin(info, replay);
  }
  absl::StatusOr<submission::BatchAudit> GetBatch(const std::string& council,
                                                  const std::string& batch_id) override {
    ++calls_;
    return inner_.GetBatch(council, batch_id);
  }
  absl::StatusOr<std::vector<submission::BatchAudit>> ListBatches(const std::string& council,
                                                                  std::optional<absl::Time> after,
                                                                  std::optional<absl::Time> before,
                                                                  int limit, int offset) override {
    ++calls_;
    return inner_.ListBatches(council, after, before, limit, offset);
  }
  absl::StatusOr<submission::RejectionPage> ListRejections(
      const submission::RejectionFilter& filter) override {
    ++calls_;
    return inner_.ListRejections(filter);
  }
  absl::StatusOr<submission::StoredRejection> GetRejection(
      const std::string& council, const std::string& rejection_id) override {
    ++calls_;
    return inner_.GetRejection(council, rejection_id);
  }
  absl::StatusOr<submission::DataVersion> GetDataVersion(const std::string& council) override {
    ++calls_;
    return inner_.GetDataVersion(council);
  }
  absl::StatusOr<submission::DeletionResult> DeleteRecord(const std::string& council,
                                                          const std::string& record_type,
                                                          const std::string& record_id,
                                                          const std::string& reason,
                                                          const std::string& caller) override {
    ++calls_;
    return inner_.DeleteRecord(council, record_type, record_id, reason, caller);
  }
  absl::Status ReadSnapshot(
      const std::string& council, const std::vector<std::string>& types,
      const std::function<absl::Status(const submission::SnapshotInfo&)>& on_header,
      const std::function<absl::Status(const submission::FlatRecord&)>& on_record) override {
    ++calls_;
    return inner_.ReadSnapshot(council, types, on_header, on_record);
  }
  absl::StatusOr<submission::ErasureResult> ErasePerson(
      const submission::ErasureRequest& request) override {
    ++calls_;
    return inner_.ErasePerson(request);
  }

 private:
  submission::SubmissionStore& inner_;
  std::atomic<int> calls_{0};
};

}  // namespace pif::submission_grpc::testing
