// PgSubmissionStore::ErasePerson: one person's records, the rejected copies naming them and the
// copies of those in batch summaries, removed under the council's lock in one transaction.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "nlohmann/json.hpp"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"
#include "pif/submission/redaction.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store_commit.h"
#include "store_json.h"
#include "store_sql.h"

namespace pif::submission {
namespace {

using internal::KindOf;
using internal::StoredRecordId;
using internal::StoredText;

// The temporary table holding the rows of schema type `index` being erased.
std::string ErasedTable(size_t index) { return absl::StrCat("pif_erased_", index); }
constexpr char kErasedRejections[] = "pif_erased_rejections";

// The person's digest as the erasures table keeps it ($1 the council, $2 the person id). The casts
// fix $1's type as text wherever it is used: without them the INSERT into the char(9) council
// column deduces it as character too, which PostgreSQL refuses (SQLSTATE 42P08).
constexpr char kPersonDigest[] = "sha256(convert_to($1::text || ':' || $2::text, 'UTF8'))";

// SQL: a `cells` column (alias r) has a cell named `column` whose text is in `values_sql`.
std::string CellIn(pqxx::transaction_base& tx, const std::string& column,
                   const std::string& values_sql) {
  return absl::StrCat("EXISTS (SELECT 1 FROM jsonb_array_elements(r.cells) c WHERE c ->> 0 = ",
                      tx.quote(column), " AND c ->> 1 IN (", values_sql, "))");
}

// Copies into ErasedTable(i), type by type in schema order (parents first), the rows to erase:
// those naming the person ($2) and those referring to a row already copied. Returns the counts.
std::vector<int64_t> CollectRecords(pqxx::work& tx, const SubmissionSchema& schema,
                                    const std::string& council, const std::string& person) {
  std::vector<int64_t> counts;
  for (size_t i = 0; i < schema.types.size(); ++i) {
    const RecordSchema& type = schema.types[i];
    std::vector<std::string> conditions;
    if (type.ColumnIndex(kPersonColumn) >= 0) {
      conditions.push_back(absl::StrCat("t.", tx.quote_name(kPersonColumn), " = $2"));
    }
    for (const ParentRule& rule : type.parents) {
      const int parent = internal::TypeIndex(schema, rule.parent_type);
      if (parent < 0 || static_cast<size_t>(parent) >= i) continue;
      conditions.push_back(absl::StrCat("t.", tx.quote_name(rule.column), " IN (SELECT e.",
                                        tx.quote_name(rule.parent_column), " FROM ",
                                        ErasedTable(static_cast<size_t>(parent)), " e)"));
    }
    tx.exec(absl::StrCat("CREATE TEMP TABLE ", ErasedTable(i), " (LIKE ", tx.quote_name(type.table),
                         ") ON COMMIT DROP"));
    if (conditions.empty()) {
      counts.push_back(0);
      continue;
    }
    counts.push_back(static_cast<int64_t>(
        tx.exec_params(absl::StrCat("INSERT INTO ", ErasedTable(i), " SELECT t.* FROM ",
                                    tx.quote_name(type.table),
                                    " t WHERE t.council = $1 AND $2::text IS NOT NULL AND (",
                                    absl::StrJoin(conditions, " OR "), ")"),
                       council, person)
            .affected_rows()));
  }
  return counts;
}

// Copies into kErasedRejections the kept rejections to erase: cells naming the person, cells
// naming an erased record through a parent rule's column, or an erased record's type and id.
int64_t CollectRejections(pqxx::work& tx, const SubmissionSchema& schema,
                          const std::string& council, const std::string& person) {
  std::vector<std::string> conditions = {CellIn(tx, kPersonColumn, "$2")};
  for (size_t i = 0; i < schema.types.size(); ++i) {
    const RecordSchema& type = schema.types[i];
    const std::string of_type = absl::StrCat("r.record_type = ", tx.quote(type.type));
    conditions.push_back(absl::StrCat(of_type, " AND r.record_id IN (SELECT ",
                                      StoredRecordId(tx, type, "e"), " FROM ", ErasedTable(i),
                                      " e)"));
    for (const ParentRule& rule : type.parents) {
      const int parent = internal::TypeIndex(schema, rule.parent_type);
      if (parent < 0) continue;
      const RecordSchema& parent_type = schema.types[static_cast<size_t>(parent)];
      conditions.push_back(absl::StrCat(
          of_type, " AND ",
          CellIn(tx, rule.column,
                 absl::StrCat("SELECT ",
                              StoredText(KindOf(parent_type, rule.parent_column),
                                         absl::StrCat("e.", tx.quote_name(rule.parent_column))),
                              " FROM ", ErasedTable(static_cast<size_t>(parent)), " e"))));
    }
  }
  tx.exec(absl::StrCat("CREATE TEMP TABLE ", kErasedRejections,
                       " (rejection_id text, batch_id text, cleared_by_deletion uuid)"
                       " ON COMMIT DROP"));
  return static_cast<int64_t>(
      tx.exec_params(absl::StrCat("INSERT INTO ", kErasedRejections,
                                  " SELECT r.rejection_id, r.batch_id, r.cleared_by_deletion"
                                  " FROM rejections r WHERE r.council = $1 AND ((",
                                  absl::StrJoin(conditions, ") OR ("), "))"),
                     council, person)
          .affected_rows());
}

// Redacts the record id of the deletions of the person's records: of a type keyed by the
// person id, of an erased record, or that cleared an erased rejection. Returns how many.
int64_t RedactDeletions(pqxx::work& tx, const SubmissionSchema& schema, const std::string& council,
                        const std::string& person) {
  std::vector<std::string> conditions = {
      absl::StrCat("d.deletion_id IN (SELECT cleared_by_deletion FROM ", kErasedRejections, ")")};
  const std::string parts = "string_to_array(d.record_id, '|')";
  for (size_t i = 0; i < schema.types.size(); ++i) {
    const RecordSchema& type = schema.types[i];
    const std::string of_type = absl::StrCat("d.record_type = ", tx.quote(type.type));
    conditions.push_back(absl::StrCat(of_type, " AND d.record_id IN (SELECT ",
                                      StoredRecordId(tx, type, "e"), " FROM ", ErasedTable(i),
                                      " e)"));
    const size_t last = type.key.size() - 1;
    for (size_t k = 0; k <= last; ++k) {
      if (type.key[k] != kPersonColumn) continue;
      // Only the first key part may contain '|' (RecordId): count the others from the end.
      const std::string count = absl::StrCat("cardinality(", parts, ")");
      const std::string part =
          k == 0 ? absl::StrCat("array_to_string((", parts, ")[1:", count, " - ", last, "], '|')")
                 : absl::StrCat("(", parts, ")[", count, " - ", last - k, "]");
      conditions.push_back(absl::StrCat(of_type, " AND ", part, " = $2"));
    }
  }
  return static_cast<int64_t>(
      tx.exec_params(
            absl::StrCat("UPDATE deletions d SET record_id = ", tx.quote(kRedacted),
                         " WHERE d.council = $1 AND $2::text IS NOT NULL", " AND d.record_id <> ",
                         tx.quote(kRedacted), " AND ((", absl::StrJoin(conditions, ") OR ("), "))"),
            council, person)
          .affected_rows());
}

std::string ResultToJson(const ErasureResult& result) {
  nlohmann::json erased = nlohmann::json::array();
  for (const auto& [type, count] : result.erased) erased.push_back({type, count});
  return nlohmann::json{{"erased", erased},
                        {"rejection_count", result.rejection_count},
                        {"batch_summary_count", result.batch_summary_count},
                        {"deletion_count", result.deletion_count},
                        {"data_version", result.data_version},
                        {"erased_at_us", internal::ToMicros(result.erased_at)}}
      .dump();
}

absl::StatusOr<ErasureResult> ResultFromJson(const std::string& text) {
  try {
    const nlohmann::json value = nlohmann::json::parse(text);
    ErasureResult result;
    for (const nlohmann::json& item : value.at("erased")) {
      result.erased.emplace_back(item.at(0).get<std::string>(), item.at(1).get<int64_t>());
    }
    result.rejection_count = value.at("rejection_count").get<int64_t>();
    result.batch_summary_count = value.at("batch_summary_count").get<int64_t>();
    result.deletion_count = value.at("deletion_count").get<int64_t>();
    result.data_version = value.at("data_version").get<int64_t>();
    result.erased_at = internal::FromMicros(value.at("erased_at_us").get<int64_t>());
    result.replayed = true;
    return result;
  } catch (const nlohmann::json::exception&) {
    return absl::InternalError("a stored erasure cannot be read");
  }
}

}  // namespace

absl::StatusOr<ErasureResult> PgSubmissionStore::ErasePerson(const ErasureRequest& request) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    internal::LockCouncil(tx, schema_, request.council);
    const pqxx::result earlier = tx.exec_params(
        absl::StrCat("SELECT person_digest = ", kPersonDigest,
                     ", result::text FROM erasures WHERE council = $1 AND request_id = $3"),
        request.council, request.person_id, request.request_id);
    if (!earlier.empty()) {
      if (!earlier[0][0].as<bool>()) {
        return InvalidField("request_id", "REQUEST_ID_REUSED",
                            "request_id was already used for the erasure of another person; "
                            "choose a new one for each erasure");
      }
      return ResultFromJson(earlier[0][1].as<std::string>());
    }

    ErasureResult result;
    const std::vector<int64_t> counts =
        CollectRecords(tx, schema_, request.council, request.person_id);
    int64_t records = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0) result.erased.emplace_back(schema_.types[i].type, counts[i]);
      records += counts[i];
    }
    result.rejection_count = CollectRejections(tx, schema_, request.council, request.person_id);
    result.deletion_count = RedactDeletions(tx, schema_, request.council, request.person_id);
    if (records + result.rejection_count + result.deletion_count == 0) {
      // The id is a person's pseudonym: statuses do not repeat it.
      return absl::NotFoundError(absl::StrCat("council ", request.council,
                                              " has no record, rejection or deletion of that "
                                              "person"));
    }
    // Children before parents, so no reference is left dangling on the way.
    for (size_t i = schema_.types.size(); i-- > 0;) {
      if (counts[i] == 0) continue;
      const RecordSchema& type = schema_.types[i];
      std::vector<std::string> same_key;
      for (const std::string& key : type.key) {
        same_key.push_back(absl::StrCat("t.", tx.quote_name(key), " = e.", tx.quote_name(key)));
      }
      tx.exec_params(
          absl::StrCat("DELETE FROM ", tx.quote_name(type.table), " t USING ", ErasedTable(i),
                       " e WHERE t.council = $1 AND ", absl::StrJoin(same_key, " AND ")),
          request.council);
    }
    result.batch_summary_count = static_cast<int64_t>(
        tx.exec_params(
              absl::StrCat("UPDATE import_batches b SET summary = ",
                           internal::RedactedSummarySql("b.summary", "x.ids", true),
                           " FROM (SELECT batch_id, array_agg(rejection_id) AS ids FROM ",
                           kErasedRejections,
                           " GROUP BY batch_id) x WHERE b.council = $1 AND b.batch_id = x.batch_id"
                           " AND b.summary IS DISTINCT FROM ",
                           internal::RedactedSummarySql("b.summary", "x.ids", true)),
              request.council)
            .affected_rows());
    tx.exec_params(absl::StrCat("DELETE FROM rejections r USING ", kErasedRejections,
                                " e WHERE r.council = $1 AND r.rejection_id = e.rejection_id"),
                   request.council);

    const int64_t at_micros =
        tx.exec1(absl::StrCat("SELECT ", internal::TimestampToMicros("clock_timestamp()")))[0]
            .as<int64_t>();
    result.erased_at = internal::FromMicros(at_micros);
    result.data_version = internal::BumpDataVersion(tx, request.council, at_micros, std::nullopt);
    tx.exec_params(absl::StrCat("INSERT INTO erasures (council, request_id, person_digest, reason,"
                                " caller, erased_at, data_version, result) VALUES ($1::text, $3, ",
                                kPersonDigest, ", $4, $5, ", internal::MicrosToTimestamp("$6"),
                                ", $7, $8::jsonb)"),
                   request.council, request.person_id, request.request_id,
                   internal::SafeText(request.reason), internal::SafeText(request.caller),
                   at_micros, result.data_version, ResultToJson(result));
    tx.commit();
    log::Event(log::Level::kInfo, "person_erased")
        .Str(log::Key::kCouncil, request.council)
        .Int(log::Key::kVersion, result.data_version)
        .Int(log::Key::kCount, records + result.rejection_count);
    return result;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::submission
