// ComputeWorkforce: reads a council's staff and absences, intake's open cases for 7.4, computes
// the figures, applies disclosure control, stores them with provenance, and returns the stored
// figures when the same computation was done on the same data before.
#pragma once

#include "absl/status/statusor.h"
#include "pif/workforce/domain/compute_request.h"
#include "pif/workforce/domain/open_cases.h"
#include "pif/workforce/domain/results_store.h"
#include "pif/workforce/domain/staff_source.h"
#include "pif/workforce/domain/workforce_figures.h"

namespace pif::workforce {

// Computes workforce figures; the parts it is given must outlive it. Thread-safe when they are.
class WorkforceComputation {
 public:
  WorkforceComputation(StaffSource& staff, ResultsStore& results, OpenCasesSource& intake)
      : staff_(staff), results_(results), intake_(intake) {}

  // Checks `request` (CheckComputeRequest gives its errors) and computes it.
  absl::StatusOr<WorkforceResultSet> Compute(const ComputeRequest& request);

  // The figures `query` asks for. 7.4a/b need intake: when it cannot be reached the whole call
  // fails with UNAVAILABLE naming intake and nothing is stored, so 7.4 is never reported as 0%;
  // without 7.4 in the codes intake is not called (intake_data_version 0). PUBLISHED figures use
  // the default disclosure policy (indicators.md section 7).
  absl::StatusOr<WorkforceResultSet> ComputeChecked(const WorkforceQuery& query);

 private:
  StaffSource& staff_;
  ResultsStore& results_;
  OpenCasesSource& intake_;
};

}  // namespace pif::workforce
