// A last line of defence against a figure revealing a suppressed count.
#pragma once

#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// In every figure of `report` (headlines, breakdown cells, trend points and previous values)
// whose numerator or denominator is suppressed but which still carries a value, the value is
// replaced by a withheld reason (NUMERATOR_SUPPRESSED, or DENOMINATOR_UNDER_THRESHOLD when only
// the denominator is suppressed): such a value could give the suppressed count away. Disclosure
// control belongs to the computing services, so a correct report is left unchanged.
void WithholdValuesOfSuppressedCounts(reporting::v1::Report* report);

}  // namespace pif::report_render
