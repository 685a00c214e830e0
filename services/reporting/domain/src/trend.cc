#include "pif/reporting/domain/trend.h"

#include <algorithm>
#include <cmath>

namespace pif::reporting {
namespace {

constexpr int kMonthsPerYear = 12;

// `date` moved back `years` whole years, keeping a month's last day at its month's end.
dates::Date YearsBefore(const dates::Date& date, int years, bool keep_month_end) {
  const dates::Date moved = date.AddMonths(-kMonthsPerYear * years);
  if (!keep_month_end || date.day() != dates::DaysInMonth(date.year(), date.month())) {
    return moved;
  }
  return *dates::Date::FromYmd(moved.year(), moved.month(),
                               dates::DaysInMonth(moved.year(), moved.month()));
}

}  // namespace

std::vector<figures::Period> TrendPeriods(const figures::Period& period, int count) {
  count = std::clamp(count, 1, kMaxTrendPeriods);
  std::vector<figures::Period> periods;
  for (int years = count - 1; years >= 0; --years) {
    periods.push_back(
        {YearsBefore(period.first, years, false), YearsBefore(period.last, years, true)});
  }
  return periods;
}

std::optional<double> ShownValue(const v1::TrendPoint& point) {
  if (point.has_value() && point.value().has_value()) return point.value().value();
  if (point.has_measure() && point.measure().has_value()) return point.measure().value();
  return std::nullopt;
}

v1::Change ChangeBetween(const v1::TrendPoint* previous, const v1::TrendPoint& current,
                         common::v1::Polarity polarity) {
  if (previous == nullptr) return v1::CHANGE_NOT_COMPARABLE;
  const std::optional<double> before = ShownValue(*previous);
  const std::optional<double> now = ShownValue(current);
  if (!before.has_value() || !now.has_value() ||
      previous->definition_version() != current.definition_version()) {
    return v1::CHANGE_NOT_COMPARABLE;
  }
  const long long before_tenths = std::llround(*before * 10);
  const long long now_tenths = std::llround(*now * 10);
  if (before_tenths == now_tenths) return v1::CHANGE_SAME;
  const bool went_up = now_tenths > before_tenths;
  switch (polarity) {
    case common::v1::POLARITY_HIGHER_IS_BETTER:
      return went_up ? v1::CHANGE_IMPROVED : v1::CHANGE_WORSENED;
    case common::v1::POLARITY_LOWER_IS_BETTER:
      return went_up ? v1::CHANGE_WORSENED : v1::CHANGE_IMPROVED;
    default:
      return v1::CHANGE_MOVED;
  }
}

}  // namespace pif::reporting
