// The BatchWriter of FakeSubmissionStore: keeps what is added in memory until Commit.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "pif/submission/testing/fake_store.h"

namespace pif::submission::testing {

// A record staged by a FakeBatchWriter: valid (type >= 0) or rejected on its own (type < 0).
struct StagedRecord {
  int64_t position = 0;
  SourceRef source;
  int type = -1;            // schema position of a valid record's type
  FlatRecord record;        // a valid record, its schema pointing into the store's schema
  std::string record_type;  // the type as received (a valid record: its schema type)
  std::string record_id;
  std::vector<std::pair<std::string, std::string>> cells;  // rejected on its own: as received
  bool received_typed = false;
  std::vector<FieldViolation> errors;  // rejected on its own: its errors
};

// One batch being received by a FakeSubmissionStore.
class FakeBatchWriter final : public BatchWriter {
 public:
  // `store` must outlive the writer.
  FakeBatchWriter(FakeSubmissionStore& store, BatchInfo info);

  absl::Status AddValid(int64_t position, const SourceRef& source,
                        const FlatRecord& record) override;
  absl::Status AddRejected(int64_t position, const SourceRef& source,
                           const std::string& record_type, const std::string& record_id,
                           const std::vector<std::pair<std::string, std::string>>& received_cells,
                           bool received_typed, const std::vector<FieldViolation>& errors) override;
  absl::StatusOr<BatchSummary> Commit(int64_t expected_count) override;

 private:
  FakeSubmissionStore& store_;
  const BatchInfo info_;
  std::vector<StagedRecord> staged_;
  bool open_ = true;
};

}  // namespace pif::submission::testing
