// A calendar date (no time of day, no time zone) and the strict YYYY-MM-DD form of case data.
#ifndef PIF_DATES_DATE_H_
#define PIF_DATES_DATE_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"

namespace pif::dates {

// Smallest and largest year a Date can hold; arithmetic leaving this range aborts.
inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

// Smallest and largest year accepted from input (ParseDate, ParseYearMonth, ParseLocalDateTime).
inline constexpr int kMinInputYear = 1900;
inline constexpr int kMaxInputYear = 2100;

// True when `year` of the proleptic Gregorian calendar has a 29 February.
bool IsLeapYear(int year);

// Number of days (28-31) of `month` (1-12) in `year`; 0 when `month` is not 1-12.
int DaysInMonth(int year, int month);

// A day of the proleptic Gregorian calendar, stored as days since 1970-01-01.
class Date {
 public:
  // 1970-01-01; exists so that Date can sit in aggregates, not as a "missing" value.
  constexpr Date() = default;

  // The date y-m-d, or nullopt when it is not a calendar date or its year is outside 1-9999.
  static std::optional<Date> FromYmd(int year, int month, int day);

  // The date `days` days after 1970-01-01 (negative: before); aborts outside years 1-9999.
  static Date FromDaysSinceEpoch(std::int32_t days);

  // Days since 1970-01-01 (negative before it).
  constexpr std::int32_t days_since_epoch() const { return days_; }

  // Calendar year (1-9999).
  int year() const;
  // Calendar month (1-12).
  int month() const;
  // Day of the month (1-31).
  int day() const;

  // The date as YYYY-MM-DD.
  std::string ToString() const;

  // The date `n` days later (earlier when n < 0); aborts outside years 1-9999.
  Date AddDays(std::int32_t n) const;

  // The same day of the month `n` calendar months later (earlier when n < 0), clamped to the last
  // day of the target month (2024-01-31 + 1 = 2024-02-29); aborts outside years 1-9999.
  Date AddMonths(int n) const;

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

  // Lets absl hash containers key on a Date.
  template <typename H>
  friend H AbslHashValue(H h, Date d) {
    return H::combine(std::move(h), d.days_);
  }

 private:
  explicit constexpr Date(std::int32_t days) : days_(days) {}

  std::int32_t days_ = 0;
};

// Writes the date as YYYY-MM-DD (for logs and test failure messages).
std::ostream& operator<<(std::ostream& os, Date d);

// Number of days from `a` to `b`: b - a (negative when b is before a).
int DaysBetween(Date a, Date b);

// Reads exactly YYYY-MM-DD (10 characters, ASCII digits, a calendar date, year 1900-2100);
// anything else is INVALID_ARGUMENT with a plain message naming the broken rule.
absl::StatusOr<Date> ParseDate(std::string_view text);

}  // namespace pif::dates

#endif  // PIF_DATES_DATE_H_
