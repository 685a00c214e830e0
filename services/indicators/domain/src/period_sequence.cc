#include "pif/indicators/domain/period_sequence.h"

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/dates/year_month.h"

namespace pif::indicators {
namespace {

// Largest step accepted: ten periods of it stay well inside the dates' range.
constexpr int kMaxStepMonths = 120;

bool IsEndOfMonth(dates::Date d) { return d == dates::YearMonth::Containing(d).last_day(); }

dates::Date MoveLastDay(dates::Date last, int months) {
  const dates::Date moved = last.AddMonths(months);
  return IsEndOfMonth(last) ? dates::YearMonth::Containing(moved).last_day() : moved;
}

}  // namespace

absl::StatusOr<std::vector<figures::Period>> ConsecutivePeriods(const figures::Period& first,
                                                                int count, int step_months,
                                                                const std::string& field) {
  if (count < 1 || count > kMaxSeriesPeriods) {
    const std::string name = field + ".count";
    const std::string message =
        absl::StrCat(name, " must be from 1 to ", kMaxSeriesPeriods, "; it is ", count);
    return InvalidArgumentWithFields(message, {{name, "OUT_OF_RANGE", message}});
  }
  if (step_months < 0 || step_months > kMaxStepMonths) {
    const std::string name = field + ".step_months";
    const std::string message =
        absl::StrCat(name, " must be from 0 (= 12) to ", kMaxStepMonths, "; it is ", step_months);
    return InvalidArgumentWithFields(message, {{name, "OUT_OF_RANGE", message}});
  }
  const int step = step_months == 0 ? 12 : step_months;
  std::vector<figures::Period> periods;
  for (int i = 0; i < count; ++i) {
    // Each period is moved from the first, not from the one before, so clamping a 31st to a
    // 30th in one period does not shift every later one.
    periods.push_back({first.first.AddMonths(i * step), MoveLastDay(first.last, i * step)});
  }
  return periods;
}

}  // namespace pif::indicators
