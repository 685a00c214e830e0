#include "pif/indicators/store/pg_indicators_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "result_json.h"

namespace pif::indicators {
namespace {

constexpr char kFindPolicySql[] =
    "SELECT smallest_shown_count, min_percent_denominator, secondary_suppression,"
    " (extract(epoch FROM updated_at) * 1000000)::bigint, updated_by"
    " FROM disclosure_policies WHERE council = $1";

constexpr char kSavePolicySql[] =
    "INSERT INTO disclosure_policies (council, smallest_shown_count, min_percent_denominator,"
    " secondary_suppression, updated_at, updated_by) VALUES ($1, $2, $3, $4, now(), $5)"
    " ON CONFLICT (council) DO UPDATE SET smallest_shown_count = EXCLUDED.smallest_shown_count,"
    " min_percent_denominator = EXCLUDED.min_percent_denominator,"
    " secondary_suppression = EXCLUDED.secondary_suppression, updated_at = now(),"
    " updated_by = EXCLUDED.updated_by"
    " RETURNING smallest_shown_count, min_percent_denominator, secondary_suppression,"
    " (extract(epoch FROM updated_at) * 1000000)::bigint, updated_by";

// The key as the table of computed results keys it.
results_pg::ComputationKey KeyOf(const ResultKey& key) {
  results_pg::ComputationKey out;
  out.council = key.council;
  out.period = key.period;
  out.own = {absl::StrCat(key.intake_data_version), key.definitions_version, key.request};
  out.published = key.mode == DisclosureMode::kPublished;
  out.policy = key.policy;
  return out;
}

// The stored set: the provenance from the key and the stored row, the figures from their JSON.
absl::StatusOr<ResultSet> SetFromStored(const ResultKey& key,
                                        const results_pg::StoredComputation& stored) {
  ResultSet set;
  set.provenance.council = key.council;
  set.provenance.period = key.period;
  set.provenance.intake_data_version = key.intake_data_version;
  set.provenance.definitions_version = key.definitions_version;
  set.provenance.mode = key.mode;
  set.provenance.policy = key.policy;
  set.provenance.result_id = stored.result_id;
  set.provenance.computed_at = stored.computed_at;
  absl::StatusOr<std::vector<IndicatorFigures>> results = ResultsFromJson(stored.stored.at(0));
  if (!results.ok()) return results.status();
  set.results = std::move(*results);
  absl::StatusOr<std::vector<DataQualityNote>> notes = NotesFromJson(stored.stored.at(1));
  if (!notes.ok()) return notes.status();
  set.notes = std::move(*notes);
  return set;
}

StoredPolicy PolicyFromRow(const pqxx::row& row) {
  StoredPolicy stored;
  stored.policy.smallest_shown_count = row[0].as<int64_t>();
  stored.policy.min_percent_denominator = row[1].as<int64_t>();
  stored.policy.secondary_suppression = row[2].as<bool>();
  stored.updated_at = absl::FromUnixMicros(row[3].as<int64_t>());
  stored.updated_by = row[4].as<std::string>();
  return stored;
}

}  // namespace

PgIndicatorsStore::PgIndicatorsStore(pg::Pool* pool)
    : pool_(pool),
      results_(*pool, {"intake_data_version", "definitions_version", "request"},
               {"results", "notes"}) {}

absl::StatusOr<std::optional<ResultSet>> PgIndicatorsStore::FindResult(const ResultKey& key) {
  auto found = results_.Find(KeyOf(key));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::optional<ResultSet>();
  absl::StatusOr<ResultSet> set = SetFromStored(key, **found);
  if (!set.ok()) return set.status();
  return std::optional<ResultSet>(std::move(*set));
}

absl::StatusOr<SavedResultSet> PgIndicatorsStore::SaveResult(const ResultKey& key,
                                                             const ResultSet& set) {
  auto saved = results_.Save(KeyOf(key), {ResultsToJson(set.results), NotesToJson(set.notes)});
  if (!saved.ok()) return saved.status();
  absl::StatusOr<ResultSet> stored = SetFromStored(key, *saved);
  if (!stored.ok()) return stored.status();
  return SavedResultSet{std::move(*stored), !saved->inserted};
}

absl::StatusOr<std::optional<StoredPolicy>> PgIndicatorsStore::FindPolicy(
    const std::string& council) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows = tx.exec_params(kFindPolicySql, council);
    tx.commit();
    if (rows.empty()) return std::optional<StoredPolicy>();
    return std::optional<StoredPolicy>(PolicyFromRow(rows[0]));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<StoredPolicy> PgIndicatorsStore::SavePolicy(const std::string& council,
                                                           const figures::DisclosurePolicy& policy,
                                                           const std::string& updated_by) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    const pqxx::result rows =
        tx.exec_params(kSavePolicySql, council, policy.smallest_shown_count,
                       policy.min_percent_denominator, policy.secondary_suppression, updated_by);
    tx.commit();
    return PolicyFromRow(rows.at(0));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::indicators
