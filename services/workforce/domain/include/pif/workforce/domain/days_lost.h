// 7.3a/b/c: working days lost to sickness per FTE of one staff group over the period's months.
#pragma once

#include <string>
#include <vector>

#include "pif/dates/year_month.h"
#include "pif/figures/period.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/staff.h"
#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {

// The calendar months whose first day is in [period.first, period.last], in order.
std::vector<dates::YearMonth> MonthsStartingIn(const figures::Period& period);

// The result `code` for `role`. Counts are 0 (the figures are decimals); the supplementary
// figures, in order: sick_fte_days_lost (N), mean_fte (D; absent when there is no month),
// other_unplanned_fte_days_lost, days_per_fte = N / D to 1 decimal (absent when D is 0).
figures::IndicatorResult DaysLostPerFte(const std::string& code, Role role, const StaffIndex& staff,
                                        const std::vector<AbsenceRow>& absences,
                                        const figures::Period& period);

}  // namespace pif::workforce
