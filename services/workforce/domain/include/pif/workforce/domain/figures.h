// The workforce figures of one council and period (indicators.md section 5), from its staff and
// absence records and, for 7.4, intake's open cases.
#pragma once

#include <vector>

#include "pif/figures/period.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/open_cases.h"
#include "pif/workforce/domain/staff.h"

namespace pif::workforce {

// Every figure of WorkforceCatalogue() in its order: 7.1, 7.2, 7.3a-c, 7.4a-b, 7.5, 7.6, 7.7,
// 9.1; 7.4a and 7.4b are left out when `open_cases` is null (the caller reports them as
// unavailable, never as 0%). Requires period.first <= period.last; CD = period.last.
std::vector<figures::IndicatorResult> ComputeWorkforce(const std::vector<StaffRow>& staff,
                                                       const std::vector<AbsenceRow>& absences,
                                                       const figures::Period& period,
                                                       const OpenCases* open_cases);

}  // namespace pif::workforce
