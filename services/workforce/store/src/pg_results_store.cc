#include "pif/workforce/store/pg_results_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "figures_json.h"

namespace pif::workforce {
namespace {

// The key as the table of computed results keys it.
results_pg::ComputationKey KeyOf(const ResultKey& key) {
  results_pg::ComputationKey out;
  out.council = key.council;
  out.period = key.period;
  out.own = {absl::StrCat(key.workforce_data_version), absl::StrCat(key.intake_data_version),
             key.definitions_version, key.codes};
  out.published = key.policy.has_value();
  out.policy = key.policy;
  return out;
}

absl::StatusOr<StoredFigures> FromStored(results_pg::StoredComputation stored) {
  absl::StatusOr<FigureSet> figures = FiguresFromJson(stored.stored.at(0));
  if (!figures.ok()) return figures.status();
  return StoredFigures{std::move(stored.result_id), stored.computed_at, *std::move(figures)};
}

}  // namespace

PgResultsStore::PgResultsStore(pg::Pool& pool)
    : table_(pool,
             {"workforce_data_version", "intake_data_version", "definitions_version", "codes"},
             {"figures"}) {}

absl::StatusOr<std::optional<StoredFigures>> PgResultsStore::Find(const ResultKey& key) {
  auto found = table_.Find(KeyOf(key));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::optional<StoredFigures>();
  absl::StatusOr<StoredFigures> stored = FromStored(**std::move(found));
  if (!stored.ok()) return stored.status();
  return std::optional<StoredFigures>(*std::move(stored));
}

absl::StatusOr<SavedFigures> PgResultsStore::Save(const ResultKey& key, const FigureSet& figures) {
  auto saved = table_.Save(KeyOf(key), {FiguresToJson(figures)});
  if (!saved.ok()) return saved.status();
  const bool inserted = saved->inserted;
  absl::StatusOr<StoredFigures> stored = FromStored(*std::move(saved));
  if (!stored.ok()) return stored.status();
  return SavedFigures{*std::move(stored), inserted};
}

}  // namespace pif::workforce
