// Turns a planned family into contract records with fresh ids: children, involvements, child
// protection records, episodes with legal reasons and placements, and every event record.
#pragma once

#include <cstddef>
#include <vector>

#include "caseload.h"
#include "events.h"
#include "plan.h"

namespace pif::sample::internal {

// Where a family's involvements sit in CaseRecords::involvements: [first, end).
struct FamilyCase {
  size_t first_involvement = 0;
  size_t end_involvement = 0;
  FamilyType type = FamilyType::kVoluntary;
};

// Appends the family's records to sink.records, counts its children in `caseload`, and returns
// where its involvements are (allocations are added later, once the workforce exists).
FamilyCase RealizeFamily(const FamilyPlan& family, EventSink& sink, Caseload& caseload);

}  // namespace pif::sample::internal
