// The shape of a submitted record type and the rules it must meet, described as data so that one
// mechanism (validation, staging, cross-record checks, storage) serves intake, workforce and
// reporting alike. Pure C++: no gRPC, no SQL.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/core/domain_status.h"

namespace pif::submission {

// The most characters (Unicode code points) a value may have unless its column says otherwise:
// enough for any id or code.
inline constexpr int kDefaultMaxLength = 200;
// The limit to give free-text columns (ethnic group, locality, evidence) in `max_length`.
inline constexpr int kFreeTextMaxLength = 2000;

struct FlatRecord;

// How a column's text is read and stored.
enum class ColumnKind {
  kText,       // free text (ids, localities, evidence)
  kDate,       // YYYY-MM-DD
  kDateTime,   // YYYY-MM-DDTHH:MM[:SS], Europe/London wall-clock time
  kYearMonth,  // YYYY-MM
  kCode,       // one of a closed list of codes (exact, case-sensitive)
  kInteger,    // a whole number within [min, max] and within 32 bits
  kDecimal,    // a decimal number (digits, an optional '.', no exponent) within its bounds
};

// One field of a record type: its contract name (also the CSV column and proto field name).
struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
  bool required = false;
  // kCode: the closed list of codes, as the contract writes them.
  std::vector<std::string> codes = {};
  // kInteger and kDecimal: the allowed range; `min_exclusive` makes min itself not allowed.
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  // Every kind: the most characters (code points) a value may have.
  int max_length = kDefaultMaxLength;
};

// In one record, `end` must not be before `start` (both optional; checked when both are given).
struct OrderRule {
  std::string start;
  std::string end;
  std::string rule_code;  // e.g. PLACEMENT_END_BEFORE_START
};

// `column` must name a record of `parent_type` whose `parent_column` has that value, accepted in
// the same batch or already stored. An empty value is allowed when the column is optional.
struct ParentRule {
  std::string column;
  std::string parent_type;
  std::string parent_column;
  std::string rule_code;  // e.g. EPISODE_UNKNOWN
};

// Records sharing `group_column` must not overlap on their half-open intervals [start, end);
// of two overlapping records the later arrival (later in the batch, or new against the store)
// is rejected. A record replacing a stored one with the same key is not compared with it.
struct NoOverlapRule {
  std::string group_column;
  std::string start;
  std::string end;
  std::string rule_code;  // e.g. PLACEMENT_OVERLAP
};

// [start, end) must lie within the interval of the parent named by `column`: start no earlier
// than the parent's start, end no later than the parent's end, and no open end inside a parent
// that has ended.
struct WithinParentRule {
  std::string column;
  std::string parent_type;
  std::string start;
  std::string end;
  std::string parent_start;
  std::string parent_end;
  std::string rule_code;  // e.g. PLACEMENT_OUTSIDE_EPISODE
};

// Rows sharing `key_column` must agree on every one of `columns` (in the batch and with the store).
struct AgreeRule {
  std::string key_column;
  std::vector<std::string> columns;
  std::string rule_code;  // e.g. SURVEY_RESPONSE_INCONSISTENT
};

// A rule on one record beyond the generic ones; appends violations (e.g. an end time on an
// incident that is not MISSING).
using RecordCheck = std::function<void(const FlatRecord&, std::vector<FieldViolation>&)>;

// One record type of a contract. (Members have default initializers so that aggregate
// initialization may stop after the key without -Wmissing-field-initializers.)
struct RecordSchema {
  // The record type as the contract and the proto message name write it ("Placement").
  std::string type;
  // Its CSV file ("placements.csv").
  std::string file;
  // Its table in the service's store ("placements").
  std::string table;
  // Every field, in contract order.
  std::vector<Column> columns = {};
  // The columns that identify a record; a record sent again with the same key replaces it.
  std::vector<std::string> key = {};
  std::vector<OrderRule> order_rules = {};
  std::vector<ParentRule> parents = {};
  std::vector<NoOverlapRule> no_overlaps = {};
  std::vector<WithinParentRule> within_parents = {};
  std::vector<AgreeRule> agreements = {};
  std::vector<RecordCheck> checks = {};

  // Position of a column by name, or -1.
  int ColumnIndex(const std::string& name) const;
};

// Every record type a service accepts, parents before children.
struct SubmissionSchema {
  // The service name ("intake"), used in messages.
  std::string service;
  std::vector<RecordSchema> types;

  // The record type with this name, or nullptr.
  const RecordSchema* Find(const std::string& type) const;
  // The record type whose CSV file is `file` (a base name such as "placements.csv"), or nullptr.
  const RecordSchema* FindByFile(const std::string& file) const;
};

// FAILED_PRECONDITION naming the first inconsistency of a schema (a programming error, checked in
// tests and at start-up): unique type, file, table and column names in lower snake case; keys of
// required columns; code lists that are not empty; number bounds with min <= max; rules naming
// columns that exist, date rules on date, date-time or month columns of one kind; parent types
// listed before their children; rule codes in upper snake case.
absl::Status CheckSchema(const SubmissionSchema& schema);

}  // namespace pif::submission
