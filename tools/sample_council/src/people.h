// The children of a sample family: how many, their ages, sex, ethnic group, disability, locality.
#pragma once

#include <cstdint>
#include <vector>

#include "plan.h"
#include "random.h"

namespace pif::sample::internal {

// Draws the children of a family of `type` whose case opens on `open`: sizes and ages of
// families known to social work, siblings 1-4 years apart, all under 18 on `open`. For a child
// protection family the youngest is sometimes not yet born (a pre-birth referral).
std::vector<ChildPlan> DrawChildren(FamilyType type, Date open, int64_t family_number,
                                    Random& random);

}  // namespace pif::sample::internal
