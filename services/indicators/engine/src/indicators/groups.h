// The indicator groups of the catalogue, one source file each, in the framework's order.
#pragma once

#include <vector>

#include "pif/engine/indicator.h"

namespace pif::engine {

std::vector<Indicator> SafeIndicators();       // 1 S.1 - 1 S.3          (safe.cc)
std::vector<Indicator> NurturedIndicators();   // 1 N.1 - 1 N.9          (nurtured.cc)
std::vector<Indicator> HealthyIndicators();    // 1 H.1 - 1 H.5          (healthy.cc)
std::vector<Indicator> AchievingIndicators();  // 1 ACH.1 - 1 ACT.1      (achieving.cc)
std::vector<Indicator> RespectedIndicators();  // 1 R.1 - 1 R.4          (respected.cc)
std::vector<Indicator> IncludedIndicators();   // 1 INC.1 - 1 INC.6      (included.cc)
std::vector<Indicator> SurveyIndicators();     // 2 S.4 - 2 INC.7        (surveys.cc)
std::vector<Indicator> ProcessIndicators();    // 5.1, 5.2               (processes.cc)

// Every group, in catalogue order.
inline constexpr std::vector<Indicator> (*kIndicatorGroups[])() = {
    SafeIndicators,      NurturedIndicators, HealthyIndicators, AchievingIndicators,
    RespectedIndicators, IncludedIndicators, SurveyIndicators,  ProcessIndicators,
};

}  // namespace pif::engine
