// Dates, periods and times of the contracts (pif.common.v1.Date, Period, protobuf Timestamp) as
// the date rules' and abseil's types.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "pif/common/v1/date.pb.h"
#include "pif/common/v1/results.pb.h"
#include "pif/dates/date.h"

namespace pif::reporting {

// The calendar date of a Date message; nullopt when it is not one (month 13, year 0 ...).
std::optional<dates::Date> FromProto(const common::v1::Date& date);

// A date as a Date message.
common::v1::Date ToProto(const dates::Date& date);

// A period of two calendar dates, first <= last.
struct PeriodDates {
  dates::Date first;
  dates::Date last;
};

// The period of a request: INVALID_ARGUMENT naming `field` (`period`, `period.first_day` ...)
// when it is missing, a day is not a calendar date, or the last day is before the first.
absl::StatusOr<PeriodDates> CheckPeriod(const common::v1::Period& period, bool has_period,
                                        const std::string& field);

// A period as a Period message.
common::v1::Period ToProto(const PeriodDates& period);

// A point in time as a protobuf Timestamp (microseconds and finer kept).
google::protobuf::Timestamp ToTimestamp(absl::Time time);

}  // namespace pif::reporting
