// Turns the engine's results into the figures the service hands out: internal (every count) or
// published (the council's disclosure policy applied), in the contract's vocabulary.
#pragma once

#include "pif/engine/indicator.h"
#include "pif/engine/result.h"
#include "pif/figures/disclosure.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// The category of a cell whose value was not recorded, as the contract writes it.
inline constexpr char kNotRecordedCategory[] = "NOT_RECORDED";

// Internal figures: every count shown; a percentage is withheld only when D is 0.
IndicatorFigures InternalFigures(const figures::IndicatorResult& result,
                                 const figures::IndicatorDefinition& definition);

// Published figures: figures::Publish with `policy` (primary and secondary suppression, withheld
// percentages, no breakdowns for 1 H.4, 1 H.5 and 1 R.3).
IndicatorFigures PublishedFigures(const figures::IndicatorResult& result,
                                  const figures::IndicatorDefinition& definition,
                                  const figures::DisclosurePolicy& policy);

}  // namespace pif::indicators
