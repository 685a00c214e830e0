// Looked-after episodes: the sequence of placements a child (or a sibling group placed together)
// goes through, the legal reasons that go with them, and the carers who look after them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "context.h"
#include "plan.h"
#include "random.h"

namespace pif::sample::internal {

// Where a looked-after child mainly lives during an episode.
enum class CareKind { kHome, kKinship, kFoster, kResidential };

// A drawn episode before it is cut to one child's dates: contiguous placements, ending on `end`.
struct CarePath {
  std::vector<PlacementPlan> placements;
  Date end;
  Code destination = "";
};

// Draws carer and establishment ids from the council's pools.
class Carers {
 public:
  explicit Carers(const Context& context) : context_(context) {}
  // A carer id for the `index`th placement, of `type`, of sibling group `group` of family
  // `family` (empty for HOME). Kinship and adoptive carers belong to the family; foster carers
  // and establishments come from the council's pools.
  std::string For(Code type, int64_t family, int group, int index, Random& random) const;
  // A short-break (respite) unit of the council.
  std::string Respite(Random& random) const;

 private:
  const Context& context_;
};

// Draws the placements of an episode of `kind` starting on `start` for a group whose youngest
// child is `youngest_age`: emergency placements, moves, permanence (adoption for under-fives,
// permanent fostering), secure spells, a trial at home before going home, and the destination.
CarePath DrawCarePath(CareKind kind, Date start, int youngest_age, int64_t family, int group,
                      const Carers& carers, Random& random);

// The part of `path` on [from, until) as one child's episode (placements cut to it). When
// `until` comes before the path's end the child leaves care then (the destination is left empty
// for the caller to fill).
EpisodePlan CutCarePath(const CarePath& path, Date from, Date until);

// Draws the legal reasons of an episode from its placements: interim orders, compulsory
// supervision at home or away, voluntary accommodation (S25), secure authorisation, permanence.
std::vector<LegalPlan> DrawLegalReasons(const EpisodePlan& episode, Random& random);

// A short-break-only episode of a disabled child: stays of a few days every few weeks on
// [start, end), from `first_stay` on (nullopt when no stay falls in that time).
std::optional<EpisodePlan> DrawShortBreaks(Date start, Date end, Date first_stay,
                                           const Carers& carers, Random& random);

}  // namespace pif::sample::internal
