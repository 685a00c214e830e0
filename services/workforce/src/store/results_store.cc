#include "store/results_store.h"

#include <google/protobuf/util/json_util.h>

#include <utility>

#include "absl/strings/str_cat.h"

namespace pif::workforce {
namespace {

// The key columns, in the order of the parameters $1-$11 of both queries below.
constexpr char kKeyMatches[] =
    "council = $1 AND period_first = $2::date AND period_last = $3::date"
    " AND workforce_data_version = $4 AND intake_data_version = $5"
    " AND definitions_version = $6 AND codes = $7 AND disclosure_mode = $8"
    " AND policy_smallest_shown_count IS NOT DISTINCT FROM $9::integer"
    " AND policy_min_percent_denominator IS NOT DISTINCT FROM $10::integer"
    " AND policy_secondary_suppression IS NOT DISTINCT FROM $11::boolean";

constexpr char kStoredColumns[] =
    "result_id::text, (extract(epoch FROM computed_at) * 1000000)::bigint, figures::text";

const std::string& FindSql() {
  static const std::string* sql = new std::string(
      absl::StrCat("SELECT ", kStoredColumns, " FROM computed_results WHERE ", kKeyMatches));
  return *sql;
}

const std::string& InsertSql() {
  static const std::string* sql = new std::string(absl::StrCat(
      "INSERT INTO computed_results (council, period_first, period_last, workforce_data_version,"
      " intake_data_version, definitions_version, codes, disclosure_mode,"
      " policy_smallest_shown_count, policy_min_percent_denominator,"
      " policy_secondary_suppression, figures)"
      " VALUES ($1, $2::date, $3::date, $4, $5, $6, $7, $8, $9::integer, $10::integer,"
      " $11::boolean, $12::jsonb)"
      " ON CONFLICT ON CONSTRAINT computed_results_key DO NOTHING RETURNING ",
      kStoredColumns));
  return *sql;
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

const char* ModeText(const ResultKey& key) {
  return key.policy.has_value() ? "PUBLISHED" : "INTERNAL";
}

pqxx::result FindRows(pqxx::transaction_base& tx, const ResultKey& key) {
  const PolicyParams policy = ParamsOf(key.policy);
  return tx.exec_params(FindSql(), key.council, key.period.first.ToString(),
                        key.period.last.ToString(), key.workforce_data_version,
                        key.intake_data_version, key.definitions_version, key.codes, ModeText(key),
                        policy.smallest_shown_count, policy.min_percent_denominator,
                        policy.secondary_suppression);
}

absl::StatusOr<StoredFigures> FromRow(const pqxx::row& row) {
  StoredFigures stored;
  stored.result_id = row[0].as<std::string>();
  stored.computed_at = absl::FromUnixMicros(row[1].as<int64_t>());
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(row[2].as<std::string>(), &stored.figures);
  if (!parsed.ok()) return absl::InternalError("stored workforce figures could not be read");
  return stored;
}

}  // namespace

absl::StatusOr<std::optional<StoredFigures>> ResultsStore::Find(const ResultKey& key) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows = FindRows(tx, key);
    tx.commit();
    if (rows.empty()) return std::optional<StoredFigures>();
    absl::StatusOr<StoredFigures> stored = FromRow(rows[0]);
    if (!stored.ok()) return stored.status();
    return std::optional<StoredFigures>(*std::move(stored));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<StoredFigures> ResultsStore::Save(const ResultKey& key,
                                                 const v1::ComputeWorkforceResponse& figures,
                                                 bool* inserted) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(figures, &json, options).ok()) {
    return absl::InternalError("workforce figures could not be written as JSON");
  }
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    const PolicyParams policy = ParamsOf(key.policy);
    pqxx::result rows = tx.exec_params(
        InsertSql(), key.council, key.period.first.ToString(), key.period.last.ToString(),
        key.workforce_data_version, key.intake_data_version, key.definitions_version, key.codes,
        ModeText(key), policy.smallest_shown_count, policy.min_percent_denominator,
        policy.secondary_suppression, json);
    *inserted = !rows.empty();
    // An identical computation stored first (by a concurrent call): return that one.
    if (!*inserted) rows = FindRows(tx, key);
    tx.commit();
    if (rows.empty()) {
      return absl::AbortedError("the stored figures changed while they were being saved; retry");
    }
    return FromRow(rows[0]);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::workforce
