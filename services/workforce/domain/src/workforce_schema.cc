#include "pif/workforce/domain/workforce_schema.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace pif::workforce {
namespace {

using submission::Column;
using submission::ColumnKind;
using submission::RecordSchema;

Column Id(std::string name) { return Column{std::move(name), ColumnKind::kText, true, {}}; }
Column Date(std::string name, bool required = false) {
  return Column{std::move(name), ColumnKind::kDate, required, {}};
}
Column Code(std::string name, std::vector<std::string> codes, bool required = false) {
  return Column{std::move(name), ColumnKind::kCode, required, std::move(codes)};
}
Column Flag(std::string name) { return Code(std::move(name), {"Y", "N"}); }
Column Decimal(std::string name, double min, double max, bool min_exclusive) {
  Column c{std::move(name), ColumnKind::kDecimal, true, {}};
  c.min = min;
  c.max = max;
  c.min_exclusive = min_exclusive;
  return c;
}

RecordSchema Staff() {
  RecordSchema staff{"StaffRecord", "staff.csv", "staff_records", {}, {"staff_id", "valid_from"}};
  staff.columns = {Id("staff_id"),
                   Date("valid_from", true),
                   Date("valid_to"),
                   Code("role", {"QSW", "FIELD_OTHER", "RESIDENTIAL", "MANAGER"}, true),
                   Code("manager_level", {"TEAM", "MIDDLE", "SENIOR", "NA"}),
                   Code("employment", {"EMPLOYEE", "AGENCY"}),
                   Date("service_start_date", true),
                   Decimal("fte", 0, 1, /*min_exclusive=*/true),
                   Code("sssc_status", {"REG", "REG_COND", "NOT_REG", "NA"}),
                   Flag("reg_qual_met"),
                   Flag("nts_qual_met"),
                   Date("cpd_plan_date"),
                   Flag("mgmt_qual")};
  staff.order_rules = {{"valid_from", "valid_to", "STAFF_VALID_TO_BEFORE_FROM"}};
  staff.no_overlaps = {{"staff_id", "valid_from", "valid_to", "STAFF_ROWS_OVERLAP"}};
  return staff;
}

RecordSchema Absence() {
  RecordSchema absence{"Absence", "absences.csv", "absences", {}, {"absence_id"}};
  absence.columns = {Id("absence_id"), Id("staff_id"),
                     Column{"month", ColumnKind::kYearMonth, true, {}},
                     Code("type", {"SICK", "OTHER_UNPLANNED"}, true),
                     Decimal("fte_days_lost", 0, std::numeric_limits<double>::infinity(),
                             /*min_exclusive=*/false)};
  absence.parents = {{"staff_id", "StaffRecord", "staff_id", "STAFF_UNKNOWN"}};
  return absence;
}

submission::SubmissionSchema Build() {
  submission::SubmissionSchema schema;
  schema.service = "workforce";
  schema.types = {Staff(), Absence()};
  return schema;
}

}  // namespace

const submission::SubmissionSchema& WorkforceSchema() {
  static const submission::SubmissionSchema* schema = new submission::SubmissionSchema(Build());
  return *schema;
}

}  // namespace pif::workforce
