#include "pif/dates/age.h"

#include "absl/strings/str_cat.h"
#include "check.h"

namespace pif::dates {

Date AnniversaryIn(Date from, int year) {
  const std::optional<Date> same_day = Date::FromYmd(year, from.month(), from.day());
  if (same_day) return *same_day;
  // Only 29 February can be missing from a year (in years 1-9999).
  const std::optional<Date> first_of_march = Date::FromYmd(year, 3, 1);
  if (from.month() != 2 || from.day() != 29 || !first_of_march) {
    internal::Die(absl::StrCat("AnniversaryIn(", from.ToString(), ", ", year, ") is not a date"));
  }
  return *first_of_march;
}

int CompletedYears(Date from, Date on) {
  if (on < from) {
    internal::Die(absl::StrCat("CompletedYears(", from.ToString(), ", ", on.ToString(),
                               "): the day is before the start"));
  }
  const int years = on.year() - from.year();
  return on < AnniversaryIn(from, on.year()) ? years - 1 : years;
}

int YearsOfService(Date start, Date on) { return CompletedYears(start, on); }

std::optional<int> AgeOn(std::optional<Date> dob, Date on) {
  if (!dob || on < *dob) return std::nullopt;
  return CompletedYears(*dob, on);
}

}  // namespace pif::dates
