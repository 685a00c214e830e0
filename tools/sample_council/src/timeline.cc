#include "timeline.h"

#include <cstring>

#include "pif/dates/age.h"

namespace pif::sample::internal {

std::optional<int> AgeOn(const ChildPlan& child, Date d) { return dates::AgeOn(child.dob, d); }

const EpisodePlan* EpisodeOn(const ChildPlan& child, Date d) {
  for (const EpisodePlan& episode : child.episodes) {
    if (!episode.short_breaks_only && Covers(episode.start, episode.end, d)) return &episode;
  }
  return nullptr;
}

const PlacementPlan* PlacementOn(const ChildPlan& child, Date d) {
  const EpisodePlan* episode = EpisodeOn(child, d);
  if (episode == nullptr) return nullptr;
  for (const PlacementPlan& placement : episode->placements) {
    if (Covers(placement.start, placement.end, d)) return &placement;
  }
  return nullptr;
}

bool AccommodatedOn(const ChildPlan& child, Date d) {
  const PlacementPlan* placement = PlacementOn(child, d);
  return placement != nullptr && !Is(placement->type, "HOME");
}

bool IsResidential(Code type) {
  return Is(type, "RES_LA") || Is(type, "RES_VOL") || Is(type, "RES_SCHOOL") ||
         Is(type, "SECURE") || Is(type, "CRISIS") || Is(type, "OTH_RES");
}

bool OpenOn(const ChildPlan& child, Date d, const char* basis) {
  for (const InvolvementPlan& involvement : child.involvements) {
    if ((basis[0] == '\0' || Is(involvement.basis, basis)) &&
        Covers(involvement.open, involvement.close, d)) {
      return true;
    }
  }
  return false;
}

}  // namespace pif::sample::internal
