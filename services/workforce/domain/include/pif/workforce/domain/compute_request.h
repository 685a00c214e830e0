// What a ComputeWorkforce call asks for, as sent and once checked.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/figures/period.h"
#include "pif/figures/period_check.h"

namespace pif::workforce {

// A request as sent, not yet checked.
struct ComputeRequest {
  std::string council;
  figures::PeriodFields period;
  // Figure codes; empty asks for every figure.
  std::vector<std::string> codes;
  // PUBLISHED, or not given (the safe default); false only for INTERNAL.
  bool published = true;
};

// A checked request.
struct WorkforceQuery {
  std::string council;
  figures::Period period;
  // The codes asked for, in catalogue order without repeats (every code when none was given).
  std::vector<std::string> codes;
  bool published = true;
};

// INVALID_ARGUMENT with a field violation for: a council that is not a GSS code; the period as
// figures::CheckPeriod checks it (field "period"); a code that is not a workforce figure
// (UNKNOWN_INDICATOR_CODE, field codes[i]).
absl::StatusOr<WorkforceQuery> CheckComputeRequest(const ComputeRequest& request);

// True when any of `codes` joins intake's case data (7.4a, 7.4b).
bool NeedsCaseData(const std::vector<std::string>& codes);

}  // namespace pif::workforce
