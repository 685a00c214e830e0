// What a committed batch reports back, and a rejected record as kept: plain structs shared by the
// store and the gRPC adapters (which convert them to pif.common.v1 messages).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "pif/core/domain_status.h"

namespace pif::submission {

// Where a record came from in a CSV import (file empty for records sent over gRPC).
struct SourceRef {
  std::string file;
  int64_t row = 0;
};

// One rejected record of a batch.
struct RejectionInfo {
  int64_t position = 0;  // 1-based position in the stream
  SourceRef source;
  std::string record_type;
  std::string record_id;  // key values joined by '|', empty parts when missing
  std::vector<FieldViolation> errors;
  std::string rejection_id;  // the id it is kept under
};

// The result of a batch, stored with it and returned unchanged when the batch id is sent again.
struct BatchSummary {
  std::string council;
  std::string batch_id;
  int64_t data_version = 0;
  int64_t accepted_count = 0;
  int64_t rejected_count = 0;
  // The first rejections (at most kMaxListedRejections); all are kept in the store.
  std::vector<RejectionInfo> rejections;
  bool rejections_truncated = false;
  // Earlier open rejections cleared because this batch accepted a record with the same id.
  int64_t cleared_rejection_count = 0;
  absl::Time committed_at;
  // Accepted and rejected counts per record type, in schema order.
  std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> per_type;
  // True when this is the stored result of an earlier commit of the same batch id.
  bool replayed = false;
};

// How many rejections a summary lists; the rest are listed with ListRejections.
inline constexpr int kMaxListedRejections = 1000;

// A batch as audited: who sent it, when, and what came of it.
struct BatchAudit {
  BatchSummary summary;
  std::string caller;
  std::string source_system;
  absl::Time started_at;
};

// A rejected record as kept: the cells exactly as received, its errors and its state.
struct StoredRejection {
  RejectionInfo rejection;
  std::string council;
  std::string batch_id;
  absl::Time received_at;
  // The cells as received (name, text), in the order received.
  std::vector<std::pair<std::string, std::string>> cells;
  // True when the record was sent typed (over gRPC) rather than as raw text cells.
  bool received_typed = false;
  // Empty while open; "CORRECTED" or "DELETED" once cleared.
  std::string cleared_reason;
  std::string cleared_by_batch;     // the batch whose accepted record cleared it
  std::string cleared_by_deletion;  // the deletion that cleared it
  std::string cleared_by;           // the caller whose batch or deletion cleared it
  std::optional<absl::Time> cleared_at;
};

}  // namespace pif::submission
