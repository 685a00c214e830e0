// A calendar month (YYYY-MM), as used by monthly workforce figures.
#ifndef PIF_DATES_YEAR_MONTH_H_
#define PIF_DATES_YEAR_MONTH_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "pif/dates/date.h"

namespace pif::dates {

// One month of one year of the Gregorian calendar.
class YearMonth {
 public:
  // The month `month` (1-12) of `year` (1-9999), or nullopt when either is out of range.
  static std::optional<YearMonth> Of(int year, int month);

  // The month that holds `d`.
  static YearMonth Containing(Date d);

  // Calendar year (1-9999).
  int year() const { return year_; }
  // Month of the year (1-12).
  int month() const { return month_; }

  // The first day of the month.
  Date first_day() const;
  // The last day of the month (28 February, 29 February in a leap year, 30 or 31 otherwise).
  Date last_day() const;

  // The month `n` months later (earlier when n < 0); aborts outside years 1-9999.
  YearMonth AddMonths(int n) const;

  // The month as YYYY-MM.
  std::string ToString() const;

  friend bool operator==(YearMonth a, YearMonth b) { return a.Key() == b.Key(); }
  friend bool operator!=(YearMonth a, YearMonth b) { return a.Key() != b.Key(); }
  friend bool operator<(YearMonth a, YearMonth b) { return a.Key() < b.Key(); }
  friend bool operator<=(YearMonth a, YearMonth b) { return a.Key() <= b.Key(); }
  friend bool operator>(YearMonth a, YearMonth b) { return a.Key() > b.Key(); }
  friend bool operator>=(YearMonth a, YearMonth b) { return a.Key() >= b.Key(); }

 private:
  YearMonth(int year, int month) : year_(year), month_(month) {}
  int Key() const { return year_ * 12 + (month_ - 1); }

  int year_;
  int month_;
};

// Writes the month as YYYY-MM (for logs and test failure messages).
std::ostream& operator<<(std::ostream& os, YearMonth ym);

// Reads exactly YYYY-MM (7 characters, ASCII digits, month 01-12, year 1900-2100);
// anything else is INVALID_ARGUMENT with a plain message naming the broken rule.
absl::StatusOr<YearMonth> ParseYearMonth(std::string_view text);

}  // namespace pif::dates

#endif  // PIF_DATES_YEAR_MONTH_H_
