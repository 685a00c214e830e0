#include "pif/results_pg/computed_results_table.h"

#include <pqxx/pqxx>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace pif::results_pg {
namespace {

// One query parameter: its text, or NULL.
using Param = std::optional<std::string>;

// The key's parameters, in the order of the key columns: council, period_first, period_last, the
// service's own, disclosure_mode, then the three policy columns (NULL without a policy).
std::vector<Param> KeyParams(const ComputationKey& key) {
  std::vector<Param> params = {key.council, key.period.first.ToString(),
                               key.period.last.ToString()};
  for (const std::string& value : key.own) params.emplace_back(value);
  params.emplace_back(key.published ? "PUBLISHED" : "INTERNAL");
  if (key.policy.has_value()) {
    params.emplace_back(absl::StrCat(key.policy->smallest_shown_count));
    params.emplace_back(absl::StrCat(key.policy->min_percent_denominator));
    params.emplace_back(key.policy->secondary_suppression ? "true" : "false");
  } else {
    params.insert(params.end(), 3, std::nullopt);
  }
  return params;
}

// "$n" followed by `cast`.
std::string Placeholder(size_t n, const char* cast = "") { return absl::StrCat("$", n, cast); }

// The WHERE clause matching every key column against $1, $2, ...
std::string KeyMatches(const std::vector<std::string>& own) {
  std::vector<std::string> terms = {"council = $1", "period_first = $2::date",
                                    "period_last = $3::date"};
  size_t n = 4;
  for (const std::string& column : own)
    terms.push_back(absl::StrCat(column, " = ", Placeholder(n++)));
  terms.push_back(absl::StrCat("disclosure_mode = ", Placeholder(n++)));
  terms.push_back(absl::StrCat("policy_smallest_shown_count IS NOT DISTINCT FROM ",
                               Placeholder(n++, "::integer")));
  terms.push_back(absl::StrCat("policy_min_percent_denominator IS NOT DISTINCT FROM ",
                               Placeholder(n++, "::integer")));
  terms.push_back(absl::StrCat("policy_secondary_suppression IS NOT DISTINCT FROM ",
                               Placeholder(n++, "::boolean")));
  return absl::StrJoin(terms, " AND ");
}

// What a query returns: the result id, computed_at in microseconds, the stored columns as text.
std::string ReturnedColumns(const std::vector<std::string>& stored) {
  std::string columns = "result_id::text, (extract(epoch FROM computed_at) * 1000000)::bigint";
  for (const std::string& column : stored) absl::StrAppend(&columns, ", ", column, "::text");
  return columns;
}

std::string FindSql(const std::vector<std::string>& own, const std::vector<std::string>& stored) {
  return absl::StrCat("SELECT ", ReturnedColumns(stored), " FROM computed_results WHERE ",
                      KeyMatches(own));
}

std::string InsertSql(const std::vector<std::string>& own, const std::vector<std::string>& stored) {
  std::vector<std::string> columns = {"council", "period_first", "period_last"};
  columns.insert(columns.end(), own.begin(), own.end());
  for (const char* column : {"disclosure_mode", "policy_smallest_shown_count",
                             "policy_min_percent_denominator", "policy_secondary_suppression"}) {
    columns.emplace_back(column);
  }
  columns.insert(columns.end(), stored.begin(), stored.end());
  std::vector<std::string> values = {"$1", "$2::date", "$3::date"};
  size_t n = 4;
  for (size_t i = 0; i < own.size(); ++i) values.push_back(Placeholder(n++));
  values.push_back(Placeholder(n++));
  values.push_back(Placeholder(n++, "::integer"));
  values.push_back(Placeholder(n++, "::integer"));
  values.push_back(Placeholder(n++, "::boolean"));
  for (size_t i = 0; i < stored.size(); ++i) values.push_back(Placeholder(n++, "::jsonb"));
  return absl::StrCat("INSERT INTO computed_results (", absl::StrJoin(columns, ", "), ") VALUES (",
                      absl::StrJoin(values, ", "),
                      ") ON CONFLICT ON CONSTRAINT computed_results_key DO NOTHING RETURNING ",
                      ReturnedColumns(stored));
}

StoredComputation FromRow(const pqxx::row& row, bool inserted) {
  StoredComputation stored;
  stored.result_id = row[0].as<std::string>();
  stored.computed_at = absl::FromUnixMicros(row[1].as<int64_t>());
  for (pqxx::row::size_type i = 2; i < row.size(); ++i) {
    stored.stored.push_back(row[i].as<std::string>());
  }
  stored.inserted = inserted;
  return stored;
}

}  // namespace

ComputedResultsTable::ComputedResultsTable(pg::Pool& pool, std::vector<std::string> own_key_columns,
                                           std::vector<std::string> stored_columns)
    : pool_(pool),
      own_key_count_(own_key_columns.size()),
      stored_count_(stored_columns.size()),
      find_sql_(FindSql(own_key_columns, stored_columns)),
      insert_sql_(InsertSql(own_key_columns, stored_columns)) {}

absl::StatusOr<std::optional<StoredComputation>> ComputedResultsTable::Find(
    const ComputationKey& key) const {
  if (key.own.size() != own_key_count_) {
    return absl::InternalError("a computation key without the table's own key columns");
  }
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    const std::vector<Param> params = KeyParams(key);
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows = tx.exec_params(find_sql_, pqxx::prepare::make_dynamic_params(params));
    tx.commit();
    if (rows.empty()) return std::optional<StoredComputation>();
    return std::optional<StoredComputation>(FromRow(rows[0], /*inserted=*/false));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<StoredComputation> ComputedResultsTable::Save(
    const ComputationKey& key, const std::vector<std::string>& stored) const {
  if (key.own.size() != own_key_count_ || stored.size() != stored_count_) {
    return absl::InternalError("a computation to store without the table's columns");
  }
  const std::vector<Param> key_params = KeyParams(key);
  std::vector<Param> insert_params = key_params;
  insert_params.insert(insert_params.end(), stored.begin(), stored.end());
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    pqxx::result rows =
        tx.exec_params(insert_sql_, pqxx::prepare::make_dynamic_params(insert_params));
    const bool inserted = !rows.empty();
    // An identical computation stored first (by a concurrent call): return that one.
    if (!inserted) rows = tx.exec_params(find_sql_, pqxx::prepare::make_dynamic_params(key_params));
    tx.commit();
    if (rows.empty()) {
      return absl::AbortedError("the stored result changed while it was being saved; retry");
    }
    return FromRow(rows[0], inserted);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::results_pg
