#include "plan.h"

#include <algorithm>

namespace pif::sample::internal {
namespace {

// Re-opens an end after `as_of` (the extract does not know it yet); true when it was re-opened.
bool ReopenAfter(OptDate& end, Date as_of) {
  if (end.has_value() && *end > as_of) {
    end.reset();
    return true;
  }
  return false;
}

template <typename T, typename Pred>
void EraseIf(std::vector<T>& items, Pred pred) {
  items.erase(std::remove_if(items.begin(), items.end(), pred), items.end());
}

}  // namespace

OptDate FamilyEnd(const FamilyPlan& family, bool* has_involvement) {
  *has_involvement = false;
  OptDate end;
  for (const ChildPlan& child : family.children) {
    for (const InvolvementPlan& involvement : child.involvements) {
      if (!involvement.close.has_value()) return std::nullopt;
      if (!*has_involvement || *involvement.close > *end) end = involvement.close;
      *has_involvement = true;
    }
  }
  return end;
}

void ClipToAsOf(FamilyPlan& family, Date as_of) {
  for (ChildPlan& child : family.children) {
    EraseIf(child.involvements, [&](const InvolvementPlan& i) { return i.open > as_of; });
    for (InvolvementPlan& involvement : child.involvements) {
      if (ReopenAfter(involvement.close, as_of)) involvement.close_reason = "";
    }
    EraseIf(child.referrals, [&](Date d) { return d > as_of; });
    EraseIf(child.registrations, [&](const RegistrationPlan& r) { return r.date > as_of; });
    for (RegistrationPlan& registration : child.registrations) {
      if (ReopenAfter(registration.end, as_of)) registration.reason = "";
    }
    EraseIf(child.episodes, [&](const EpisodePlan& e) { return e.start > as_of; });
    for (EpisodePlan& episode : child.episodes) {
      if (ReopenAfter(episode.end, as_of)) episode.destination = "";
      EraseIf(episode.placements, [&](const PlacementPlan& p) { return p.start > as_of; });
      for (PlacementPlan& placement : episode.placements) ReopenAfter(placement.end, as_of);
      EraseIf(episode.legal, [&](const LegalPlan& l) { return l.start > as_of; });
      for (LegalPlan& legal : episode.legal) ReopenAfter(legal.end, as_of);
    }
    if (child.aftercare_from.has_value() && *child.aftercare_from > as_of) {
      child.aftercare_from.reset();
    }
    if (child.transition_requested.has_value() && *child.transition_requested > as_of) {
      child.transition_requested.reset();
    }
  }
}

}  // namespace pif::sample::internal
