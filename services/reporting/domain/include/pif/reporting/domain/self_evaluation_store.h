// The store of the council's self-evaluations, as the domain sees it: the versions in force, their
// history, and single evaluations recorded as batches of one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/dates/date.h"
#include "pif/reporting/domain/report_sources.h"
#include "pif/reporting/v1/self_evaluation.pb.h"
#include "pif/submission/flat_record.h"

namespace pif::reporting {

// The source system of the batch of one that RecordSelfEvaluation commits.
inline constexpr char kSingleRecordSource[] = "RecordSelfEvaluation";
// How the ids RecordSelfEvaluation gives its batches of one begin.
inline constexpr char kSingleRecordBatchPrefix[] = "record-self-evaluation:";

// True for a batch of one committed by RecordSelfEvaluation, which the contract shows with an
// empty batch id (the caller sent no batch).
bool IsSingleRecordBatch(const std::string& batch_id, const std::string& source_system);

// Which evaluations to list.
struct SelfEvaluationFilter {
  std::string council;
  std::vector<int> areas;  // empty: every area
  std::string eval_id;     // empty: every evaluation
  std::optional<dates::Date> on_or_before;
  // Only the latest version in force of each area; otherwise every version, superseded ones too.
  bool latest_only = false;
  int limit = 100;
  int64_t offset = 0;
};

// One evaluation recorded by RecordSelfEvaluation.
struct RecordedOne {
  v1::RecordedSelfEvaluation recorded;
  // True when it replaced an earlier version of the same eval_id.
  bool replaced = false;
};

// Reads and records self-evaluations. Implementations are thread-safe.
class SelfEvaluationStore : public SelfEvaluationReader {
 public:
  // The matching versions by area, then newest eval_date first (then greatest eval_id, newest
  // version), with who recorded each, when, in which batch (empty for RecordSelfEvaluation) and
  // whether a later version superseded it.
  virtual absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> List(
      const SelfEvaluationFilter& filter) = 0;

  // Commits one evaluation that passed ValidateRecord as a batch of its own (so it is versioned,
  // audited and clears open rejections of its eval_id like any batch), recorded by `caller`, and
  // returns the version now in force. Sending the values in force again records nothing new
  // (replaced = false).
  virtual absl::StatusOr<RecordedOne> Record(const std::string& council,
                                             const submission::FlatRecord& evaluation,
                                             const std::string& caller) = 0;
};

}  // namespace pif::reporting
