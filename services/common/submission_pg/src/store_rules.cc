#include "store_rules.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "store_sql.h"

namespace pif::submission::internal {
namespace {

// One record type being checked: its staging partition, its stored table and the batch.
struct TypeContext {
  pqxx::work& tx;
  const SubmissionSchema& schema;
  const StagedBatch& batch;
  int index;
  const RecordSchema& type;
  std::string stage;  // the type's staging partition
  std::string table;  // the type's stored table, quoted
  std::string words;  // the type in messages ("care episode")
};

TypeContext ContextOf(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch,
                      int index) {
  const RecordSchema& type = schema.types[index];
  return {tx,
          schema,
          batch,
          index,
          type,
          StagePartition(index),
          tx.quote_name(type.table),
          TypeWords(type.type)};
}

// Runs `sql`, with the council as $1 when it uses it; returns the rows changed.
int64_t Run(const TypeContext& c, const std::string& sql) {
  if (sql.find("$1") == std::string::npos) return c.tx.exec(sql).affected_rows();
  return c.tx.exec_params(sql, c.batch.info.council).affected_rows();
}

// The parent column a WithinParentRule joins on: its ParentRule's, else the parent's key.
std::string ParentColumnFor(const RecordSchema& type, const WithinParentRule& rule,
                            const RecordSchema& parent) {
  for (const ParentRule& parent_rule : type.parents) {
    if (parent_rule.column == rule.column && parent_rule.parent_type == rule.parent_type) {
      return parent_rule.parent_column;
    }
  }
  return parent.key.front();
}

// The positions of rows whose acceptance waits on earlier rows, while a pair check runs.
constexpr char kContested[] = "pif_contested";

// Gives the planner the staged rows' statistics (autovacuum never analyses temporary tables),
// from a small sample: row counts and rough distinct counts are all the joins need.
// No indexes: the rules are joins over the whole batch, where hash joins win; the few lookups
// that are not (contested rows of a pair check) index what they need when they need it.
void PrepareStaging(pqxx::work& tx, const SubmissionSchema& schema, const StagedBatch& batch) {
  std::string sql = absl::StrCat("CREATE TEMP TABLE ", kContested,
                                 " (position bigint PRIMARY KEY) ON COMMIT DROP;\n",
                                 "SET LOCAL default_statistics_target = 10;\n");
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (batch.valid_counts[i] > 0) {
      absl::StrAppend(&sql, "ANALYZE ", StagePartition(static_cast<int>(i)), ";\n");
    }
  }
  if (!batch.rejected_counts.empty()) absl::StrAppend(&sql, "ANALYZE ", kStageRejected, ";\n");
  tx.exec(sql);
}

std::string ReplacedMessage(const TypeContext& c, const std::string& later_position) {
  return absl::StrCat("concat(", c.tx.quote(c.words + " "), ", s.pif_record_id, ",
                      c.tx.quote(" was sent again later in this batch (position "), ", ",
                      later_position,
                      ", ') and that record was rejected, so this one is not kept either')");
}

// The same key sent twice: the latest row is the candidate, earlier ones follow its fate.
void MarkSuperseded(const TypeContext& c) {
  Run(c, absl::StrCat("UPDATE ", c.stage,
                      " s SET pif_superseded_by = m.last, pif_candidate = false FROM"
                      " (SELECT pif_record_id, max(pif_position) AS last FROM ",
                      c.stage,
                      " GROUP BY pif_record_id HAVING count(*) > 1) m"
                      " WHERE s.pif_record_id = m.pif_record_id AND s.pif_position < m.last"));
}

// The latest valid row of a key sent again later and rejected on its own is not kept either.
void RejectReplacedByRejected(const TypeContext& c) {
  Run(c,
      absl::StrCat("UPDATE ", c.stage, " s SET pif_candidate = false, pif_errors = ",
                   AppendError(c.tx, "''", kReplacedByRejectedRecord, ReplacedMessage(c, "r.last")),
                   " FROM (SELECT pif_record_id, max(pif_position) AS last FROM ", kStageRejected,
                   " WHERE pif_record_type = ", c.tx.quote(c.type.type),
                   " GROUP BY pif_record_id) r WHERE s.pif_record_id = r.pif_record_id"
                   " AND s.pif_superseded_by IS NULL AND r.last > s.pif_position"));
}

// Earlier rows of a key whose latest row was rejected are rejected with it.
void FollowLatest(const TypeContext& c) {
  Run(c, absl::StrCat("UPDATE ", c.stage, " s SET pif_errors = ",
                      AppendError(c.tx, "''", kReplacedByRejectedRecord,
                                  ReplacedMessage(c, "l.pif_position")),
                      " FROM ", c.stage,
                      " l WHERE s.pif_superseded_by = l.pif_position AND s.pif_errors IS NULL"
                      " AND l.pif_errors IS NOT NULL"));
}

// ParentRule: the parent is accepted in this batch or stored.
void CheckParent(const TypeContext& c, const ParentRule& rule) {
  pqxx::work& tx = c.tx;
  const int parent_index = TypeIndex(c.schema, rule.parent_type);
  const RecordSchema& parent = c.schema.types[parent_index];
  const std::string parent_stage = StagePartition(parent_index);
  const std::string value = Staged(c.type, "s2", rule.column);
  const std::string parent_value = Staged(parent, "p", rule.parent_column);
  const std::string parent_words = TypeWords(parent.type);
  const std::string message = absl::StrCat(
      "concat(", tx.quote(rule.column + " "), ", ", Staged(c.type, "s", rule.column),
      ", CASE WHEN m.rejected_at IS NULL THEN ",
      tx.quote(" names no " + parent_words + " accepted in this batch or already stored"),
      " ELSE concat(",
      tx.quote(" names a " + parent_words + " that was rejected in this batch (position "),
      ", m.rejected_at, ')') END)");
  // Rows without a parent; then where a parent with that id was sent in this batch and
  // rejected, to say so (joins, so that many orphans cost no more than a few).
  std::string sent =
      absl::StrCat("SELECT ", parent_value, " AS value, p.pif_position FROM ", parent_stage,
                   " p WHERE ", parent_value, " IN (SELECT value FROM missing)");
  if (parent.key == std::vector<std::string>{rule.parent_column} &&
      c.batch.rejected_counts.count(parent.type) > 0) {
    absl::StrAppend(&sent, " UNION ALL SELECT r.pif_record_id, r.pif_position FROM ",
                    kStageRejected, " r WHERE r.pif_record_type = ", tx.quote(parent.type),
                    " AND r.pif_record_id IN (SELECT value FROM missing)");
  }
  Run(c,
      absl::StrCat(
          "WITH missing AS (SELECT s2.pif_position AS subject, ", value, " AS value FROM ", c.stage,
          " s2 WHERE s2.pif_candidate AND ", value, " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ",
          parent_stage, " p WHERE ", parent_value, " = ", value,
          " AND p.pif_candidate AND p.pif_errors IS NULL) AND NOT EXISTS (SELECT 1 FROM ",
          tx.quote_name(parent.table), " f WHERE f.council = $1 AND ",
          Stored(tx, "f", rule.parent_column), " = ",
          StagedTyped(KindOf(parent, rule.parent_column), value), ")), sent AS (", sent,
          "), m AS (SELECT missing.subject, min(sent.pif_position) AS rejected_at FROM missing"
          " LEFT JOIN sent ON sent.value = missing.value GROUP BY missing.subject) UPDATE ",
          c.stage,
          " s SET pif_errors = ", AppendError(tx, tx.quote(rule.column), rule.rule_code, message),
          " FROM m WHERE s.pif_position = m.subject"));
}

// WithinParentRule: [start, end) lies within the parent's interval, the parent as accepted in
// this batch if it was, else as stored.
void CheckWithin(const TypeContext& c, const WithinParentRule& rule) {
  pqxx::work& tx = c.tx;
  const int parent_index = TypeIndex(c.schema, rule.parent_type);
  const RecordSchema& parent = c.schema.types[parent_index];
  const std::string parent_stage = StagePartition(parent_index);
  const std::string parent_column = ParentColumnFor(c.type, rule, parent);
  const std::string value = Staged(c.type, "s2", rule.column);
  const std::string accepted_parent = absl::StrCat(Staged(parent, "p", parent_column), " = ", value,
                                                   " AND p.pif_candidate AND p.pif_errors IS NULL");
  const ColumnKind parent_start_kind = KindOf(parent, rule.parent_start);
  const ColumnKind parent_end_kind = KindOf(parent, rule.parent_end);
  const std::string parents = absl::StrCat(
      "SELECT s2.pif_position AS subject, p.pif_record_id AS parent_id, ",
      Staged(parent, "p", rule.parent_start), " AS pstart, ", Staged(parent, "p", rule.parent_end),
      " AS pend FROM ", c.stage, " s2 JOIN ", parent_stage, " p ON ", accepted_parent,
      " WHERE s2.pif_candidate UNION ALL SELECT s2.pif_position, ", StoredRecordId(tx, parent, "f"),
      ", ", StoredText(parent_start_kind, Stored(tx, "f", rule.parent_start)), ", ",
      StoredText(parent_end_kind, Stored(tx, "f", rule.parent_end)), " FROM ", c.stage, " s2 JOIN ",
      tx.quote_name(parent.table), " f ON f.council = $1 AND ", Stored(tx, "f", parent_column),
      " = ", StagedTyped(KindOf(parent, parent_column), value),
      " WHERE s2.pif_candidate AND NOT EXISTS (SELECT 1 FROM ", parent_stage, " p WHERE ",
      accepted_parent, ")");
  const std::string start =
      StagedTyped(KindOf(c.type, rule.start), Staged(c.type, "s", rule.start));
  const std::string end = StagedTyped(KindOf(c.type, rule.end), Staged(c.type, "s", rule.end));
  const std::string parent_start = StagedTyped(parent_start_kind, "parent.pstart");
  const std::string parent_end = StagedTyped(parent_end_kind, "parent.pend");
  const std::string within =
      absl::StrCat(start, " >= ", parent_start, " AND (parent.pend IS NULL OR (", end,
                   " IS NOT NULL AND ", end, " <= ", parent_end, "))");
  const std::string field =
      absl::StrCat("CASE WHEN ", start, " < ", parent_start, " THEN ", tx.quote(rule.start),
                   " ELSE ", tx.quote(rule.end), " END");
  const std::string message = absl::StrCat(
      "concat(", tx.quote(c.words + " "), ", s.pif_record_id, ' ', ",
      IntervalText(Staged(c.type, "s", rule.start), Staged(c.type, "s", rule.end)), ", ",
      tx.quote(" is outside " + TypeWords(parent.type) + " "), ", parent.parent_id, ' (', ",
      IntervalText("parent.pstart", "parent.pend"), ", ')')");
  Run(c, absl::StrCat("WITH parent AS (", parents, ") UPDATE ", c.stage,
                      " s SET pif_errors = ", AppendError(tx, field, rule.rule_code, message),
                      " FROM parent WHERE s.pif_position = parent.subject AND NOT (", within, ")"));
}

// A rule comparing rows that share `group`: each candidate row with the stored rows (of other
// keys, not replaced by this batch) and with the rows of the batch accepted before it.
struct PairCheck {
  std::string group;
  std::string rule_code;
  // Columns of the other row carried to the message as first.x0, first.x1, ...
  std::vector<std::string> carried;
  // SQL true when the subject s2 conflicts with the other row, given the other's typed column.
  std::function<std::string(const std::function<std::string(const std::string&)>&)> conflicts;
  // SQL of the error's field and message over s and the first conflict `first`.
  std::string field;
  std::string message;
};

// The subject s2 conflicts with the staged row o.
std::string BatchConflict(const TypeContext& c, const PairCheck& check) {
  const auto other = [&](const std::string& column) {
    return StagedTyped(KindOf(c.type, column), Staged(c.type, "o", column));
  };
  return absl::StrCat(Staged(c.type, "o", check.group), " = ", Staged(c.type, "s2", check.group),
                      " AND o.pif_position < s2.pif_position AND (", check.conflicts(other), ")");
}

// Appends the rule's error to each subject of `first` (one row per subject).
std::string RejectFirst(const TypeContext& c, const PairCheck& check) {
  return absl::StrCat("UPDATE ", c.stage, " s SET pif_errors = ",
                      AppendError(c.tx, check.field, check.rule_code, check.message),
                      " FROM first WHERE s.pif_position = first.subject");
}

// Rejects the candidates (all, or those not rejected yet) that conflict with a stored row.
std::string StoredPass(const TypeContext& c, const PairCheck& check, bool all_candidates) {
  pqxx::work& tx = c.tx;
  const RecordSchema& type = c.type;
  std::string carried;
  for (size_t i = 0; i < check.carried.size(); ++i) {
    const std::string& column = check.carried[i];
    absl::StrAppend(&carried, ", ", StoredText(KindOf(type, column), Stored(tx, "f", column)),
                    " AS x", i);
  }
  const auto other = [&](const std::string& column) { return Stored(tx, "f", column); };
  const std::string stored_id = StoredRecordId(tx, type, "f");
  return absl::StrCat(
      "WITH first AS (SELECT DISTINCT ON (s2.pif_position) s2.pif_position AS subject, ", stored_id,
      " AS other_id, 1 AS source", carried, " FROM ", c.stage, " s2 JOIN ", c.table,
      " f ON f.council = $1 AND ", Stored(tx, "f", check.group), " = ",
      StagedTyped(KindOf(type, check.group), Staged(type, "s2", check.group)),
      " WHERE s2.pif_candidate", all_candidates ? "" : " AND s2.pif_errors IS NULL", " AND ",
      stored_id, " <> s2.pif_record_id AND (", check.conflicts(other),
      ") AND NOT EXISTS (SELECT 1 FROM ", c.stage, " k WHERE k.pif_record_id = ", stored_id,
      " AND k.pif_candidate AND k.pif_errors IS NULL) ORDER BY s2.pif_position, ", stored_id, ") ",
      RejectFirst(c, check));
}

// Rows of the batch still in play that an earlier one of them conflicts with: the only rows
// whose fate depends on which earlier rows are accepted.
std::string ContestedRows(const TypeContext& c, const PairCheck& check) {
  return absl::StrCat("INSERT INTO ", kContested, " SELECT s2.pif_position FROM ", c.stage,
                      " s2 WHERE s2.pif_candidate AND s2.pif_errors IS NULL AND EXISTS (SELECT 1"
                      " FROM ",
                      c.stage, " o WHERE ", BatchConflict(c, check),
                      " AND o.pif_candidate AND o.pif_errors IS NULL)");
}

// Rejects the contested rows that conflict with an earlier accepted row (in play, uncontested).
std::string RejectContested(const TypeContext& c, const PairCheck& check) {
  std::string carried;
  for (size_t i = 0; i < check.carried.size(); ++i) {
    absl::StrAppend(&carried, ", ", Staged(c.type, "o", check.carried[i]), " AS x", i);
  }
  return absl::StrCat(
      "WITH first AS (SELECT DISTINCT ON (s2.pif_position) s2.pif_position AS subject,"
      " o.pif_record_id AS other_id, 0 AS source",
      carried, " FROM ", kContested, " p JOIN ", c.stage,
      " s2 ON s2.pif_position = p.position JOIN ", c.stage, " o ON ", BatchConflict(c, check),
      " WHERE o.pif_candidate AND o.pif_errors IS NULL AND NOT EXISTS (SELECT 1 FROM ", kContested,
      " q WHERE q.position = o.pif_position) ORDER BY s2.pif_position,"
      " o.pif_position), rejected AS (",
      RejectFirst(c, check), " RETURNING s.pif_position) DELETE FROM ", kContested,
      " WHERE position IN (SELECT pif_position FROM rejected)");
}

// Accepts the contested rows that no earlier contested row conflicts with.
std::string AcceptContested(const TypeContext& c, const PairCheck& check) {
  return absl::StrCat("DELETE FROM ", kContested, " p USING ", c.stage,
                      " s2 WHERE s2.pif_position = p.position AND NOT EXISTS (SELECT 1 FROM ",
                      kContested, " q JOIN ", c.stage, " o ON o.pif_position = q.position WHERE ",
                      BatchConflict(c, check), ")");
}

// Runs a pair check as if the rows arrived one by one: the stored rows come first, then each
// row of the batch is compared with the rows accepted before it. Rows it rejects keep the stored
// rows they would have replaced, so those are compared with the accepted rows too, until
// nothing more is rejected.
void RunPairCheck(const TypeContext& c, const PairCheck& check) {
  int64_t rejected = Run(c, StoredPass(c, check, true));
  if (Run(c, ContestedRows(c, check)) > 0) {
    const std::string group = ValueColumn(ColumnPosition(c.type, check.group));
    Run(c, absl::StrCat("CREATE INDEX IF NOT EXISTS ", c.stage, "_position ON ", c.stage,
                        " (pif_position); CREATE INDEX IF NOT EXISTS ", c.stage, "_", group, " ON ",
                        c.stage, " (", group, ")"));
    // Each round decides at least the earliest contested row.
    for (;;) {
      const int64_t by_earlier = Run(c, RejectContested(c, check));
      const int64_t accepted = Run(c, AcceptContested(c, check));
      rejected += by_earlier;
      if (by_earlier + accepted == 0) break;
    }
  }
  if (rejected == 0) return;
  const std::string kept_stored_rows =
      absl::StrCat("SELECT 1 FROM ", c.stage, " s JOIN ", c.table, " f ON f.council = $1 AND ",
                   KeyMatches(c.tx, c.type, "f", "s"),
                   " WHERE s.pif_candidate AND s.pif_errors IS NOT NULL LIMIT 1");
  if (c.tx.exec_params(kept_stored_rows, c.batch.info.council).empty()) return;
  while (Run(c, StoredPass(c, check, false)) > 0) {
  }
}

// Where the conflicting row of a pair check came from, for the message.
std::string Source() {
  return "CASE WHEN first.source = 0 THEN 'sent earlier in this batch' ELSE 'already stored' END";
}

// NoOverlapRule: rows of one group do not overlap on [start, end); the later arrival is rejected.
void CheckOverlap(const TypeContext& c, const NoOverlapRule& rule) {
  pqxx::work& tx = c.tx;
  const RecordSchema& type = c.type;
  const ColumnKind start_kind = KindOf(type, rule.start);
  const ColumnKind end_kind = KindOf(type, rule.end);
  PairCheck check;
  check.group = rule.group_column;
  check.rule_code = rule.rule_code;
  check.carried = {rule.start, rule.end};
  check.conflicts = [&](const std::function<std::string(const std::string&)>& other) {
    const std::string start = StagedTyped(start_kind, Staged(type, "s2", rule.start));
    const std::string end = StagedTyped(end_kind, Staged(type, "s2", rule.end));
    const std::string other_start = other(rule.start);
    const std::string other_end = other(rule.end);
    // Half-open intervals, an open end running for ever; an empty interval overlaps nothing.
    return absl::StrCat("(", other_end, " IS NULL OR ", start, " < ", other_end, ") AND (", end,
                        " IS NULL OR ", other_start, " < ", end, ") AND (", end, " IS NULL OR ",
                        start, " < ", end, ") AND (", other_end, " IS NULL OR ", other_start, " < ",
                        other_end, ")");
  };
  check.field = "''";
  check.message =
      absl::StrCat("concat(", tx.quote(c.words + " "), ", s.pif_record_id, ' ', ",
                   IntervalText(Staged(type, "s", rule.start), Staged(type, "s", rule.end)), ", ",
                   tx.quote(" overlaps " + c.words + " "), ", first.other_id, ",
                   tx.quote(" of the same " + ReferenceWords(rule.group_column) + " ("), ", ",
                   IntervalText("first.x0", "first.x1"), ", ', ', ", Source(), ", ')')");
  RunPairCheck(c, check);
}

// AgreeRule: rows sharing the key column agree on the rule's columns; the later one is rejected.
void CheckAgreement(const TypeContext& c, const AgreeRule& rule) {
  pqxx::work& tx = c.tx;
  const RecordSchema& type = c.type;
  PairCheck check;
  check.group = rule.key_column;
  check.rule_code = rule.rule_code;
  check.carried = rule.columns;
  check.conflicts = [&](const std::function<std::string(const std::string&)>& other) {
    std::vector<std::string> differences;
    for (const std::string& column : rule.columns) {
      differences.push_back(
          absl::StrCat(StagedTyped(KindOf(type, column), Staged(type, "s2", column)),
                       " IS DISTINCT FROM ", other(column)));
    }
    return absl::StrJoin(differences, " OR ");
  };
  std::vector<std::string> fields;
  std::vector<std::string> parts;
  for (size_t i = 0; i < rule.columns.size(); ++i) {
    const std::string& column = rule.columns[i];
    const ColumnKind kind = KindOf(type, column);
    const std::string mine = Staged(type, "s", column);
    const std::string theirs = absl::StrCat("first.x", i);
    const std::string differs =
        absl::StrCat(StagedTyped(kind, mine), " IS DISTINCT FROM ", StagedTyped(kind, theirs));
    fields.push_back(absl::StrCat("CASE WHEN ", differs, " THEN ", tx.quote(column), " END"));
    parts.push_back(absl::StrCat("CASE WHEN ", differs, " THEN concat(", tx.quote(column + " "),
                                 ", coalesce(", mine, ", '(empty)'), ' differs from ', coalesce(",
                                 theirs, ", '(empty)')) END"));
  }
  check.field = absl::StrCat("coalesce(", absl::StrJoin(fields, ", "), ", '')");
  check.message = absl::StrCat("concat(concat_ws(' and ', ", absl::StrJoin(parts, ", "), "), ",
                               tx.quote(" given by " + c.words + " "), ", first.other_id, ",
                               tx.quote(" of the same " + ReferenceWords(rule.key_column) + " ("),
                               ", ", Source(), ", ')')");
  RunPairCheck(c, check);
}

}  // namespace

void ApplyCrossRecordRules(pqxx::work& tx, const SubmissionSchema& schema,
                           const StagedBatch& batch) {
  PrepareStaging(tx, schema, batch);
  std::vector<TypeContext> present;
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (batch.valid_counts[i] > 0) present.push_back(ContextOf(tx, schema, batch, i));
  }
  for (const TypeContext& c : present) {
    if (c.batch.valid_counts[c.index] > 1) MarkSuperseded(c);
    if (batch.rejected_counts.count(c.type.type) > 0) RejectReplacedByRejected(c);
  }
  // Schema order: a parent type's rows are decided before its children are checked against them.
  for (const TypeContext& c : present) {
    for (const ParentRule& rule : c.type.parents) CheckParent(c, rule);
    for (const WithinParentRule& rule : c.type.within_parents) CheckWithin(c, rule);
    for (const NoOverlapRule& rule : c.type.no_overlaps) CheckOverlap(c, rule);
    for (const AgreeRule& rule : c.type.agreements) CheckAgreement(c, rule);
  }
  for (const TypeContext& c : present) {
    if (c.batch.valid_counts[c.index] > 1) FollowLatest(c);
  }
}

}  // namespace pif::submission::internal
