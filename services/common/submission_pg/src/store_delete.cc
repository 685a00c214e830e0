// PgSubmissionStore::DeleteRecord: removing a record sent in error, under the council's lock.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/core/log.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store_commit.h"
#include "store_json.h"
#include "store_sql.h"

namespace pif::submission {
namespace {

using internal::KindOf;
using internal::MicrosToTimestamp;
using internal::StagedTyped;
using internal::StoredText;

// `record` of `type` matched on its key, the values being parameters $2, $3, ...
std::string KeyCondition(pqxx::transaction_base& tx, const RecordSchema& type) {
  std::vector<std::string> conditions = {"council = $1"};
  for (size_t i = 0; i < type.key.size(); ++i) {
    conditions.push_back(absl::StrCat(
        StoredText(KindOf(type, type.key[i]), tx.quote_name(type.key[i])), " = $", i + 2));
  }
  return absl::StrJoin(conditions, " AND ");
}

// Runs `sql` with the council then the key parts as parameters.
pqxx::result WithKey(pqxx::work& tx, const std::string& sql, const std::string& council,
                     const std::vector<std::string>& parts) {
  return tx.exec_params(sql, council, pqxx::prepare::make_dynamic_params(parts));
}

// The records of other types that refer to the stored record: a refusal naming the first such
// type (not the ids: statuses carry no person's pseudonym), or OK.
absl::Status CheckUnreferenced(pqxx::work& tx, const SubmissionSchema& schema,
                               const RecordSchema& type, const std::string& council,
                               const std::vector<std::string>& parts) {
  for (const RecordSchema& child : schema.types) {
    for (const ParentRule& rule : child.parents) {
      if (rule.parent_type != type.type) continue;
      const pqxx::result rows = WithKey(
          tx,
          absl::StrCat("SELECT count(*) FROM ", tx.quote_name(child.table),
                       " c WHERE c.council = $1 AND c.", tx.quote_name(rule.column), " = ",
                       StagedTyped(KindOf(child, rule.column),
                                   absl::StrCat("(SELECT ",
                                                StoredText(KindOf(type, rule.parent_column),
                                                           tx.quote_name(rule.parent_column)),
                                                " FROM ", tx.quote_name(type.table), " WHERE ",
                                                KeyCondition(tx, type), ")"))),
          council, parts);
      const int64_t referring = rows[0][0].as<int64_t>();
      if (referring > 0) {
        return absl::FailedPreconditionError(
            absl::StrCat("the ", type.type, " cannot be deleted: ", referring, " ", child.type,
                         referring == 1 ? " record refers" : " records refer",
                         " to it; delete or correct those first"));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DeletionResult> PgSubmissionStore::DeleteRecord(const std::string& council,
                                                               const std::string& record_type,
                                                               const std::string& record_id,
                                                               const std::string& reason,
                                                               const std::string& caller) {
  const int index = internal::TypeIndex(schema_, record_type);
  if (index < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(schema_.service, " has no record type ", record_type));
  }
  const RecordSchema& type = schema_.types[index];
  const auto parts = KeyValuesOf(type, record_id);
  if (!parts.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("a ", type.type, " id is its ", absl::StrJoin(type.key, ", "),
                     type.key.size() > 1 ? " joined by '|', none empty" : ", not empty"));
  }
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    internal::LockCouncil(tx, schema_, council);
    const bool stored = !WithKey(tx,
                                 absl::StrCat("SELECT 1 FROM ", tx.quote_name(type.table),
                                              " WHERE ", KeyCondition(tx, type), " FOR UPDATE"),
                                 council, *parts)
                             .empty();
    const int64_t open_rejections =
        tx.exec_params1(
              "SELECT count(*) FROM rejections WHERE council = $1 AND record_type = $2"
              " AND record_id = $3 AND cleared_reason IS NULL",
              council, type.type, record_id)[0]
            .as<int64_t>();
    if (!stored && open_rejections == 0) {
      // The id is a person's pseudonym: statuses do not repeat it.
      return absl::NotFoundError(absl::StrCat("council ", council, " has no ", type.type,
                                              " with that id, stored or rejected"));
    }
    if (stored) {
      if (absl::Status free = CheckUnreferenced(tx, schema_, type, council, *parts); !free.ok()) {
        return free;
      }
      WithKey(tx,
              absl::StrCat("DELETE FROM ", tx.quote_name(type.table), " WHERE ",
                           KeyCondition(tx, type)),
              council, *parts);
    }
    const int64_t at_micros =
        tx.exec1(absl::StrCat("SELECT ", internal::TimestampToMicros("clock_timestamp()")))[0]
            .as<int64_t>();
    DeletionResult result;
    result.deleted_at = internal::FromMicros(at_micros);
    result.data_version = internal::BumpDataVersion(tx, council, at_micros, std::nullopt);
    result.cleared_rejection_count = open_rejections;
    const std::string safe_caller = internal::SafeText(caller);
    result.deletion_id =
        tx.exec_params1(
              absl::StrCat("INSERT INTO deletions (council, record_type, record_id,"
                           " reason, caller, deleted_at, data_version, record_existed,"
                           " cleared_rejection_count) VALUES ($1, $2, $3, $4, $5, ",
                           MicrosToTimestamp("$6"), ", $7, $8, $9) RETURNING deletion_id::text"),
              council, type.type, record_id, internal::SafeText(reason), safe_caller, at_micros,
              result.data_version, stored, open_rejections)[0]
            .as<std::string>();
    tx.exec_params(absl::StrCat("UPDATE rejections SET cleared_reason = 'DELETED',"
                                " cleared_by_deletion = $4::uuid, cleared_by = $5, cleared_at = ",
                                MicrosToTimestamp("$6"),
                                " WHERE council = $1 AND record_type = $2 AND record_id = $3"
                                " AND cleared_reason IS NULL"),
                   council, type.type, record_id, result.deletion_id, safe_caller, at_micros);
    tx.commit();
    log::Event(log::Level::kInfo, "record_deleted")
        .Str(log::Key::kCouncil, council)
        .Int(log::Key::kVersion, result.data_version)
        .Int(log::Key::kCount, result.cleared_rejection_count);
    return result;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::submission
