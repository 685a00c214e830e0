// The report's figures in the framework's order, and the provenance each one points to.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pif/common/v1/results.pb.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// One indicator and where it sits in the framework's structure.
struct IndicatorPlace {
  const reporting::v1::KeyQuestion* key_question = nullptr;
  const reporting::v1::Area* area = nullptr;
  // The SHANARRI group (areas 1 and 2); null for the indicators of other areas.
  const reporting::v1::ThemeGroup* theme_group = nullptr;
  const reporting::v1::IndicatorEntry* entry = nullptr;
};

// Every indicator of `report` in reading order: key questions, areas, then within an area its
// theme groups' indicators followed by its own indicators, each in the report's order.
std::vector<IndicatorPlace> IndicatorsInOrder(const reporting::v1::Report& report);

// The report's sources (provenance records) by `result_id`, each with a short reference
// ("S1", "S2" ... in the order of `Report.sources`) for a reader to follow.
class SourceIndex {
 public:
  explicit SourceIndex(const reporting::v1::Report& report);

  // The provenance of `result_id`, or null when the report has none for it (the first one
  // when the id is repeated).
  const common::v1::Provenance* Find(const std::string& result_id) const;

  // "S3" for the third source; empty when `result_id` is not among the sources.
  std::string RefOf(const std::string& result_id) const;

  // The reference of the source at `position` (0-based) of `Report.sources`.
  static std::string RefAt(int position);

 private:
  const reporting::v1::Report& report_;
  std::map<std::string, int> position_by_id_;
};

}  // namespace pif::report_render
