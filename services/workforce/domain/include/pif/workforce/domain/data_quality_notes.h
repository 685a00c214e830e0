// The caveats a set of workforce figures carries for its reader (figures::DataQualityNotes, by
// the workforce's rules): workforce records still rejected, staff left out as not recorded,
// breakdowns not published.
#pragma once

#include <cstdint>
#include <vector>

#include "pif/figures/data_quality.h"
#include "pif/workforce/domain/figure_shaping.h"

namespace pif::workforce {

// How the workforce service weighs and words its notes: any unknown count above 0 is noted.
const figures::NoteRules& WorkforceNoteRules();

// The notes for `results`: REJECTIONS_OUTSTANDING when the council has `open_rejections` > 0
// workforce records still rejected, UNKNOWN_VALUES per figure whose shown unknown count is above
// 0 (staff of 7.1/7.2 whose employment is not recorded), and BREAKDOWN_WITHHELD per published
// dimension left out. Only counts that are shown are quoted.
std::vector<figures::DataQualityNote> DataQualityNotes(int64_t open_rejections,
                                                       const std::vector<ShapedFigure>& results);

}  // namespace pif::workforce
