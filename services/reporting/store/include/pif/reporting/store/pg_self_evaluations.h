// The council's self-evaluations in reporting's PostgreSQL database: the versions in force
// (self_evaluations, written by the shared submission store), their history
// (self_evaluation_versions, written by trigger) and single evaluations recorded as batches of one.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/pg/pool.h"
#include "pif/reporting/domain/self_evaluation_store.h"
#include "pif/submission/store.h"

namespace pif::reporting {

// The SelfEvaluationStore of the service; `pool` and `store` (over SelfEvaluationSchema(), on the
// same database) must outlive it.
class PgSelfEvaluations final : public SelfEvaluationStore {
 public:
  PgSelfEvaluations(pg::Pool& pool, submission::SubmissionStore& store)
      : pool_(pool), store_(store) {}

  absl::StatusOr<CurrentEvaluations> Current(const std::string& council) override;
  absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> List(
      const SelfEvaluationFilter& filter) override;
  absl::StatusOr<RecordedOne> Record(const std::string& council,
                                     const submission::FlatRecord& evaluation,
                                     const std::string& caller) override;

 private:
  pg::Pool& pool_;
  submission::SubmissionStore& store_;
};

}  // namespace pif::reporting
