// The workforce records as typed values, converted from stored, validated records: what the
// workforce figures are computed from. Plain data, no behaviour beyond reading dates.
#pragma once

#include <optional>
#include <string>

#include "pif/dates/date.h"
#include "pif/dates/year_month.h"

namespace pif::workforce {

// A staff member's role (staff.csv `role`).
enum class Role { kQsw, kFieldOther, kResidential, kManager };

// A manager's level (staff.csv `manager_level`).
enum class ManagerLevel { kTeam, kMiddle, kSenior, kNa };

// How the staff member is engaged (staff.csv `employment`).
enum class Employment { kEmployee, kAgency };

// SSSC registration status (staff.csv `sssc_status`).
enum class SsscStatus { kReg, kRegCond, kNotReg, kNa };

// The kind of an absence (absences.csv `type`).
enum class AbsenceType { kSick, kOtherUnplanned };

// One row of staff.csv: a staff member's record on the days [valid_from, valid_to).
// An empty optional is a field not recorded.
struct StaffRow {
  std::string staff_id;
  dates::Date valid_from;
  std::optional<dates::Date> valid_to;  // empty: still applies
  Role role = Role::kQsw;
  std::optional<ManagerLevel> manager_level;
  std::optional<Employment> employment;
  dates::Date service_start_date;
  double fte = 1.0;  // 0 < fte <= 1
  std::optional<SsscStatus> sssc_status;
  std::optional<bool> reg_qual_met;
  std::optional<bool> nts_qual_met;
  std::optional<dates::Date> cpd_plan_date;
  std::optional<bool> mgmt_qual;

  // True when the row applies on `d`: valid_from <= d and (no valid_to or d < valid_to).
  bool Covers(dates::Date d) const { return valid_from <= d && (!valid_to || d < *valid_to); }
};

// One row of absences.csv: working days lost by one staff member in one calendar month.
struct AbsenceRow {
  std::string absence_id;
  std::string staff_id;
  dates::YearMonth month;
  AbsenceType type = AbsenceType::kSick;
  double fte_days_lost = 0;  // FTE days, >= 0
};

}  // namespace pif::workforce
