#include "pif/workforce/domain/days_lost.h"

#include <algorithm>

#include "pif/workforce/domain/figure_names.h"
#include "tenths.h"

namespace pif::workforce {

std::vector<dates::YearMonth> MonthsStartingIn(const figures::Period& period) {
  std::vector<dates::YearMonth> months;
  if (period.last < period.first) return months;
  dates::YearMonth month = dates::YearMonth::Containing(period.first);
  if (month.first_day() < period.first) month = month.AddMonths(1);
  for (; month.first_day() <= period.last; month = month.AddMonths(1)) months.push_back(month);
  return months;
}

figures::IndicatorResult DaysLostPerFte(const std::string& code, Role role, const StaffIndex& staff,
                                        const std::vector<AbsenceRow>& absences,
                                        const figures::Period& period) {
  const std::vector<dates::YearMonth> months = MonthsStartingIn(period);
  double fte_sum = 0;
  for (const dates::YearMonth& month : months) {
    for (const StaffRow* row : staff.InPostOn(month.last_day())) {
      if (row->role == role) fte_sum += row->fte;
    }
  }
  double sick = 0;
  double other_unplanned = 0;
  for (const AbsenceRow& absence : absences) {
    if (std::find(months.begin(), months.end(), absence.month) == months.end()) continue;
    const StaffRow* row = staff.RowInForce(absence.staff_id, absence.month.first_day());
    if (row == nullptr || row->role != role) continue;
    (absence.type == AbsenceType::kSick ? sick : other_unplanned) += absence.fte_days_lost;
  }

  figures::IndicatorResult result;
  result.code = code;
  result.supplementary.push_back({kSickFteDaysLost, sick});
  const double mean_fte = months.empty() ? 0 : fte_sum / static_cast<double>(months.size());
  if (!months.empty()) result.supplementary.push_back({kMeanFte, mean_fte});
  result.supplementary.push_back({kOtherUnplannedFteDaysLost, other_unplanned});
  if (mean_fte > 0) result.supplementary.push_back({kDaysPerFte, RoundToTenth(sick / mean_fte)});
  return result;
}

}  // namespace pif::workforce
