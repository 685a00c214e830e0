// One indicator of the report with its history: the current result, the previous period's value,
// the trend points, the change given the polarity, and the notes that concern it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pif/common/v1/results.pb.h"
#include "pif/figures/period.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::reporting {

// The figures one service gave for one period: their provenance, results by code, and notes.
struct PeriodFigures {
  figures::Period period;
  common::v1::Provenance provenance;
  // Results by indicator code; they point into the response they came from.
  std::map<std::string, const common::v1::IndicatorResult*> by_code;
  std::vector<common::v1::DataQualityNote> notes;
};

// Indexes a response's results by code (the response must outlive the index).
PeriodFigures IndexFigures(
    const figures::Period& period, const common::v1::Provenance& provenance,
    const google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>& results,
    const google::protobuf::RepeatedPtrField<common::v1::DataQualityNote>& notes);

// The trend point of `result` in `period`, computed as `result_id`.
v1::TrendPoint TrendPointOf(const figures::Period& period,
                            const common::v1::IndicatorResult& result,
                            const std::string& result_id);

// The entry of indicator `code` from `periods` (oldest first, the last one current, which must
// hold the code): the trend over the last `trend_period_count` periods, the previous value from
// the period before the current one, the change, the current period's notes about the code, and
// a DEFINITION_CHANGED note when the trend crosses a change of definition version.
v1::IndicatorEntry MakeEntry(const std::string& code, const std::vector<PeriodFigures>& periods,
                             int trend_period_count);

}  // namespace pif::reporting
