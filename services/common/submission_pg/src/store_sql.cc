#include "store_sql.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace pif::submission::internal {

namespace {

absl::Status Problem(const RecordSchema& type, const std::string& what) {
  return absl::InternalError(
      absl::StrCat("submission schema: record type ", type.type, ": ", what));
}

absl::Status CheckColumn(const RecordSchema& type, const std::string& column) {
  if (ColumnPosition(type, column) < 0) return Problem(type, absl::StrCat("no column ", column));
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckSchema(const SubmissionSchema& schema) {
  if (schema.types.empty()) return absl::InternalError("submission schema: no record types");
  for (size_t index = 0; index < schema.types.size(); ++index) {
    const RecordSchema& type = schema.types[index];
    if (type.columns.empty() || type.columns.size() > static_cast<size_t>(kMaxColumns)) {
      return Problem(type, absl::StrCat("needs 1 to ", kMaxColumns, " columns"));
    }
    if (type.key.empty()) return Problem(type, "no key");
    std::vector<std::string> named = type.key;
    const auto earlier_type = [&](const std::string& name) -> const RecordSchema* {
      const int parent = TypeIndex(schema, name);
      return parent >= 0 && static_cast<size_t>(parent) < index ? &schema.types[parent] : nullptr;
    };
    for (const ParentRule& rule : type.parents) {
      const RecordSchema* parent = earlier_type(rule.parent_type);
      if (parent == nullptr) return Problem(type, rule.parent_type + " is not an earlier type");
      if (absl::Status s = CheckColumn(*parent, rule.parent_column); !s.ok()) return s;
      named.push_back(rule.column);
    }
    for (const WithinParentRule& rule : type.within_parents) {
      const RecordSchema* parent = earlier_type(rule.parent_type);
      if (parent == nullptr) return Problem(type, rule.parent_type + " is not an earlier type");
      for (const std::string& column : {rule.parent_start, rule.parent_end}) {
        if (absl::Status s = CheckColumn(*parent, column); !s.ok()) return s;
      }
      named.insert(named.end(), {rule.column, rule.start, rule.end});
    }
    for (const NoOverlapRule& rule : type.no_overlaps) {
      named.insert(named.end(), {rule.group_column, rule.start, rule.end});
    }
    for (const AgreeRule& rule : type.agreements) {
      named.push_back(rule.key_column);
      named.insert(named.end(), rule.columns.begin(), rule.columns.end());
    }
    for (const std::string& column : named) {
      if (absl::Status s = CheckColumn(type, column); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

std::string StagePartition(int type_index) { return absl::StrCat("pif_stage_", type_index); }

std::string ValueColumn(int column_index) { return absl::StrCat("v", column_index); }

int ColumnPosition(const RecordSchema& type, const std::string& name) {
  for (size_t i = 0; i < type.columns.size(); ++i) {
    if (type.columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

ColumnKind KindOf(const RecordSchema& type, const std::string& name) {
  const int position = ColumnPosition(type, name);
  return position < 0 ? ColumnKind::kText : type.columns[position].kind;
}

int TypeIndex(const SubmissionSchema& schema, const std::string& type) {
  for (size_t i = 0; i < schema.types.size(); ++i) {
    if (schema.types[i].type == type) return static_cast<int>(i);
  }
  return -1;
}

std::string StagedTyped(ColumnKind kind, const std::string& expr) {
  switch (kind) {
    case ColumnKind::kDate:
      return absl::StrCat("(", expr, ")::date");
    case ColumnKind::kInteger:
      return absl::StrCat("(", expr, ")::bigint");
    case ColumnKind::kDecimal:
      return absl::StrCat("(", expr, ")::numeric");
    case ColumnKind::kText:
    case ColumnKind::kCode:
    case ColumnKind::kDateTime:   // canonical text sorts in time order
    case ColumnKind::kYearMonth:  // likewise
      return expr;
  }
  return expr;
}

std::string StoredText(ColumnKind kind, const std::string& expr) {
  switch (kind) {
    case ColumnKind::kDate:
      return absl::StrCat("to_char(", expr, ", 'YYYY-MM-DD')");
    case ColumnKind::kInteger:
    case ColumnKind::kDecimal:
      return absl::StrCat("(", expr, ")::text");
    case ColumnKind::kText:
    case ColumnKind::kCode:
    case ColumnKind::kDateTime:
    case ColumnKind::kYearMonth:
      return expr;
  }
  return expr;
}

std::string StagedToStored(ColumnKind kind, const std::string& expr) {
  switch (kind) {
    case ColumnKind::kDate:
      return absl::StrCat("(", expr, ")::date");
    case ColumnKind::kInteger:
      return absl::StrCat("(", expr, ")::bigint");
    case ColumnKind::kDecimal:
      return absl::StrCat("(", expr, ")::numeric");
    case ColumnKind::kText:
    case ColumnKind::kCode:
    case ColumnKind::kDateTime:
    case ColumnKind::kYearMonth:
      return expr;
  }
  return expr;
}

std::string Staged(const RecordSchema& type, const std::string& alias, const std::string& column) {
  return absl::StrCat(alias, ".", ValueColumn(ColumnPosition(type, column)));
}

std::string Stored(pqxx::transaction_base& tx, const std::string& alias,
                   const std::string& column) {
  return absl::StrCat(alias, ".", tx.quote_name(column));
}

std::string StoredRecordId(pqxx::transaction_base& tx, const RecordSchema& type,
                           const std::string& alias) {
  std::vector<std::string> parts;
  for (const std::string& key : type.key) {
    parts.push_back(StoredText(KindOf(type, key), Stored(tx, alias, key)));
  }
  return absl::StrCat("(", absl::StrJoin(parts, " || '|' || "), ")");
}

std::string KeyMatches(pqxx::transaction_base& tx, const RecordSchema& type,
                       const std::string& stored_alias, const std::string& staged_alias) {
  std::vector<std::string> conditions;
  for (const std::string& key : type.key) {
    conditions.push_back(
        absl::StrCat(Stored(tx, stored_alias, key), " = ",
                     StagedTyped(KindOf(type, key), Staged(type, staged_alias, key))));
  }
  return absl::StrJoin(conditions, " AND ");
}

std::string TypeWords(const std::string& type) {
  std::string words;
  for (size_t i = 0; i < type.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(type[i]);
    if (std::isupper(c) && i > 0) words += ' ';
    words += static_cast<char>(std::tolower(c));
  }
  return words;
}

std::string ReferenceWords(const std::string& column) {
  std::string words = column;
  if (words.size() > 3 && words.compare(words.size() - 3, 3, "_id") == 0) {
    words.resize(words.size() - 3);
  }
  for (char& c : words) {
    if (c == '_') c = ' ';
  }
  return words;
}

std::string AppendError(pqxx::transaction_base& tx, const std::string& field_sql,
                        const std::string& rule_code, const std::string& message_sql) {
  return absl::StrCat(
      "coalesce(s.pif_errors, '[]'::jsonb) || jsonb_build_array(jsonb_build_object("
      "'field', (",
      field_sql, ")::text, 'rule_code', ", tx.quote(rule_code), "::text, 'message', ", message_sql,
      "))");
}

std::string IntervalText(const std::string& start_text, const std::string& end_text) {
  return absl::StrCat("concat(", start_text, ", CASE WHEN ", end_text,
                      " IS NULL THEN ' onwards' ELSE concat(' to ', ", end_text, ") END)");
}

std::string RedactedCellsSql(const std::string& cells) {
  return absl::StrCat(
      "(SELECT coalesce(jsonb_agg(jsonb_build_array(pif_c -> 0, '[redacted]') ORDER BY pif_o),"
      " '[]'::jsonb) FROM jsonb_array_elements(",
      cells, ") WITH ORDINALITY AS pif_x(pif_c, pif_o))");
}

std::string RedactedErrorsSql(const std::string& errors) {
  return absl::StrCat(
      "(SELECT coalesce(jsonb_agg(jsonb_set(pif_e, '{message}', '\"[redacted]\"')"
      " ORDER BY pif_eo), '[]'::jsonb) FROM jsonb_array_elements(",
      errors, ") WITH ORDINALITY AS pif_y(pif_e, pif_eo))");
}

std::string RedactedSummarySql(const std::string& summary, const std::string& ids,
                               bool with_record_id) {
  const std::string listed =
      with_record_id ? "jsonb_set(pif_r, '{record_id}', '\"[redacted]\"')" : "pif_r";
  return absl::StrCat(
      "CASE WHEN jsonb_typeof(", summary, " -> 'rejections') = 'array' THEN jsonb_set(", summary,
      ", '{rejections}', (SELECT coalesce(jsonb_agg(CASE WHEN pif_r ->> 'rejection_id' = ANY (",
      ids, ") THEN jsonb_set(", listed, ", '{errors}', ", RedactedErrorsSql("pif_r -> 'errors'"),
      ") ELSE pif_r END ORDER BY pif_o), '[]'::jsonb) FROM jsonb_array_elements(", summary,
      " -> 'rejections') WITH ORDINALITY AS pif_x(pif_r, pif_o))) ELSE ", summary, " END");
}

}  // namespace pif::submission::internal
