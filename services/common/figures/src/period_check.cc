#include "pif/figures/period_check.h"

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"

namespace pif::figures {
namespace {

absl::StatusOr<dates::Date> CheckDay(const std::optional<DayFields>& day,
                                     const std::string& field) {
  if (!day.has_value()) {
    return InvalidField(field, "REQUIRED_FIELD_MISSING", absl::StrCat(field, " is required"));
  }
  std::optional<dates::Date> date = dates::Date::FromYmd(day->year, day->month, day->day);
  if (!date.has_value() || day->year < dates::kMinInputYear || day->year > dates::kMaxInputYear) {
    return InvalidField(field, "MALFORMED_DATE",
                        absl::StrCat(field, " ", day->year, "-", day->month, "-", day->day,
                                     " is not a calendar date from ", dates::kMinInputYear, " to ",
                                     dates::kMaxInputYear));
  }
  return *date;
}

}  // namespace

absl::StatusOr<Period> CheckPeriod(const PeriodFields& period, const std::string& field) {
  if (!period.given || (!period.first_day.has_value() && !period.last_day.has_value())) {
    return InvalidField(field, "REQUIRED_FIELD_MISSING",
                        absl::StrCat(field, " is required: its first_day and last_day"));
  }
  absl::StatusOr<dates::Date> first = CheckDay(period.first_day, absl::StrCat(field, ".first_day"));
  if (!first.ok()) return first.status();
  absl::StatusOr<dates::Date> last = CheckDay(period.last_day, absl::StrCat(field, ".last_day"));
  if (!last.ok()) return last.status();
  if (*last < *first) {
    return InvalidField(absl::StrCat(field, ".last_day"), "PERIOD_END_BEFORE_START",
                        absl::StrCat(field, ".last_day ", last->ToString(), " is before ", field,
                                     ".first_day ", first->ToString()));
  }
  return Period{*first, *last};
}

}  // namespace pif::figures
