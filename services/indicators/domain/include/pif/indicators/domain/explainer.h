// Explains one indicator unit by unit, a page at a time, from the council's current snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/engine/indicator.h"
#include "pif/engine/result.h"
#include "pif/indicators/domain/computed_results.h"
#include "pif/indicators/domain/request_checks.h"
#include "pif/indicators/domain/snapshot_cache.h"

namespace pif::indicators {

// Which units an explanation lists.
enum class UnitSelection { kAll, kDenominator, kNumerator, kNotNumerator, kExcluded };

// Default and largest number of units in one page.
inline constexpr int kDefaultExplainPageSize = 100;
inline constexpr int kMaxExplainPageSize = 1000;

// What an ExplainIndicator call asks for, as sent.
struct ExplainRequest {
  std::string council;
  figures::PeriodFields period;
  std::string code;
  // Only this unit (a unit id or person_id), explained even when the indicator did not consider
  // it; empty = every unit of the selection.
  std::string unit_id;
  UnitSelection selection = UnitSelection::kAll;
  // 0 = kDefaultExplainPageSize; above the largest, the largest.
  int32_t page_size = 0;
  std::string page_token;
};

// One page of an explanation.
struct ExplainPage {
  // Where it came from (no result id: explanations are not stored).
  Provenance provenance;
  const figures::IndicatorDefinition* definition = nullptr;
  // The indicator's internal result for the period, for reference.
  IndicatorFigures result;
  // The units of this page, ordered by unit id.
  std::vector<engine::UnitExplanation> units;
  // Empty on the last page.
  std::string next_page_token;
};

// Explains indicators from cached snapshots.
class Explainer {
 public:
  // `snapshots` must outlive the explainer.
  explicit Explainer(SnapshotCache* snapshots) : snapshots_(snapshots) {}

  // One page. INVALID_ARGUMENT for a bad request or page token, NOT_FOUND for an unknown code,
  // ABORTED when the council's data changed since the first page, UNAVAILABLE without intake.
  absl::StatusOr<ExplainPage> Explain(const ExplainRequest& request);

 private:
  SnapshotCache* const snapshots_;
};

}  // namespace pif::indicators
