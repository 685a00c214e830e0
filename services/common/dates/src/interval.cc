#include "pif/dates/interval.h"

namespace pif::dates {
namespace {

// True when `d` is before the end `end` (an empty end is after every day).
bool BeforeEnd(Date d, const std::optional<Date>& end) { return !end || d < *end; }

}  // namespace

bool DateInterval::IsEmpty() const { return !BeforeEnd(start, end); }

bool DateInterval::Covers(Date d) const { return start <= d && BeforeEnd(d, end); }

bool DateInterval::Overlaps(const DateInterval& other) const {
  // The common part is [max(starts), min(ends)); it has a day when its start is before each end.
  const Date common_start = start < other.start ? other.start : start;
  return BeforeEnd(common_start, end) && BeforeEnd(common_start, other.end);
}

bool DateInterval::OverlapsPeriod(Date first, Date last) const {
  const Date common_start = start < first ? first : start;
  return common_start <= last && BeforeEnd(common_start, end);
}

bool DateInterval::Contains(const DateInterval& inner) const {
  if (inner.start < start) return false;
  if (!end) return true;
  return inner.end.has_value() && *inner.end <= *end;
}

}  // namespace pif::dates
