#include "pif/indicators/store/pg_indicators_store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "result_json.h"

namespace pif::indicators {
namespace {

// The key columns, in the order of the parameters $1-$10 of every query below.
constexpr char kKeyMatches[] =
    "council = $1 AND period_first = $2::date AND period_last = $3::date"
    " AND intake_data_version = $4 AND definitions_version = $5 AND request = $6"
    " AND disclosure_mode = $7"
    " AND policy_smallest_shown_count IS NOT DISTINCT FROM $8::integer"
    " AND policy_min_percent_denominator IS NOT DISTINCT FROM $9::integer"
    " AND policy_secondary_suppression IS NOT DISTINCT FROM $10::boolean";

constexpr char kStoredColumns[] =
    "result_id::text, (extract(epoch FROM computed_at) * 1000000)::bigint, results::text,"
    " notes::text";

const std::string& FindResultSql() {
  static const std::string* sql = new std::string(
      absl::StrCat("SELECT ", kStoredColumns, " FROM computed_results WHERE ", kKeyMatches));
  return *sql;
}

const std::string& InsertResultSql() {
  static const std::string* sql = new std::string(absl::StrCat(
      "INSERT INTO computed_results (council, period_first, period_last, intake_data_version,"
      " definitions_version, request, disclosure_mode, policy_smallest_shown_count,"
      " policy_min_percent_denominator, policy_secondary_suppression, results, notes)"
      " VALUES ($1, $2::date, $3::date, $4, $5, $6, $7, $8::integer, $9::integer, $10::boolean,"
      " $11::jsonb, $12::jsonb)"
      " ON CONFLICT ON CONSTRAINT computed_results_key DO NOTHING RETURNING ",
      kStoredColumns));
  return *sql;
}

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

const char* ModeText(DisclosureMode mode) {
  return mode == DisclosureMode::kPublished ? "PUBLISHED" : "INTERNAL";
}

// The policy columns of a key: empty for INTERNAL.
struct PolicyParams {
  std::optional<int64_t> smallest_shown_count;
  std::optional<int64_t> min_percent_denominator;
  std::optional<bool> secondary_suppression;
};

PolicyParams ParamsOf(const std::optional<figures::DisclosurePolicy>& policy) {
  if (!policy.has_value()) return {};
  return {policy->smallest_shown_count, policy->min_percent_denominator,
          policy->secondary_suppression};
}

// The stored set: the provenance from the key and the row, the figures from their JSON.
absl::StatusOr<ResultSet> SetFromRow(const ResultKey& key, const pqxx::row& row) {
  ResultSet set;
  set.provenance.council = key.council;
  set.provenance.period = key.period;
  set.provenance.intake_data_version = key.intake_data_version;
  set.provenance.definitions_version = key.definitions_version;
  set.provenance.mode = key.mode;
  set.provenance.policy = key.policy;
  set.provenance.result_id = row[0].as<std::string>();
  set.provenance.computed_at = absl::FromUnixMicros(row[1].as<int64_t>());
  absl::StatusOr<std::vector<IndicatorFigures>> results = ResultsFromJson(row[2].as<std::string>());
  if (!results.ok()) return results.status();
  set.results = std::move(*results);
  absl::StatusOr<std::vector<DataQualityNote>> notes = NotesFromJson(row[3].as<std::string>());
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

pqxx::result FindRows(pqxx::transaction_base& tx, const ResultKey& key) {
  const PolicyParams policy = ParamsOf(key.policy);
  return tx.exec_params(
      FindResultSql(), key.council, key.period.first.ToString(), key.period.last.ToString(),
      key.intake_data_version, key.definitions_version, key.request, ModeText(key.mode),
      policy.smallest_shown_count, policy.min_percent_denominator, policy.secondary_suppression);
}

}  // namespace

absl::StatusOr<std::optional<ResultSet>> PgIndicatorsStore::FindResult(const ResultKey& key) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows = FindRows(tx, key);
    tx.commit();
    if (rows.empty()) return std::optional<ResultSet>();
    absl::StatusOr<ResultSet> set = SetFromRow(key, rows[0]);
    if (!set.ok()) return set.status();
    return std::optional<ResultSet>(std::move(*set));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<SavedResultSet> PgIndicatorsStore::SaveResult(const ResultKey& key,
                                                             const ResultSet& set) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    const PolicyParams policy = ParamsOf(key.policy);
    pqxx::result rows = tx.exec_params(
        InsertResultSql(), key.council, key.period.first.ToString(), key.period.last.ToString(),
        key.intake_data_version, key.definitions_version, key.request, ModeText(key.mode),
        policy.smallest_shown_count, policy.min_percent_denominator, policy.secondary_suppression,
        ResultsToJson(set.results), NotesToJson(set.notes));
    const bool inserted = !rows.empty();
    // An identical computation stored first (by a concurrent call): return that one.
    if (!inserted) rows = FindRows(tx, key);
    tx.commit();
    if (rows.empty()) {
      return absl::AbortedError("the stored result changed while it was being saved; retry");
    }
    absl::StatusOr<ResultSet> stored = SetFromRow(key, rows[0]);
    if (!stored.ok()) return stored.status();
    return SavedResultSet{std::move(*stored), !inserted};
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
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
