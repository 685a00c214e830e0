// Half-open date intervals [start, end) of case data: a record applies on every day d with
// start <= d < end; an empty end means it still applies.
#ifndef PIF_DATES_INTERVAL_H_
#define PIF_DATES_INTERVAL_H_

#include <optional>

#include "pif/dates/date.h"

namespace pif::dates {

// The days a record applies on: [start, end), or [start, forever) when `end` is empty.
struct DateInterval {
  Date start;
  std::optional<Date> end;

  // True when the interval applies on no day (end <= start).
  bool IsEmpty() const;

  // True when the record applies on `d`: start <= d and (no end or d < end).
  bool Covers(Date d) const;

  // True when some day is covered by both intervals (an empty interval overlaps nothing, and
  // one ending on the day the other starts does not overlap it).
  bool Overlaps(const DateInterval& other) const;

  // True when some day of the inclusive period [first, last] is covered (false if last < first).
  bool OverlapsPeriod(Date first, Date last) const;

  // True when `inner` lies within this interval by its bounds: inner.start >= start and inner ends
  // no later than this one (an open-ended inner fits only in an open-ended interval).
  bool Contains(const DateInterval& inner) const;
};

}  // namespace pif::dates

#endif  // PIF_DATES_INTERVAL_H_
