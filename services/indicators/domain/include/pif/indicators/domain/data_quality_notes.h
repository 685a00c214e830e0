// The caveats a result set carries for its reader: records still rejected at intake, units left
// out as not recorded, breakdowns not published (figures::DataQualityNotes, by the indicators'
// rules).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "pif/figures/data_quality.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// Share of units considered (D + unknown) from which left-out units earn an UNKNOWN_VALUES note.
inline constexpr int64_t kUnknownNotePercent = 10;

// How the indicators service weighs and words its notes (unknown values from
// kUnknownNotePercent % of the units considered; rejections are intake's).
const figures::NoteRules& IndicatorsNoteRules();

// The notes for `results`: REJECTIONS_OUTSTANDING when intake holds open rejections
// (REJECTIONS_NOT_CHECKED when it could not say), UNKNOWN_VALUES per indicator whose shown unknown
// count is at least kUnknownNotePercent % of the units considered, and BREAKDOWN_WITHHELD per
// published dimension left out (and per indicator never broken down, when breakdowns were asked).
std::vector<DataQualityNote> DataQualityNotes(const std::optional<int64_t>& open_rejections,
                                              const std::vector<IndicatorFigures>& results,
                                              bool breakdowns_requested);

}  // namespace pif::indicators
