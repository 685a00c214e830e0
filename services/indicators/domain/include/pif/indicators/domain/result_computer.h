// Computes indicators for a council and period (and series of periods) from the council's cached
// snapshot, stores each result set with its provenance, and returns a stored set unchanged when
// the same computation is asked for again on the same data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/indicators/domain/computed_results.h"
#include "pif/indicators/domain/disclosure_policies.h"
#include "pif/indicators/domain/indicators_store.h"
#include "pif/indicators/domain/request_checks.h"
#include "pif/indicators/domain/snapshot_cache.h"

namespace pif::indicators {

// What a ComputeIndicators call asks for, as sent (checked by the computer).
struct ComputeRequest {
  std::string council;
  figures::PeriodFields period;
  // Indicator codes; empty = every indicator (PUBLISHED: every indicator published on its own,
  // see CheckCodesFor).
  std::vector<std::string> codes;
  // Standard child breakdown dimensions.
  std::vector<std::string> breakdowns;
  DisclosureMode mode = DisclosureMode::kPublished;
};

// Consecutive periods of a series, as sent.
struct SequenceFields {
  figures::PeriodFields first;
  int count = 0;
  int step_months = 0;
};

// What a ComputeIndicatorSeries call asks for, as sent: a sequence or a list of periods.
struct SeriesRequest {
  std::string council;
  std::optional<SequenceFields> sequence;
  std::optional<std::vector<figures::PeriodFields>> list;
  std::vector<std::string> codes;
  std::vector<std::string> breakdowns;
  DisclosureMode mode = DisclosureMode::kPublished;
};

// Computes, stores and reuses result sets.
class ResultComputer {
 public:
  // Every argument must outlive the computer.
  ResultComputer(SnapshotCache* snapshots, IndicatorsStore* store, DisclosurePolicies* policies)
      : snapshots_(snapshots), store_(store), policies_(policies) {}

  // One period. INVALID_ARGUMENT (with field violations) for a bad request, including PUBLISHED
  // figures of an indicator published only as a breakdown cell (CheckCodesFor), UNAVAILABLE when
  // intake cannot be reached.
  absl::StatusOr<ComputedResultSet> Compute(const ComputeRequest& request);

  // Several periods, all from the same intake data version, in the order asked; checked like
  // Compute (the same plan, the same publication rule).
  absl::StatusOr<std::vector<ResultSet>> ComputeSeries(const SeriesRequest& request);

 private:
  // A request once checked: what to compute for each of its periods.
  struct Plan {
    std::string council;
    std::vector<figures::Period> periods;
    // As CheckCodesFor gives them: never empty for PUBLISHED, so a PUBLISHED set stored before
    // the parts of 2 R.5 were left out ("codes=*") is never found again.
    std::vector<std::string> codes;
    std::vector<engine::Dimension> breakdowns;
    DisclosureMode mode = DisclosureMode::kPublished;
    std::optional<figures::DisclosurePolicy> policy;
  };

  absl::StatusOr<Plan> MakePlan(const std::string& council, std::vector<figures::Period> periods,
                                const std::vector<std::string>& codes,
                                const std::vector<std::string>& breakdowns, DisclosureMode mode);
  // Every period's result set, stored or computed, all at one data version.
  absl::StatusOr<std::vector<ComputedResultSet>> Run(const Plan& plan);

  SnapshotCache* const snapshots_;
  IndicatorsStore* const store_;
  DisclosurePolicies* const policies_;
};

// Computes the result set of one period from a snapshot (no storage): the engine's results as
// internal or published figures, in catalogue order, with the data-quality notes.
absl::StatusOr<ResultSet> ComputeResultSet(
    const CouncilSnapshot& snapshot, const std::string& council, const figures::Period& period,
    const std::vector<std::string>& codes, const std::vector<engine::Dimension>& breakdowns,
    DisclosureMode mode, const std::optional<figures::DisclosurePolicy>& policy);

}  // namespace pif::indicators
