#include "pif/dates/year_month.h"

#include <cstdint>
#include <cstdio>
#include <ostream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "check.h"
#include "text.h"

namespace pif::dates {

std::optional<YearMonth> YearMonth::Of(int year, int month) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  return YearMonth(year, month);
}

YearMonth YearMonth::Containing(Date d) { return YearMonth(d.year(), d.month()); }

Date YearMonth::first_day() const { return *Date::FromYmd(year_, month_, 1); }

Date YearMonth::last_day() const {
  return *Date::FromYmd(year_, month_, DaysInMonth(year_, month_));
}

YearMonth YearMonth::AddMonths(int n) const {
  const std::int64_t months = std::int64_t{Key()} + n;
  const std::int64_t year = months >= 0 ? months / 12 : -((-months + 11) / 12);
  if (year < kMinYear || year > kMaxYear) {
    internal::Die(absl::StrCat("YearMonth::AddMonths leaves the years ", kMinYear, "-", kMaxYear));
  }
  return YearMonth(static_cast<int>(year), static_cast<int>(months - year * 12) + 1);
}

std::string YearMonth::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year_, month_);
  return buffer;
}

std::ostream& operator<<(std::ostream& os, YearMonth ym) { return os << ym.ToString(); }

absl::StatusOr<YearMonth> ParseYearMonth(std::string_view text) {
  const bool shaped = text.size() == 7 && text[4] == '-';
  const std::optional<int> year = shaped ? internal::ParseDigits(text.substr(0, 4)) : std::nullopt;
  const std::optional<int> month = shaped ? internal::ParseDigits(text.substr(5, 2)) : std::nullopt;
  if (!year || !month) {
    return absl::InvalidArgumentError(
        absl::StrCat(internal::Quote(text), " is not a month in the form YYYY-MM"));
  }
  const std::string shown(text);
  if (*year < kMinInputYear || *year > kMaxInputYear) {
    return absl::InvalidArgumentError(
        absl::StrCat(shown, " is outside the years ", kMinInputYear, "-", kMaxInputYear));
  }
  const std::optional<YearMonth> ym = YearMonth::Of(*year, *month);
  if (!ym) return absl::InvalidArgumentError(absl::StrCat(shown, " is not a calendar month"));
  return *ym;
}

}  // namespace pif::dates
