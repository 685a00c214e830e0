// SQL text of the submission store, generated from the schema: the staging tables' names, how
// each column kind is cast, compared and formatted, and the words messages use for types.
// Every identifier is quoted; schema names are our own constants, never user input.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/submission/schema.h"
#include "pqxx/pqxx"

namespace pif::submission::internal {

// The most columns one record type may have: the staging table has this many value columns.
inline constexpr int kMaxColumns = 16;

// The staging table every record of a batch is copied into as it arrives (partitioned by type).
inline constexpr char kStageTable[] = "pif_stage";
// Its partition of records rejected on their own (kept as received, with their errors).
inline constexpr char kStageRejected[] = "pif_stage_rejected";
// Its partition of the valid records of the schema's type number `type_index`.
std::string StagePartition(int type_index);
// The staging column holding a record's column number `column_index` as text.
std::string ValueColumn(int column_index);

// OK when the store can serve `schema`: at most kMaxColumns columns per type, and every key and
// rule naming columns and types that exist (parents before children); INTERNAL otherwise.
absl::Status CheckSchema(const SubmissionSchema& schema);

// The position of the column `name` in `type`, or -1.
int ColumnPosition(const RecordSchema& type, const std::string& name);
// The kind of the column `name` of `type` (kText when there is no such column).
ColumnKind KindOf(const RecordSchema& type, const std::string& name);
// The position of the record type `type` in `schema`, or -1.
int TypeIndex(const SubmissionSchema& schema, const std::string& type);

// A staged value (canonical text) as its kind compares, e.g. (s.v3)::date.
std::string StagedTyped(ColumnKind kind, const std::string& expr);
// A stored column as the canonical text validation produces (dates YYYY-MM-DD, ...).
std::string StoredText(ColumnKind kind, const std::string& expr);
// A staged value cast for insertion into the stored column.
std::string StagedToStored(ColumnKind kind, const std::string& expr);

// The staged column of `column` of `type` behind `alias`, e.g. s."v3".
std::string Staged(const RecordSchema& type, const std::string& alias, const std::string& column);
// A stored column behind `alias`, quoted, e.g. f."start_date".
std::string Stored(pqxx::transaction_base& tx, const std::string& alias, const std::string& column);
// The record id of a stored row behind `alias`: its key values as text joined by '|'.
std::string StoredRecordId(pqxx::transaction_base& tx, const RecordSchema& type,
                           const std::string& alias);
// Conditions matching the stored row `stored_alias` to the staged row `staged_alias` on the key.
std::string KeyMatches(pqxx::transaction_base& tx, const RecordSchema& type,
                       const std::string& stored_alias, const std::string& staged_alias);

// Words for a record type in messages: "CareEpisode" -> "care episode".
std::string TypeWords(const std::string& type);
// Words for what a column refers to: "episode_id" -> "episode".
std::string ReferenceWords(const std::string& column);

// SQL appending one error (field, rule code, message expression) to s.pif_errors.
std::string AppendError(pqxx::transaction_base& tx, const std::string& field_sql,
                        const std::string& rule_code, const std::string& message_sql);
// SQL of a rejection's cells (jsonb [[name, text], ...]) with every text replaced by kRedacted.
std::string RedactedCellsSql(const std::string& cells);
// SQL of a rejection's errors (jsonb [{"field", "rule_code", "message"}, ...]) with every message
// replaced by kRedacted.
std::string RedactedErrorsSql(const std::string& errors);
// SQL of a batch summary (jsonb) whose listed rejections with an id in `ids` (a text[]
// expression) have their messages, and when `with_record_id` their record ids, redacted.
std::string RedactedSummarySql(const std::string& summary, const std::string& ids,
                               bool with_record_id);

// SQL of an interval for messages: "S to E", or "S onwards" when E is null.
std::string IntervalText(const std::string& start_text, const std::string& end_text);

}  // namespace pif::submission::internal
