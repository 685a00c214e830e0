// Plans the story of one sample family: how its case opens and what follows (voluntary support,
// child protection, looked-after episodes, aftercare, disability and young carer support).
#pragma once

#include <cstdint>
#include <vector>

#include "context.h"
#include "episodes.h"
#include "plan.h"
#include "random.h"

namespace pif::sample::internal {

// Draws families one after another from one random stream.
class FamilyPlanner {
 public:
  FamilyPlanner(const Context& context, Random& random);

  // The next family, numbered `number`: drawn until one has an involvement open on or after the
  // data start (families arrive at a steady rate over the sixteen years before it, so the
  // history is in a steady state), then clipped to the extraction date.
  FamilyPlan Next(int64_t number);

 private:
  // How a child came to be looked after.
  enum class Entry { kFromProtection, kFromSupport, kReentry };

  void PlanStory(Date open);
  void Voluntary(Date t, const std::vector<int>& kids, int depth);
  void ChildProtection(Date t, const std::vector<int>& kids, int depth);
  void LookedAfter(Date t, const std::vector<int>& kids, Entry entry, int depth);
  void PlaceGroup(Date start, const std::vector<int>& group, CareKind kind, Siblings siblings,
                  int group_index, int depth);
  void Disability(Date t, int kid);
  void YoungCarer(Date t, int kid);
  void Other(Date t, const std::vector<int>& kids);

  // Children born by t and under 18 on t.
  std::vector<int> Active(const std::vector<int>& kids, Date t) const;
  // Age in completed years on d (nullopt before birth).
  std::optional<int> Age(int kid, Date d) const;
  // The kid's birthday at `years` years old.
  Date Birthday(int kid, int years) const;
  // Adds an involvement; one that would run past the 18th birthday closes on it (reason AGE),
  // except AFTERCARE. Nothing is added when it would open on or after that birthday.
  void Involve(int kid, Code basis, Date open, OptDate close, Code reason);
  CareKind ChooseKind(Entry entry, int age);

  const Context& context_;
  Random& r_;
  Carers carers_;
  FamilyPlan* family_ = nullptr;
};

}  // namespace pif::sample::internal
