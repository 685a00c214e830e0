// Where computed workforce figures are kept, so the same computation on the same data returns
// the stored figures unchanged, with their first computed_at and result id (reports cite it).
// The PostgreSQL store implements it; tests use a fake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/figures/period.h"
#include "pif/workforce/domain/workforce_figures.h"

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
  FigureSet figures;
};

// A computation as saved: what is stored, and whether this save stored it.
struct SavedFigures {
  StoredFigures stored;
  // False when an identical computation (a concurrent call) was stored first: `stored` is then
  // that one, not the figures passed in.
  bool inserted = false;
};

// The workforce service's store of computed figures.
class ResultsStore {
 public:
  virtual ~ResultsStore() = default;

  // The figures stored under `key`, or nullopt.
  virtual absl::StatusOr<std::optional<StoredFigures>> Find(const ResultKey& key) = 0;

  // Stores `figures` under `key`, giving them a result id and computed_at, and returns what is
  // stored (see SavedFigures).
  virtual absl::StatusOr<SavedFigures> Save(const ResultKey& key, const FigureSet& figures) = 0;
};

}  // namespace pif::workforce
