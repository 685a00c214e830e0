// The caveats a set of workforce figures carries for its reader: workforce records still
// rejected, staff left out as not recorded, breakdowns not published.
#pragma once

#include <cstdint>
#include <vector>

#include "figure_protos.h"
#include "pif/common/v1/results.pb.h"

namespace pif::workforce {

// The notes for `figures`: REJECTIONS_OUTSTANDING when the council has `open_rejections` > 0
// workforce records still rejected, UNKNOWN_VALUES per figure whose shown unknown count is above
// 0 (staff of 7.1/7.2 whose employment is not recorded), and BREAKDOWN_WITHHELD per published
// dimension left out. Only counts that are shown are quoted.
std::vector<common::v1::DataQualityNote> DataQualityNotes(int64_t open_rejections,
                                                          const std::vector<FigureProto>& figures);

}  // namespace pif::workforce
