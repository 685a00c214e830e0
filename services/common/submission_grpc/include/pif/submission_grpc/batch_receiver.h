// One submission batch as it streams in, whatever the service's message types: checks the
// header, opens the batch in the store (or finds it already committed), converts and validates
// each record, stages it as accepted or rejected, and commits on a matching BatchEnd.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "pif/common/v1/submission.pb.h"
#include "pif/submission/schema.h"
#include "pif/submission/store.h"

namespace pif::submission_grpc {

// Receives one batch; destroying it before a successful Commit commits nothing.
class BatchReceiver {
 public:
  // `store` and `schema` must outlive the receiver.
  BatchReceiver(submission::SubmissionStore& store, const submission::SubmissionSchema& schema);

  // Checks the header and opens the batch for `caller`. When the council already committed
  // this batch id, replay() holds the stored result and nothing more may be added.
  absl::Status Open(const common::v1::BatchHeader& header, const std::string& caller);
  // The stored result of an earlier commit of the same batch id, when there was one.
  const std::optional<submission::BatchSummary>& replay() const { return replay_; }

  // Adds the next record of the stream, sent typed: `record` is the record message itself
  // (a Placement, not its Record wrapper), nullptr when the client sent an empty record.
  absl::Status AddTyped(const google::protobuf::Message* record,
                        const common::v1::SourceRef* source);
  // Adds the next record of the stream, sent as text cells.
  absl::Status AddRaw(const common::v1::RawRecord& raw, const common::v1::SourceRef* source);

  // Commits the batch when `end` counts exactly the records added; INVALID_ARGUMENT (and
  // nothing committed) otherwise.
  absl::StatusOr<submission::BatchSummary> Commit(const common::v1::BatchEnd& end);

  // Records added so far (the position of the last one).
  int64_t count() const { return count_; }

 private:
  absl::Status Reject(const submission::SourceRef& source, const std::string& record_type,
                      const std::string& record_id,
                      const std::vector<std::pair<std::string, std::string>>& cells,
                      bool received_typed, const std::vector<FieldViolation>& errors);

  submission::SubmissionStore& store_;
  const submission::SubmissionSchema& schema_;
  std::unique_ptr<submission::BatchWriter> writer_;
  std::optional<submission::BatchSummary> replay_;
  std::string council_;
  std::string batch_id_;
  int64_t count_ = 0;
};

}  // namespace pif::submission_grpc
