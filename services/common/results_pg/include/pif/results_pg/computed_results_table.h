// The table of computed results a service keeps in its own database (indicators, workforce):
// one row per computation key, so the same computation on the same data is found again with its
// first result id and computed_at, and a computation is stored once even when two calls finish
// it together. Each service keeps its own key columns and its own stored columns; the rows, the
// key matching and the insert-or-find are this one code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/figures/period.h"
#include "pif/pg/pool.h"

namespace pif::results_pg {

// What identifies one computation: equal keys give equal figures.
struct ComputationKey {
  std::string council;
  figures::Period period;
  // The service's own key values, in the order of its key columns (numbers in decimal).
  std::vector<std::string> own;
  // PUBLISHED (with `policy`) or INTERNAL (without).
  bool published = true;
  // The disclosure policy applied (PUBLISHED only).
  std::optional<figures::DisclosurePolicy> policy;
};

// One stored computation.
struct StoredComputation {
  std::string result_id;
  absl::Time computed_at;
  // The stored columns' text (JSON), in the order of the table's stored columns.
  std::vector<std::string> stored;
  // True when the call that returned it stored it; false when it was there already.
  bool inserted = false;
};

// The table `computed_results` of a service's database, as its migration creates it: result_id
// (uuid, defaulted), council, period_first, period_last, the service's own key columns,
// disclosure_mode ('INTERNAL' or 'PUBLISHED'), policy_smallest_shown_count,
// policy_min_percent_denominator, policy_secondary_suppression (NULL for INTERNAL), computed_at
// (defaulted), the stored jsonb columns, and the unique constraint computed_results_key over
// every key column (NULLS NOT DISTINCT). Thread-safe.
class ComputedResultsTable {
 public:
  // `own_key_columns`: the service's key columns between the period and the disclosure mode;
  // `stored_columns`: its jsonb columns. Both are the code's own names, never input. `pool`
  // must outlive the table.
  ComputedResultsTable(pg::Pool& pool, std::vector<std::string> own_key_columns,
                       std::vector<std::string> stored_columns);

  // The computation stored under `key`, or nullopt.
  absl::StatusOr<std::optional<StoredComputation>> Find(const ComputationKey& key) const;

  // Stores `stored` (one JSON text per stored column) under `key` and returns what is stored:
  // this computation (inserted), or the one an identical computation stored first (not
  // inserted; its stored text, not `stored`). ABORTED (retry) when that one vanished meanwhile.
  absl::StatusOr<StoredComputation> Save(const ComputationKey& key,
                                         const std::vector<std::string>& stored) const;

 private:
  pg::Pool& pool_;
  const size_t own_key_count_;
  const size_t stored_count_;
  const std::string find_sql_;
  const std::string insert_sql_;
};

}  // namespace pif::results_pg
