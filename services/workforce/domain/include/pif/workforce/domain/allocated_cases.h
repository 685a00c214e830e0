// 7.4a and 7.4b: children with an involvement open at the census date who have an allocated
// (qualified social) worker, joining intake's open cases to the staff rows in force at CD.
#pragma once

#include <vector>

#include "pif/dates/date.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/open_cases.h"
#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {

// 7.4a then 7.4b. D = distinct children of `open_cases`. 7.4a: N = children with a staff_id
// whose row in force at `census` has role QSW (employee or agency). 7.4b: N = children with any
// non-empty staff_id, known to the workforce data or not.
std::vector<figures::IndicatorResult> AllocatedCases(const OpenCases& open_cases,
                                                     const StaffIndex& staff, dates::Date census);

}  // namespace pif::workforce
