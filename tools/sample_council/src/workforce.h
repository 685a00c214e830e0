// The council's children and families workforce, sized month by month to its caseload: who is
// in post when, their records (staff.csv), absences (absences.csv), and case allocations.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "caseload.h"
#include "context.h"
#include "ids.h"
#include "pif/engine/records.h"
#include "pif/sample/workforce_rows.h"
#include "plan.h"
#include "random.h"
#include "realize.h"

namespace pif::sample::internal {

// One member of staff over their time in post.
struct StaffMember {
  std::string staff_id;
  Code role = "";
  Code manager_level = "NA";
  bool agency = false;
  Date start;     // service start (or start of the agency assignment)
  OptDate leave;  // empty: still in post on the extraction date
  double fte = 1.0;

  // True when in post on d.
  bool InPostOn(Date d) const { return start <= d && (!leave.has_value() || d < *leave); }
};

// Everyone in post at some time from the data start's month on.
struct Workforce {
  std::vector<StaffMember> members;
  // Indices into members of qualified social workers and of other fieldwork staff, by start.
  std::vector<size_t> social_workers;
  std::vector<size_t> field_other;
};

// Simulates hiring and leaving month by month so that the council has about one qualified social
// worker per 17 open cases, other fieldwork staff, residential staff for its children's houses,
// and team, middle and senior managers.
Workforce DrawWorkforce(const Context& context, const Caseload& caseload, Random& random);

// The versioned staff.csv rows: one per year of service (the annual review renews the CPD plan
// and may change registration), the last ending when the member leaves.
std::vector<StaffRow> StaffRows(const Context& context, const Workforce& workforce, Random& random);

// Monthly sickness and other unplanned absence of everyone in post on the month's first day.
std::vector<AbsenceRow> DrawAbsences(const Context& context, const Workforce& workforce,
                                     Random& random);

// Allocates the families' involvements to workers in post: mostly one named worker at a time
// (changing every year or two, or when the worker leaves), with some duty or team periods.
void AllocateCases(const Context& context, const Workforce& workforce,
                   const std::vector<FamilyCase>& cases, Random& random, Ids& ids,
                   engine::CaseRecords& records);

// The council's ten self-evaluations, one per framework area, graded in the last year.
std::vector<SelfEvaluationRow> DrawSelfEvaluations(const Context& context, Random& random);

}  // namespace pif::sample::internal
