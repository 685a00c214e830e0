// Indicator group Included: see groups.h for the codes it holds (indicators.md).
#include "common.h"
#include "groups.h"

namespace pif::engine {

std::vector<Indicator> IncludedIndicators() { return {}; }

}  // namespace pif::engine
