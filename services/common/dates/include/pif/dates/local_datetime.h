// A wall-clock date-time in Europe/London, as case data sends it, and its conversion to an instant.
#ifndef PIF_DATES_LOCAL_DATETIME_H_
#define PIF_DATES_LOCAL_DATETIME_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/dates/date.h"

namespace pif::dates {

// A date and a time of day read on a clock in Europe/London (no offset is recorded).
class LocalDateTime {
 public:
  // hour 0-23, minute 0-59, second 0-59 on `date`, or nullopt when a field is out of range.
  static std::optional<LocalDateTime> Of(Date date, int hour, int minute, int second = 0);

  // 00:00:00 on `date`.
  static LocalDateTime StartOf(Date date);

  // The local calendar date (the day an event "is on").
  Date date() const { return date_; }
  // Hour of the day (0-23).
  int hour() const { return hour_; }
  // Minute of the hour (0-59).
  int minute() const { return minute_; }
  // Second of the minute (0-59).
  int second() const { return second_; }

  // The date-time as YYYY-MM-DDTHH:MM:SS.
  std::string ToString() const;

  // Comparisons are wall-clock order, which is not instant order inside the hour skipped when
  // clocks go forward; compare ToInstant results for real order.
  friend bool operator==(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() == b.Key();
  }
  friend bool operator!=(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() != b.Key();
  }
  friend bool operator<(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() < b.Key();
  }
  friend bool operator<=(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() <= b.Key();
  }
  friend bool operator>(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() > b.Key();
  }
  friend bool operator>=(const LocalDateTime& a, const LocalDateTime& b) {
    return a.Key() >= b.Key();
  }

 private:
  LocalDateTime(Date date, int hour, int minute, int second)
      : date_(date), hour_(hour), minute_(minute), second_(second) {}
  std::tuple<Date, int, int, int> Key() const { return {date_, hour_, minute_, second_}; }

  Date date_;
  int hour_;
  int minute_;
  int second_;
};

// Writes the date-time as YYYY-MM-DDTHH:MM:SS (for logs and test failure messages).
std::ostream& operator<<(std::ostream& os, const LocalDateTime& t);

// Reads exactly YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (date as ParseDate, hour 00-23, minute and
// second 00-59, no offset or fraction); anything else is INVALID_ARGUMENT with a plain message.
absl::StatusOr<LocalDateTime> ParseLocalDateTime(std::string_view text);

// The Europe/London zone from the system tzdata, loaded once; aborts if tzdata is missing.
const absl::TimeZone& LondonTimeZone();

// The instant of a Europe/London wall time. An ambiguous time (clocks going back) is its first
// occurrence (BST, UTC+1); a time that does not exist (clocks going forward) is read as GMT
// (UTC+0).
absl::Time ToInstant(const LocalDateTime& t);

// Real elapsed time from `a` to `b` across clock changes (negative when b is before a).
absl::Duration ElapsedBetween(const LocalDateTime& a, const LocalDateTime& b);

}  // namespace pif::dates

#endif  // PIF_DATES_LOCAL_DATETIME_H_
