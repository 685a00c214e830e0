// Questions the event generators ask of a child's planned history: age, looked after, where
// placed, which involvements are open.
#pragma once

#include <optional>

#include "plan.h"

namespace pif::sample::internal {

// True when [start, end) covers d (an empty end runs on).
inline bool Covers(Date start, const OptDate& end, Date d) {
  return start <= d && (!end.has_value() || d < *end);
}

// Age in completed years on d; nullopt before birth.
std::optional<int> AgeOn(const ChildPlan& child, Date d);

// The episode covering d that the engine counts (not short breaks only), or nullptr.
const EpisodePlan* EpisodeOn(const ChildPlan& child, Date d);

// The (non-short-break) placement covering d, or nullptr.
const PlacementPlan* PlacementOn(const ChildPlan& child, Date d);

// True when a counted episode covers d.
inline bool LookedAfterOn(const ChildPlan& child, Date d) { return EpisodeOn(child, d) != nullptr; }

// True when d is covered by a placement away from home (not HOME, not a short break).
bool AccommodatedOn(const ChildPlan& child, Date d);

// True for residential placement types (RES_*, SECURE, CRISIS, OTH_RES).
bool IsResidential(Code type);

// True when an involvement of `basis` ("" = any) is open on d.
bool OpenOn(const ChildPlan& child, Date d, const char* basis = "");

}  // namespace pif::sample::internal
