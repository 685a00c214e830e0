// 7.1 and 7.2: length of service of the staff of one role in post at the census date.
#pragma once

#include <string>

#include "pif/dates/date.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/staff.h"
#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {

// The length-of-service band of someone who started on `start`, at `census`, by completed years
// (29 February rule): <1, 1-<2, 2-<5, 5-<10, 10-<20 or 20+; a start after `census` is <1.
std::string ServiceBandOf(dates::Date start, dates::Date census);

// The result `code` for `role`: counts.denominator = EMPLOYEE headcount in post at `census`
// (numerator 0: there is none), unknown = staff of the role whose employment is not recorded,
// one breakdown cell per band in band order (N = band headcount, D = headcount), then the
// supplementary figures median_years (absent when the headcount is 0) and agency_headcount.
figures::IndicatorResult LengthOfService(const std::string& code, Role role,
                                         const StaffIndex& staff, dates::Date census);

}  // namespace pif::workforce
