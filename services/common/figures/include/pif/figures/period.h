// The reporting period of a computation: first and last day, both inclusive.
#pragma once

#include "pif/dates/date.h"

namespace pif::figures {

// [first, last], both inclusive; the census date CD is `last`.
struct Period {
  dates::Date first;
  dates::Date last;

  // The census date CD (= last).
  dates::Date census() const { return last; }
  // True when first <= d <= last.
  bool Contains(dates::Date d) const { return first <= d && d <= last; }
};

}  // namespace pif::figures
