// 7.5, 7.6, 7.7 and 9.1: percentages of the staff in post at the census date (unit: staff
// member, employee and agency alike; a flag not recorded stays in D and is not in N).
#pragma once

#include "pif/dates/date.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {

// 7.5: D = QSW, FIELD_OTHER and RESIDENTIAL staff in post at `census` (no MANAGER);
// N = nts_qual_met Y.
figures::IndicatorResult SuitablyQualified(const StaffIndex& staff, dates::Date census);

// 7.6: D = RESIDENTIAL staff in post at `census`; N = reg_qual_met Y; supplementary
// reg_cond_count and not_reg_count (sssc_status of the staff of D).
figures::IndicatorResult ResidentialQualified(const StaffIndex& staff, dates::Date census);

// 7.7: D = staff in post at `census` with service_start_date <= census - 91 days;
// N = cpd_plan_date in (census - 365 days, census].
figures::IndicatorResult CpdPlans(const StaffIndex& staff, dates::Date census);

// 9.1: D = MANAGER staff in post at `census`; N = mgmt_qual Y; breakdown manager_level with a
// cell for TEAM, MIDDLE, SENIOR and NA always, and NOT_RECORDED when some level is missing.
figures::IndicatorResult ManagersQualified(const StaffIndex& staff, dates::Date census);

}  // namespace pif::workforce
