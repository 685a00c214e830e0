// Indicator group Survey: see groups.h for the codes it holds (indicators.md).
#include "common.h"
#include "groups.h"

namespace pif::engine {

std::vector<Indicator> SurveyIndicators() { return {}; }

}  // namespace pif::engine
