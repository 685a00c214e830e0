// The PostgreSQL store of computed workforce figures (table computed_results of
// V002__staff_and_absences.sql): one row per computation key, so the same computation on the
// same data returns the stored figures unchanged, with their first computed_at and result id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/figures/period.h"
#include "pif/pg/pool.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::workforce {

// What identifies one computation: equal keys give equal figures.
struct ResultKey {
  std::string council;
  figures::Period period;
  int64_t workforce_data_version = 0;
  int64_t intake_data_version = 0;  // 0 when 7.4 was not asked for
  std::string definitions_version;
  std::string codes;  // the codes computed, in catalogue order, joined by ','
  // The policy applied; nullopt for INTERNAL figures.
  std::optional<figures::DisclosurePolicy> policy;
};

// One stored computation.
struct StoredFigures {
  std::string result_id;
  absl::Time computed_at;
  // The results and notes (provenance and `reused` unset).
  v1::ComputeWorkforceResponse figures;
};

// Stores and finds computed figures in the workforce service's own database.
class ResultsStore {
 public:
  // `pool` must outlive the store.
  explicit ResultsStore(pg::Pool& pool) : pool_(pool) {}

  // The figures stored under `key`, or nullopt.
  absl::StatusOr<std::optional<StoredFigures>> Find(const ResultKey& key);

  // Stores `figures` (results and notes) under `key` and returns what is stored; when an
  // identical computation was stored first (a concurrent call), returns that one and
  // *inserted = false.
  absl::StatusOr<StoredFigures> Save(const ResultKey& key,
                                     const v1::ComputeWorkforceResponse& figures, bool* inserted);

 private:
  pg::Pool& pool_;
};

}  // namespace pif::workforce
