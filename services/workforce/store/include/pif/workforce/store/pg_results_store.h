// The workforce service's PostgreSQL store of computed figures (table computed_results of
// V002__staff_and_absences.sql), over the shared table of computed results.
#pragma once

#include "pif/pg/pool.h"
#include "pif/results_pg/computed_results_table.h"
#include "pif/workforce/domain/results_store.h"

namespace pif::workforce {

// ResultsStore over the service's own database. The figures are stored in column `figures` as a
// pif.workforce.v1.ComputeWorkforceResponse without provenance in protobuf's JSON form, the form
// every stored row already has (see figures_json.h), so rows stay readable both ways.
class PgResultsStore final : public ResultsStore {
 public:
  // `pool` must outlive the store.
  explicit PgResultsStore(pg::Pool& pool);

  absl::StatusOr<std::optional<StoredFigures>> Find(const ResultKey& key) override;
  absl::StatusOr<SavedFigures> Save(const ResultKey& key, const FigureSet& figures) override;

 private:
  const results_pg::ComputedResultsTable table_;
};

}  // namespace pif::workforce
