#include "pif/proto_util/dates.h"

namespace pif {
namespace {

std::optional<figures::DayFields> DayFieldsOf(const common::v1::Date& day, bool given) {
  if (!given) return std::nullopt;
  return figures::DayFields{day.year(), day.month(), day.day()};
}

}  // namespace

std::optional<dates::Date> DateFromProto(const common::v1::Date& date) {
  if (date.year() < dates::kMinYear || date.year() > dates::kMaxYear) return std::nullopt;
  return dates::Date::FromYmd(date.year(), date.month(), date.day());
}

common::v1::Date DateToProto(const dates::Date& date) {
  common::v1::Date message;
  message.set_year(date.year());
  message.set_month(date.month());
  message.set_day(date.day());
  return message;
}

figures::PeriodFields PeriodFieldsOf(const common::v1::Period& period, bool given) {
  figures::PeriodFields fields;
  fields.given = given;
  fields.first_day = DayFieldsOf(period.first_day(), period.has_first_day());
  fields.last_day = DayFieldsOf(period.last_day(), period.has_last_day());
  return fields;
}

common::v1::Period PeriodToProto(const figures::Period& period) {
  common::v1::Period message;
  *message.mutable_first_day() = DateToProto(period.first);
  *message.mutable_last_day() = DateToProto(period.last);
  return message;
}

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  google::protobuf::Timestamp timestamp;
  const int64_t seconds = absl::ToUnixSeconds(time);
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
  return timestamp;
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) + absl::Nanoseconds(timestamp.nanos());
}

}  // namespace pif
