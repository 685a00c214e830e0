#include "proto_dates.h"

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"

namespace pif::reporting {
namespace {

// A required day of a request, a calendar date within the years input may use.
absl::StatusOr<dates::Date> CheckDay(const common::v1::Date& day, bool has_day,
                                     const std::string& field) {
  if (!has_day)
    return InvalidField(field, "REQUIRED_FIELD_MISSING", absl::StrCat(field, " is required"));
  std::optional<dates::Date> date = dates::Date::FromYmd(day.year(), day.month(), day.day());
  if (!date.has_value() || date->year() < dates::kMinInputYear ||
      date->year() > dates::kMaxInputYear) {
    return InvalidField(field, "MALFORMED_DATE",
                        absl::StrCat(field, " must be a calendar date in the years ",
                                     dates::kMinInputYear, " to ", dates::kMaxInputYear));
  }
  return *date;
}

}  // namespace

std::optional<dates::Date> FromProto(const common::v1::Date& date) {
  if (date.year() < dates::kMinYear || date.year() > dates::kMaxYear) return std::nullopt;
  return dates::Date::FromYmd(date.year(), date.month(), date.day());
}

common::v1::Date ToProto(const dates::Date& date) {
  common::v1::Date message;
  message.set_year(date.year());
  message.set_month(date.month());
  message.set_day(date.day());
  return message;
}

absl::StatusOr<PeriodDates> CheckPeriod(const common::v1::Period& period, bool has_period,
                                        const std::string& field) {
  if (!has_period) {
    return InvalidField(field, "REQUIRED_FIELD_MISSING",
                        absl::StrCat(field, " is required: its first and last day"));
  }
  absl::StatusOr<dates::Date> first =
      CheckDay(period.first_day(), period.has_first_day(), absl::StrCat(field, ".first_day"));
  if (!first.ok()) return first.status();
  absl::StatusOr<dates::Date> last =
      CheckDay(period.last_day(), period.has_last_day(), absl::StrCat(field, ".last_day"));
  if (!last.ok()) return last.status();
  if (*last < *first) {
    return InvalidField(absl::StrCat(field, ".last_day"), "PERIOD_END_BEFORE_START",
                        absl::StrCat(field, ".last_day ", last->ToString(),
                                     " is before its first_day ", first->ToString()));
  }
  return PeriodDates{*first, *last};
}

common::v1::Period ToProto(const PeriodDates& period) {
  common::v1::Period message;
  *message.mutable_first_day() = ToProto(period.first);
  *message.mutable_last_day() = ToProto(period.last);
  return message;
}

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
  return timestamp;
}

}  // namespace pif::reporting
