// Dates, periods and times of the contracts (pif.common.v1.Date and Period, protobuf Timestamp)
// as the date rules', the figures' and abseil's types.
#pragma once

#include <optional>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "pif/common/v1/date.pb.h"
#include "pif/common/v1/results.pb.h"
#include "pif/dates/date.h"
#include "pif/figures/period.h"
#include "pif/figures/period_check.h"

namespace pif {

// The calendar date of a Date message; nullopt when it is not one (month 13, year 0 ...).
std::optional<dates::Date> DateFromProto(const common::v1::Date& date);

// A date as a Date message.
common::v1::Date DateToProto(const dates::Date& date);

// A period message as sent (`given`: whether the request had it), for figures::CheckPeriod.
figures::PeriodFields PeriodFieldsOf(const common::v1::Period& period, bool given);

// A period as a Period message.
common::v1::Period PeriodToProto(const figures::Period& period);

// A point in time as a protobuf Timestamp (microseconds and finer kept), and back.
google::protobuf::Timestamp ToTimestamp(absl::Time time);
absl::Time FromTimestamp(const google::protobuf::Timestamp& timestamp);

}  // namespace pif
