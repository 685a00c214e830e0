#include "store_commit.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "data_version_floor.h"
#include "nlohmann/json.hpp"
#include "store_json.h"
#include "store_rules.h"
#include "store_sql.h"

namespace pif::submission::internal {
namespace {

// [[name, text], ...] of a staged valid record's recorded values, in column order.
std::string StagedCells(pqxx::work& tx, const RecordSchema& type) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < type.columns.size(); ++i) {
    rows.push_back(absl::StrCat("(", i, ", ", tx.quote(type.columns[i].name), "::text, s.",
                                ValueColumn(static_cast<int>(i)), ")"));
  }
  return absl::StrCat(
      "(SELECT coalesce(jsonb_agg(jsonb_build_array(c.n, c.v) ORDER BY c.o), '[]'::jsonb)"
      " FROM (VALUES ",
      absl::StrJoin(rows, ", "), ") AS c(o, n, v) WHERE c.v IS NOT NULL)");
}

// Keeps every rejected record of the batch: those rejected on their own and by the rules.
void InsertRejections(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch,
                      int64_t version, int64_t at_micros) {
  const std::string insert =
      "INSERT INTO rejections (council, rejection_id, batch_id, data_version, position,"
      " source_file, source_row, record_type, record_id, cells, received_typed, errors,"
      " received_at) ";
  const std::string received_at = MicrosToTimestamp("$4");
  if (!batch.rejected_counts.empty()) {
    tx.exec_params(absl::StrCat(insert,
                                "SELECT $1, $2 || '#' || s.pif_position, $2, $3, s.pif_position,"
                                " s.pif_file, s.pif_row, s.pif_record_type, s.pif_record_id,"
                                " s.pif_cells, s.pif_typed, s.pif_errors, ",
                                received_at, " FROM ", kStageRejected, " s"),
                   batch.info.council, batch.info.batch_id, version, at_micros);
  }
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (batch.valid_counts[i] == 0) continue;
    const RecordSchema& type = schema.types[i];
    tx.exec_params(
        absl::StrCat(insert,
                     "SELECT $1, $2 || '#' || s.pif_position, $2, $3, s.pif_position,"
                     " s.pif_file, s.pif_row, ",
                     tx.quote(type.type), ", s.pif_record_id, ", StagedCells(tx, type),
                     ", true, s.pif_errors, ", received_at, " FROM ",
                     StagePartition(static_cast<int>(i)), " s WHERE s.pif_errors IS NOT NULL"),
        batch.info.council, batch.info.batch_id, version, at_micros);
  }
}

// Stores the accepted records: those whose key is stored replace it (rows whose values did not
// change are left alone, so a full export sent again writes little), the others are inserted.
// The council's lock makes this safe without ON CONFLICT, whose speculative inserts cost a
// quarter more.
void UpsertAccepted(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch) {
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (batch.valid_counts[i] == 0) continue;
    const RecordSchema& type = schema.types[i];
    const std::string table = tx.quote_name(type.table);
    const std::string stage = StagePartition(static_cast<int>(i));
    const std::string accepted = " s.pif_candidate AND s.pif_errors IS NULL";
    const std::string same_key =
        absl::StrCat("t.council = $1::bpchar AND ", KeyMatches(tx, type, "t", "s"));
    std::vector<std::string> columns = {"council"};
    std::vector<std::string> values = {"$1::bpchar"};
    std::vector<std::string> assignments;
    std::vector<std::string> stored_text;
    std::vector<std::string> new_text;
    for (size_t c = 0; c < type.columns.size(); ++c) {
      const Column& column = type.columns[c];
      const std::string name = tx.quote_name(column.name);
      const std::string value = absl::StrCat("s.", ValueColumn(static_cast<int>(c)));
      columns.push_back(name);
      values.push_back(StagedToStored(column.kind, value));
      if (std::find(type.key.begin(), type.key.end(), column.name) != type.key.end()) continue;
      assignments.push_back(absl::StrCat(name, " = ", StagedToStored(column.kind, value)));
      stored_text.push_back(StoredText(column.kind, absl::StrCat("t.", name)));
      new_text.push_back(value);
    }
    if (!assignments.empty()) {
      tx.exec_params(absl::StrCat("UPDATE ", table, " t SET ", absl::StrJoin(assignments, ", "),
                                  " FROM ", stage, " s WHERE", accepted, " AND ", same_key,
                                  " AND (", absl::StrJoin(stored_text, ", "),
                                  ") IS DISTINCT FROM (", absl::StrJoin(new_text, ", "), ")"),
                     batch.info.council);
    }
    tx.exec_params(
        absl::StrCat("INSERT INTO ", table, " (", absl::StrJoin(columns, ", "), ") SELECT ",
                     absl::StrJoin(values, ", "), " FROM ", stage, " s WHERE", accepted,
                     " AND NOT EXISTS (SELECT 1 FROM ", table, " t WHERE ", same_key, ")"),
        batch.info.council);
  }
}

// Redacts the messages of the `cleared` rejections (rows of rejection id, batch id) in the
// summaries of earlier batches that list them (this batch lists them from the table, redacted).
void RedactSummaryCopies(pqxx::work& tx, const std::string& council, const pqxx::result& cleared) {
  std::map<std::string, std::vector<std::string>> by_batch;
  for (const auto& row : cleared) {
    by_batch[row[1].as<std::string>()].push_back(row[0].as<std::string>());
  }
  for (const auto& [batch_id, ids] : by_batch) {
    nlohmann::json array = ids;
    tx.exec_params(absl::StrCat("UPDATE import_batches SET summary = ",
                                RedactedSummarySql("summary",
                                                   "ARRAY(SELECT jsonb_array_elements_text("
                                                   "$3::jsonb))",
                                                   false),
                                " WHERE council = $1 AND batch_id = $2"),
                   council, batch_id, array.dump());
  }
}

// Clears open rejections of records this batch accepted (earlier batches, and earlier positions
// of this one); returns how many.
int64_t ClearCorrected(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch,
                       int64_t at_micros) {
  int64_t cleared = 0;
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (batch.valid_counts[i] == 0) continue;
    const bool any_open = !tx.exec_params(
                                 "SELECT 1 FROM rejections WHERE council = $1 AND record_type = $2"
                                 " AND cleared_reason IS NULL LIMIT 1",
                                 batch.info.council, schema.types[i].type)
                               .empty();
    if (!any_open) continue;
    // A corrected copy keeps no values: its cells and messages are redacted as it is cleared.
    const pqxx::result result = tx.exec_params(
        absl::StrCat("UPDATE rejections r SET cleared_reason = 'CORRECTED', cleared_by_batch = $2,"
                     " cleared_by = $3, cleared_at = ",
                     MicrosToTimestamp("$4"), ", cells = ", RedactedCellsSql("r.cells"),
                     ", errors = ", RedactedErrorsSql("r.errors"), " FROM ",
                     StagePartition(static_cast<int>(i)),
                     " s WHERE r.council = $1 AND r.cleared_reason IS NULL AND r.record_type = ",
                     tx.quote(schema.types[i].type),
                     " AND r.record_id = s.pif_record_id AND s.pif_candidate"
                     " AND s.pif_errors IS NULL"
                     " AND (r.batch_id <> $2 OR r.position < s.pif_position)"
                     " RETURNING r.rejection_id, r.batch_id"),
        batch.info.council, batch.info.batch_id, batch.info.caller, at_micros);
    cleared += result.affected_rows();
    RedactSummaryCopies(tx, batch.info.council, result);
  }
  return cleared;
}

// Accepted and rejected counts per type: schema types in schema order, then types the schema
// does not know (rejected on their own) by name.
void CountPerType(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch,
                  BatchSummary& summary) {
  std::map<std::string, int64_t> unknown = batch.rejected_counts;
  for (size_t i = 0; i < schema.types.size(); ++i) {
    const std::string& name = schema.types[i].type;
    int64_t rejected = 0;
    if (auto it = unknown.find(name); it != unknown.end()) {
      rejected = it->second;
      unknown.erase(it);
    }
    int64_t accepted = batch.valid_counts[i];
    if (accepted > 0) {
      const int64_t by_rules =
          tx.exec(absl::StrCat("SELECT count(*) FROM ", StagePartition(static_cast<int>(i)),
                               " WHERE pif_errors IS NOT NULL"))[0][0]
              .as<int64_t>();
      accepted -= by_rules;
      rejected += by_rules;
    }
    if (accepted + rejected == 0) continue;
    summary.per_type.push_back({name, {accepted, rejected}});
    summary.accepted_count += accepted;
    summary.rejected_count += rejected;
  }
  for (const auto& [name, rejected] : unknown) {
    summary.per_type.push_back({name, {0, rejected}});
    summary.rejected_count += rejected;
  }
}

// The first rejections of the batch, in stream order, as the summary lists them.
absl::Status ListFirstRejections(pqxx::work& tx, BatchSummary& summary) {
  const pqxx::result rows = tx.exec_params(
      "SELECT rejection_id, position, source_file, source_row, record_type, record_id,"
      " errors::text FROM rejections WHERE council = $1 AND batch_id = $2"
      " ORDER BY position LIMIT $3",
      summary.council, summary.batch_id, kMaxListedRejections);
  for (const auto& row : rows) {
    RejectionInfo rejection;
    rejection.rejection_id = row[0].as<std::string>();
    rejection.position = row[1].as<int64_t>();
    rejection.source.file = row[2].as<std::string>();
    rejection.source.row = row[3].as<int64_t>();
    rejection.record_type = row[4].as<std::string>();
    rejection.record_id = row[5].as<std::string>();
    auto errors = ErrorsFromJson(row[6].as<std::string>());
    if (!errors.ok()) return errors.status();
    rejection.errors = *std::move(errors);
    summary.rejections.push_back(std::move(rejection));
  }
  summary.rejections_truncated = summary.rejected_count > kMaxListedRejections;
  return absl::OkStatus();
}

}  // namespace

void LockCouncil(pqxx::work& tx, const SubmissionSchema& schema, const std::string& council) {
  tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
                 absl::StrCat("pif.submission.", schema.service), council);
}

absl::StatusOr<std::optional<BatchSummary>> FindCommitted(pqxx::transaction_base& tx,
                                                          const std::string& council,
                                                          const std::string& batch_id) {
  const pqxx::result rows = tx.exec_params(
      "SELECT summary::text FROM import_batches WHERE council = $1 AND batch_id = $2", council,
      batch_id);
  if (rows.empty()) return std::optional<BatchSummary>();
  absl::StatusOr<BatchSummary> summary = SummaryFromJson(rows[0][0].as<std::string>());
  if (!summary.ok()) return summary.status();
  summary->replayed = true;
  return std::optional<BatchSummary>(*std::move(summary));
}

int64_t BumpDataVersion(pqxx::work& tx, const std::string& council, int64_t at_micros,
                        const std::optional<std::string>& batch_id) {
  const int64_t floor = DataVersionFloor(tx);
  return tx
      .exec_params1(
          absl::StrCat("INSERT INTO council_data_versions AS v (council, data_version,"
                       " updated_at, last_batch_id) VALUES ($1, GREATEST(1, $4::bigint), ",
                       MicrosToTimestamp("$2"),
                       ", $3) ON CONFLICT (council) DO UPDATE SET"
                       " data_version = GREATEST(v.data_version + 1, $4::bigint),"
                       " updated_at = EXCLUDED.updated_at,"
                       " last_batch_id = coalesce(EXCLUDED.last_batch_id,"
                       " v.last_batch_id) RETURNING data_version"),
          council, at_micros, batch_id, floor)[0]
      .as<int64_t>();
}

absl::StatusOr<BatchSummary> CommitStaged(pqxx::work& tx, const SubmissionSchema& schema,
                                          const StagedBatch& batch) {
  const BatchInfo& info = batch.info;
  LockCouncil(tx, schema, info.council);
  // A concurrent stream with the same batch id may have committed since Begin.
  auto committed = FindCommitted(tx, info.council, info.batch_id);
  if (!committed.ok()) return committed.status();
  if (committed->has_value()) return **committed;

  const int64_t at_micros =
      tx.exec1(absl::StrCat("SELECT ", TimestampToMicros("clock_timestamp()")))[0].as<int64_t>();
  BatchSummary summary;
  summary.council = info.council;
  summary.batch_id = info.batch_id;
  summary.committed_at = FromMicros(at_micros);
  summary.data_version = BumpDataVersion(tx, info.council, at_micros, info.batch_id);

  ApplyCrossRecordRules(tx, schema, batch);
  InsertRejections(tx, schema, batch, summary.data_version, at_micros);
  UpsertAccepted(tx, schema, batch);
  summary.cleared_rejection_count = ClearCorrected(tx, schema, batch, at_micros);
  CountPerType(tx, schema, batch, summary);
  if (absl::Status listed = ListFirstRejections(tx, summary); !listed.ok()) return listed;

  tx.exec_params(
      absl::StrCat("INSERT INTO import_batches (council, batch_id, caller, received_at,"
                   " committed_at, accepted_count, rejected_count, data_version, summary,"
                   " source_system, cleared_rejection_count) VALUES ($1, $2, $3, ",
                   MicrosToTimestamp("$4"), ", ", MicrosToTimestamp("$5"),
                   ", $6, $7, $8, $9::jsonb, $10, $11)"),
      info.council, info.batch_id, info.caller, ToMicros(info.started_at), at_micros,
      summary.accepted_count, summary.rejected_count, summary.data_version, SummaryToJson(summary),
      info.source_system, summary.cleared_rejection_count);
  return summary;
}

}  // namespace pif::submission::internal
