// Recording and listing a council's self-evaluations: the rules of RecordSelfEvaluation and
// ListSelfEvaluations over the self-evaluation store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/core/domain_status.h"
#include "pif/figures/period_check.h"
#include "pif/reporting/domain/page.h"
#include "pif/reporting/domain/self_evaluation_store.h"
#include "pif/submission/flat_record.h"

namespace pif::reporting {

// One evaluation to record, as sent.
struct EvaluationRecording {
  std::string council;
  // The evaluation as a flat record of SelfEvaluationSchema(); nullopt when none was sent.
  std::optional<submission::FlatRecord> evaluation;
  // What converting it found wrong (fields named within the evaluation, "" for the whole).
  std::vector<FieldViolation> conversion_violations;
  // Who records it (CallScope::RecordedCaller()).
  std::string caller;
};

// Which evaluations to list, as sent.
struct SelfEvaluationQuery {
  std::string council;
  std::vector<int> areas;  // empty: every area
  // Only evaluations dated on or before this day, when given.
  std::optional<figures::DayFields> on_or_before;
  bool latest_only = false;
  PageAsk page;
};

// The self-evaluation rpcs' rules; `store` must outlive it.
class SelfEvaluations {
 public:
  explicit SelfEvaluations(SelfEvaluationStore& store) : store_(store) {}

  // Records one evaluation after checking the council, that an evaluation was sent, and every
  // rule of the schema: INVALID_ARGUMENT with every violation, fields named
  // `self_evaluation.<column>`, otherwise.
  absl::StatusOr<RecordedOne> Record(const EvaluationRecording& recording);

  // One page of the matching evaluations (100 by default, at most 500), in the store's order.
  // INVALID_ARGUMENT naming the field for a bad council, an area outside 1-10 (`areas[i]`), an
  // on_or_before that is not a calendar date, or a bad page size or token.
  absl::StatusOr<Page<v1::RecordedSelfEvaluation>> List(const SelfEvaluationQuery& query);

 private:
  SelfEvaluationStore& store_;
};

}  // namespace pif::reporting
