#include "pif/dates/date.h"

#include <cstdio>
#include <ostream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "check.h"
#include "text.h"

namespace pif::dates {
namespace {

struct Ymd {
  int year;
  int month;
  int day;
};

// Days since 1970-01-01 of a valid y-m-d (H. Hinnant's days_from_civil, exact for any year).
constexpr std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                   // [0, 399]
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

// The y-m-d of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
Ymd CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Ymd{year, month, day};
}

constexpr std::int64_t kMinDays = DaysFromCivil(kMinYear, 1, 1);
constexpr std::int64_t kMaxDays = DaysFromCivil(kMaxYear, 12, 31);

// Aborts unless `days` is a day of years 1-9999; `what` names the operation for the message.
std::int32_t CheckedDays(std::int64_t days, const char* what) {
  if (days < kMinDays || days > kMaxDays) {
    internal::Die(absl::StrCat(what, " leaves the years ", kMinYear, "-", kMaxYear));
  }
  return static_cast<std::int32_t>(days);
}

// Floor division for a positive divisor.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;  // also rejects bad months
  return Date(static_cast<std::int32_t>(DaysFromCivil(year, month, day)));
}

Date Date::FromDaysSinceEpoch(std::int32_t days) {
  return Date(CheckedDays(days, "Date::FromDaysSinceEpoch"));
}

int Date::year() const { return CivilFromDays(days_).year; }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

std::string Date::ToString() const {
  const Ymd ymd = CivilFromDays(days_);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buffer;
}

Date Date::AddDays(std::int32_t n) const {
  return Date(CheckedDays(std::int64_t{days_} + n, "Date::AddDays"));
}

Date Date::AddMonths(int n) const {
  const Ymd ymd = CivilFromDays(days_);
  const std::int64_t months = std::int64_t{ymd.year} * 12 + (ymd.month - 1) + n;
  const std::int64_t year = FloorDiv(months, 12);
  if (year < kMinYear || year > kMaxYear) {
    internal::Die(absl::StrCat("Date::AddMonths leaves the years ", kMinYear, "-", kMaxYear));
  }
  const int month = static_cast<int>(months - year * 12) + 1;
  const int last = DaysInMonth(static_cast<int>(year), month);
  const int day = ymd.day < last ? ymd.day : last;
  return Date(static_cast<std::int32_t>(DaysFromCivil(year, month, day)));
}

std::ostream& operator<<(std::ostream& os, Date d) { return os << d.ToString(); }

int DaysBetween(Date a, Date b) { return b.days_since_epoch() - a.days_since_epoch(); }

absl::StatusOr<Date> ParseDate(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  const std::optional<int> year = shaped ? internal::ParseDigits(text.substr(0, 4)) : std::nullopt;
  const std::optional<int> month = shaped ? internal::ParseDigits(text.substr(5, 2)) : std::nullopt;
  const std::optional<int> day = shaped ? internal::ParseDigits(text.substr(8, 2)) : std::nullopt;
  if (!year || !month || !day) {
    return absl::InvalidArgumentError(
        absl::StrCat(internal::Quote(text), " is not a date in the form YYYY-MM-DD"));
  }
  const std::string shown(text);
  if (*year < kMinInputYear || *year > kMaxInputYear) {
    return absl::InvalidArgumentError(
        absl::StrCat(shown, " is outside the years ", kMinInputYear, "-", kMaxInputYear));
  }
  const std::optional<Date> date = Date::FromYmd(*year, *month, *day);
  if (!date) return absl::InvalidArgumentError(absl::StrCat(shown, " is not a calendar date"));
  return *date;
}

}  // namespace pif::dates
