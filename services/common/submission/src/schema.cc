#include "pif/submission/schema.h"

#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace pif::submission {
namespace {

bool IsLowerSnake(const std::string& name) {
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsUpperSnake(const std::string& code) {
  if (code.empty() || !(code[0] >= 'A' && code[0] <= 'Z')) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsTimeKind(ColumnKind kind) {
  return kind == ColumnKind::kDate || kind == ColumnKind::kDateTime ||
         kind == ColumnKind::kYearMonth;
}

absl::Status Broken(const RecordSchema& type, const std::string& what) {
  return absl::FailedPreconditionError(absl::StrCat("schema type ", type.type, ": ", what));
}

// OK when `type` has a column `name`; `role` says what names it.
absl::Status NeedColumn(const RecordSchema& type, const std::string& name, const char* role) {
  if (type.ColumnIndex(name) >= 0) return absl::OkStatus();
  return Broken(type, absl::StrCat(role, " names no column: \"", name, "\""));
}

// OK when `start` and `end` are columns of one date, date-time or month kind.
absl::Status NeedInterval(const RecordSchema& type, const std::string& start,
                          const std::string& end, const char* role) {
  if (absl::Status s = NeedColumn(type, start, role); !s.ok()) return s;
  if (absl::Status s = NeedColumn(type, end, role); !s.ok()) return s;
  const ColumnKind start_kind = type.columns[type.ColumnIndex(start)].kind;
  const ColumnKind end_kind = type.columns[type.ColumnIndex(end)].kind;
  if (!IsTimeKind(start_kind) || start_kind != end_kind) {
    return Broken(type, absl::StrCat(role, " ", start, "/", end,
                                     " are not date, date-time or month columns of one kind"));
  }
  return absl::OkStatus();
}

absl::Status NeedRuleCode(const RecordSchema& type, const std::string& code) {
  if (IsUpperSnake(code)) return absl::OkStatus();
  return Broken(type, absl::StrCat("rule code \"", code, "\" is not in upper snake case"));
}

absl::Status CheckColumns(const RecordSchema& type) {
  if (type.columns.empty()) return Broken(type, "has no columns");
  std::set<std::string> names;
  for (const Column& column : type.columns) {
    if (!IsLowerSnake(column.name)) {
      return Broken(type, absl::StrCat("column \"", column.name, "\" is not in lower snake case"));
    }
    if (!names.insert(column.name).second) {
      return Broken(type, absl::StrCat("column ", column.name, " is listed twice"));
    }
    if (column.max_length <= 0) {
      return Broken(type, absl::StrCat("column ", column.name, " has max_length <= 0"));
    }
    if (column.kind == ColumnKind::kCode) {
      if (column.codes.empty()) return Broken(type, absl::StrCat(column.name, " has no codes"));
      std::set<std::string> codes;
      for (const std::string& code : column.codes) {
        if (code.empty() || !codes.insert(code).second) {
          return Broken(type, absl::StrCat(column.name, " has an empty or repeated code"));
        }
      }
    }
    if ((column.kind == ColumnKind::kInteger || column.kind == ColumnKind::kDecimal) &&
        !(column.min < column.max || (column.min == column.max && !column.min_exclusive))) {
      return Broken(type, absl::StrCat(column.name, " allows no number"));
    }
  }
  if (type.key.empty()) return Broken(type, "has no key");
  for (const std::string& key : type.key) {
    if (absl::Status s = NeedColumn(type, key, "key"); !s.ok()) return s;
    if (!type.columns[type.ColumnIndex(key)].required) {
      return Broken(type, absl::StrCat("key column ", key, " is not required"));
    }
  }
  return absl::OkStatus();
}

// Checks the rules of `type`; `earlier` are the types listed before it.
absl::Status CheckRules(const RecordSchema& type, const SubmissionSchema& schema,
                        const std::set<std::string>& earlier) {
  const auto parent_of = [&](const std::string& parent_type,
                             const char* role) -> absl::StatusOr<const RecordSchema*> {
    if (earlier.count(parent_type) == 0) {
      return Broken(type, absl::StrCat(role, " parent type ", parent_type,
                                       " is not listed before this type"));
    }
    return schema.Find(parent_type);
  };
  for (const OrderRule& rule : type.order_rules) {
    if (absl::Status s = NeedInterval(type, rule.start, rule.end, "order rule"); !s.ok()) return s;
    if (absl::Status s = NeedRuleCode(type, rule.rule_code); !s.ok()) return s;
  }
  for (const ParentRule& rule : type.parents) {
    if (absl::Status s = NeedColumn(type, rule.column, "parent rule"); !s.ok()) return s;
    auto parent = parent_of(rule.parent_type, "parent rule");
    if (!parent.ok()) return parent.status();
    if (absl::Status s = NeedColumn(**parent, rule.parent_column, "parent rule"); !s.ok()) {
      return Broken(type, std::string(s.message()));
    }
    if (absl::Status s = NeedRuleCode(type, rule.rule_code); !s.ok()) return s;
  }
  for (const NoOverlapRule& rule : type.no_overlaps) {
    if (absl::Status s = NeedColumn(type, rule.group_column, "no-overlap rule"); !s.ok()) return s;
    if (absl::Status s = NeedInterval(type, rule.start, rule.end, "no-overlap rule"); !s.ok()) {
      return s;
    }
    if (absl::Status s = NeedRuleCode(type, rule.rule_code); !s.ok()) return s;
  }
  for (const WithinParentRule& rule : type.within_parents) {
    if (absl::Status s = NeedColumn(type, rule.column, "within-parent rule"); !s.ok()) return s;
    if (absl::Status s = NeedInterval(type, rule.start, rule.end, "within-parent rule"); !s.ok()) {
      return s;
    }
    auto parent = parent_of(rule.parent_type, "within-parent rule");
    if (!parent.ok()) return parent.status();
    if (absl::Status s =
            NeedInterval(**parent, rule.parent_start, rule.parent_end, "within-parent rule");
        !s.ok()) {
      return Broken(type, std::string(s.message()));
    }
    if ((*parent)->columns[(*parent)->ColumnIndex(rule.parent_start)].kind !=
        type.columns[type.ColumnIndex(rule.start)].kind) {
      return Broken(type, "within-parent rule compares columns of different kinds");
    }
    if (absl::Status s = NeedRuleCode(type, rule.rule_code); !s.ok()) return s;
  }
  for (const AgreeRule& rule : type.agreements) {
    if (absl::Status s = NeedColumn(type, rule.key_column, "agreement rule"); !s.ok()) return s;
    for (const std::string& column : rule.columns) {
      if (absl::Status s = NeedColumn(type, column, "agreement rule"); !s.ok()) return s;
    }
    if (absl::Status s = NeedRuleCode(type, rule.rule_code); !s.ok()) return s;
  }
  for (const RecordCheck& check : type.checks) {
    if (!check) return Broken(type, "has an empty record check");
  }
  return absl::OkStatus();
}

}  // namespace

int RecordSchema::ColumnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const RecordSchema* SubmissionSchema::Find(const std::string& type) const {
  for (const RecordSchema& candidate : types) {
    if (candidate.type == type) return &candidate;
  }
  return nullptr;
}

const RecordSchema* SubmissionSchema::FindByFile(const std::string& file) const {
  for (const RecordSchema& candidate : types) {
    if (candidate.file == file) return &candidate;
  }
  return nullptr;
}

absl::Status CheckSchema(const SubmissionSchema& schema) {
  if (schema.service.empty()) return absl::FailedPreconditionError("schema has no service name");
  if (schema.types.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("schema of ", schema.service, " has no record types"));
  }
  std::set<std::string> types;
  std::set<std::string> files;
  std::set<std::string> tables;
  for (const RecordSchema& type : schema.types) {
    if (type.type.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat("schema of ", schema.service, " has a record type without a name"));
    }
    if (types.count(type.type) != 0) return Broken(type, "is listed twice");
    if (type.file.empty() || !files.insert(type.file).second) {
      return Broken(type, absl::StrCat("file \"", type.file, "\" is empty or not unique"));
    }
    if (!IsLowerSnake(type.table) || !tables.insert(type.table).second) {
      return Broken(type, absl::StrCat("table \"", type.table,
                                       "\" is not unique or not in lower snake case"));
    }
    if (absl::Status s = CheckColumns(type); !s.ok()) return s;
    if (absl::Status s = CheckRules(type, schema, types); !s.ok()) return s;
    types.insert(type.type);
  }
  return absl::OkStatus();
}

}  // namespace pif::submission
