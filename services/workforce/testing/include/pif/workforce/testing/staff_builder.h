// Small readable staff histories for the workforce tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "pif/dates/date.h"
#include "pif/dates/year_month.h"
#include "pif/figures/period.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/staff.h"

namespace pif::workforce::testing {

// The date written YYYY-MM-DD (aborts the test binary on a typo).
inline dates::Date D(const std::string& text) { return dates::ParseDate(text).value(); }

// The month written YYYY-MM.
inline dates::YearMonth M(const std::string& text) { return dates::ParseYearMonth(text).value(); }

// [first, last].
inline figures::Period P(const std::string& first, const std::string& last) {
  return {D(first), D(last)};
}

// The CLAS year starting on 1 August of `year`: [year-08-01, (year + 1)-07-31].
inline figures::Period ClasYear(int year) {
  return {*dates::Date::FromYmd(year, 8, 1), *dates::Date::FromYmd(year + 1, 7, 31)};
}

// Collects staff rows and absences.
class StaffBuilder {
 public:
  // Adds an EMPLOYEE row of fte 1 applying on [from, to) (to "" = open) whose service started on
  // `from`; returns it for further fields (valid until the next Add).
  StaffRow& Add(const std::string& staff_id, Role role, const std::string& from,
                const std::string& to = "") {
    StaffRow row;
    row.staff_id = staff_id;
    row.role = role;
    row.valid_from = D(from);
    if (!to.empty()) row.valid_to = D(to);
    row.employment = Employment::kEmployee;
    row.service_start_date = D(from);
    row.fte = 1.0;
    staff.push_back(row);
    return staff.back();
  }

  // Adds an absence of `staff_id` in `month` (YYYY-MM).
  void Absent(const std::string& staff_id, const std::string& month, AbsenceType type,
              double fte_days_lost) {
    absences.push_back(AbsenceRow{"A" + std::to_string(absences.size() + 1), staff_id, M(month),
                                  type, fte_days_lost});
  }

  std::vector<StaffRow> staff;
  std::vector<AbsenceRow> absences;
};

// The supplementary figure `name` of `result`, or nullopt when it is absent.
inline std::optional<double> Figure(const figures::IndicatorResult& result,
                                    const std::string& name) {
  for (const figures::SupplementaryFigure& figure : result.supplementary) {
    if (figure.name == name) return figure.value;
  }
  return std::nullopt;
}

// The breakdown cell (dimension, category) of `result`; fails the test when it is absent.
inline figures::Counts Cell(const figures::IndicatorResult& result, const std::string& dimension,
                            const std::string& category) {
  for (const figures::BreakdownCell& cell : result.breakdowns) {
    if (cell.dimension == dimension && cell.category == category) return cell.counts;
  }
  ADD_FAILURE() << result.code << " has no cell " << dimension << "=" << category;
  return {-1, -1};
}

}  // namespace pif::workforce::testing
