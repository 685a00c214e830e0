// ComputeWorkforce: reads a council's staff and absences from the submission store, intake's open
// cases for 7.4, computes the figures, applies disclosure control, stores them with provenance,
// and returns the stored figures when the same computation was done on the same data before.
#pragma once

#include "absl/status/statusor.h"
#include "intake/intake_open_cases.h"
#include "pif/submission/store.h"
#include "pif/workforce/v1/workforce_service.pb.h"
#include "store/results_store.h"

namespace pif::workforce {

// Computes workforce figures; the parts it is given must outlive it. Thread-safe when they are.
class WorkforceComputation {
 public:
  // `records` is a store over WorkforceSchema().
  WorkforceComputation(submission::SubmissionStore& records, ResultsStore& results,
                       OpenCasesSource& intake)
      : records_(records), results_(results), intake_(intake) {}

  // The figures asked for (see CheckComputeRequest for the request errors). 7.4a/b need intake:
  // when it cannot be reached the whole call fails with UNAVAILABLE naming intake, so 7.4 is
  // never reported as 0%; without 7.4 in `codes` intake is not called (intake_data_version 0).
  // PUBLISHED figures use the default disclosure policy (indicators.md section 7).
  absl::StatusOr<v1::ComputeWorkforceResponse> Compute(const v1::ComputeWorkforceRequest& request);

 private:
  submission::SubmissionStore& records_;
  ResultsStore& results_;
  OpenCasesSource& intake_;
};

}  // namespace pif::workforce
