// The period of a request as its caller sent it, and the one check every service applies to it.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "pif/figures/period.h"

namespace pif::figures {

// A day as sent: three numbers, not yet known to be a calendar date.
struct DayFields {
  int year = 0;
  int month = 0;
  int day = 0;
};

// A period as sent: each of its days when given, and whether the request had a period at all.
struct PeriodFields {
  std::optional<DayFields> first_day;
  std::optional<DayFields> last_day;
  bool given = true;
};

// The period, or INVALID_ARGUMENT naming the field: `field` missing or with neither day
// (REQUIRED_FIELD_MISSING),
// `<field>.first_day` or `.last_day` missing (REQUIRED_FIELD_MISSING) or not a calendar date from
// 1900 to 2100 (MALFORMED_DATE), or a last day before the first (PERIOD_END_BEFORE_START).
absl::StatusOr<Period> CheckPeriod(const PeriodFields& period, const std::string& field);

}  // namespace pif::figures
