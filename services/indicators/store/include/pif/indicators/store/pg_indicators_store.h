// The indicators service's PostgreSQL store: computed result sets and disclosure policies.
#pragma once

#include "pif/indicators/domain/indicators_store.h"
#include "pif/pg/pool.h"
#include "pif/results_pg/computed_results_table.h"

namespace pif::indicators {

// IndicatorsStore over the service's own database (migrations V001, V002).
class PgIndicatorsStore final : public IndicatorsStore {
 public:
  // `pool` must outlive the store.
  explicit PgIndicatorsStore(pg::Pool* pool);

  absl::StatusOr<std::optional<ResultSet>> FindResult(const ResultKey& key) override;
  absl::StatusOr<SavedResultSet> SaveResult(const ResultKey& key, const ResultSet& set) override;
  absl::StatusOr<std::optional<StoredPolicy>> FindPolicy(const std::string& council) override;
  absl::StatusOr<StoredPolicy> SavePolicy(const std::string& council,
                                          const figures::DisclosurePolicy& policy,
                                          const std::string& updated_by) override;

 private:
  pg::Pool* const pool_;
  // computed_results, keyed beside council, period and policy by the intake data version, the
  // definitions version and the canonical request.
  const results_pg::ComputedResultsTable results_;
};

}  // namespace pif::indicators
