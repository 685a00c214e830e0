// Checks a ComputeWorkforceRequest and reads it into what the computation needs.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/figures/period.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::workforce {

// A checked request.
struct ComputeArgs {
  std::string council;
  figures::Period period;
  // The codes asked for, in catalogue order without repeats (every code when none was given).
  std::vector<std::string> codes;
  // PUBLISHED, or not given (the safe default); false only for INTERNAL.
  bool published = true;
};

// INVALID_ARGUMENT with a field violation for: a council that is not a GSS code; a missing period
// or day (REQUIRED_FIELD_MISSING), a day that is not a calendar date from 1900 to 2100
// (MALFORMED_DATE), a last day before the first (PERIOD_END_BEFORE_START); a code that is not a
// workforce figure (UNKNOWN_INDICATOR_CODE, field codes[i]).
absl::StatusOr<ComputeArgs> CheckComputeRequest(const v1::ComputeWorkforceRequest& request);

// True when any of `codes` joins intake's case data (7.4a, 7.4b).
bool NeedsCaseData(const std::vector<std::string>& codes);

}  // namespace pif::workforce
