// Ages and years of service in completed years, with the 29 February rule of the indicators spec.
#ifndef PIF_DATES_AGE_H_
#define PIF_DATES_AGE_H_

#include <optional>

#include "pif/dates/date.h"

namespace pif::dates {

// The anniversary of `from` in `year`: same month and day, except that 29 February falls on
// 1 March in a year without one.
Date AnniversaryIn(Date from, int year);

// Whole years from `from` to `on`: the number of anniversaries of `from` in (from, on].
// Requires from <= on (aborts otherwise; use AgeOn for data that may break it).
int CompletedYears(Date from, Date on);

// Years of service of someone who started on `start`, on the day `on` (CompletedYears).
int YearsOfService(Date start, Date on);

// Age in completed years on `on`; nullopt (no age) when `dob` is missing or after `on`.
std::optional<int> AgeOn(std::optional<Date> dob, Date on);

}  // namespace pif::dates

#endif  // PIF_DATES_AGE_H_
