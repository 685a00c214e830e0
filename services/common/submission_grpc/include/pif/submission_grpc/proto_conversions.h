// The submission structs of pif/submission as pif.common.v1 messages.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "pif/common/v1/submission.pb.h"
#include "pif/submission/summary.h"

namespace pif::submission_grpc {

// A SourceRef message as the store's struct (an unset message is {"", 0}), and back (nullopt
// file and row 0 leave the message unset).
submission::SourceRef FromProto(const common::v1::SourceRef* source);

// A batch's result as sent back to the client.
common::v1::SubmissionSummary ToProto(const submission::BatchSummary& summary);

// A batch's audit entry; only the record types present in the batch are counted.
common::v1::Batch ToProto(const submission::BatchAudit& audit);

// A kept rejection with its state; each error's `value` is the received cell of its field.
common::v1::StoredRejection ToProto(const submission::StoredRejection& stored);

// The cells of a record as received, as a RawRecord.
common::v1::RawRecord ToRawRecord(const std::string& record_type,
                                  const std::vector<std::pair<std::string, std::string>>& cells);

}  // namespace pif::submission_grpc
