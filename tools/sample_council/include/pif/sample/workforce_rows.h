// Workforce and self-evaluation rows of case-data.md (staff.csv, absences.csv,
// self_evaluations.csv), field for field: codes as the contract's text, dates as dates.
#pragma once

#include <optional>
#include <string>

#include "pif/dates/date.h"
#include "pif/dates/year_month.h"

namespace pif::sample {

// One version of a staff member's record (staff.csv); applies on [valid_from, valid_to).
struct StaffRow {
  std::string staff_id;
  dates::Date valid_from;
  std::optional<dates::Date> valid_to;  // empty: still in post
  std::string role;                     // QSW, FIELD_OTHER, RESIDENTIAL, MANAGER
  std::string manager_level;            // TEAM, MIDDLE, SENIOR, NA
  std::string employment;               // EMPLOYEE, AGENCY
  dates::Date service_start_date;
  double fte = 1.0;          // 0 < fte <= 1, two decimals at most
  std::string sssc_status;   // REG, REG_COND, NOT_REG, NA
  std::string reg_qual_met;  // Y, N
  std::string nts_qual_met;  // Y, N
  std::optional<dates::Date> cpd_plan_date;
  std::string mgmt_qual;  // Y, N
};

// Working days lost by one staff member in one calendar month (absences.csv).
struct AbsenceRow {
  std::string absence_id;
  std::string staff_id;
  dates::YearMonth month = *dates::YearMonth::Of(2000, 1);
  std::string type;          // SICK, OTHER_UNPLANNED
  double fte_days_lost = 0;  // one decimal
};

// A graded self-evaluation of one framework area (self_evaluations.csv).
struct SelfEvaluationRow {
  std::string eval_id;
  int area = 1;  // 1-10
  std::string qi_ref;
  dates::Date eval_date;
  int grade = 4;  // 1-6
  std::string evidence;
  std::string approved_by;
};

}  // namespace pif::sample
