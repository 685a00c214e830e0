// Turns the engine's results into the figures the service hands out: internal (every count) or
// published (the council's disclosure policy applied), in the contract's vocabulary.
#pragma once

#include "computed_results.h"
#include "pif/engine/disclosure.h"
#include "pif/engine/indicator.h"
#include "pif/engine/result.h"

namespace pif::indicators {

// The category of a cell whose value was not recorded, as the contract writes it.
inline constexpr char kNotRecordedCategory[] = "NOT_RECORDED";

// Internal figures: every count shown; a percentage is withheld only when D is 0.
IndicatorFigures InternalFigures(const engine::IndicatorResult& result,
                                 const engine::IndicatorDefinition& definition);

// Published figures: engine::Publish with `policy` (primary and secondary suppression, withheld
// percentages, no breakdowns for 1 H.4, 1 H.5 and 1 R.3).
IndicatorFigures PublishedFigures(const engine::IndicatorResult& result,
                                  const engine::IndicatorDefinition& definition,
                                  const engine::DisclosurePolicy& policy);

}  // namespace pif::indicators
