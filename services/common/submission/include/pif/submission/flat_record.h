// A record as text, one optional value per column of its schema: the form in which submitted
// records are validated, staged, stored and kept when rejected.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pif/submission/schema.h"

namespace pif::submission {

// A record of one schema; values[i] belongs to schema->columns[i]; nullopt = not recorded.
struct FlatRecord {
  const RecordSchema* schema = nullptr;
  std::vector<std::optional<std::string>> values;

  // The value of a column by name (nullopt when not recorded or no such column).
  const std::optional<std::string>& Get(const std::string& column) const;
  // Sets a column by name; returns false when the schema has no such column.
  bool Set(const std::string& column, std::optional<std::string> value);
};

// The record's id: its key values joined by '|' (e.g. "R17|HIGH_RISK"); missing parts are empty.
// Unambiguous while at most one key column is free text (the others being codes or dates).
std::string RecordId(const FlatRecord& record);

// The key values a record id of `type` joins, in key order: the inverse of RecordId, splitting
// at the last '|'s so that only the first key column may contain '|'. nullopt when the id has
// fewer parts than the key or an empty one.
std::optional<std::vector<std::string>> KeyValuesOf(const RecordSchema& type,
                                                    const std::string& record_id);

// Builds a record of `schema` from named text cells (a CSV row or a RawRecord). An empty cell is
// not recorded. A name the schema does not have is a violation with rule UNKNOWN_FIELD; a name
// given twice is a violation with rule DUPLICATE_FIELD (the first non-empty value is kept); the
// record is still returned with the other cells so it can be kept verbatim. `violations` may be
// null.
FlatRecord FromNamedCells(const RecordSchema& schema,
                          const std::vector<std::pair<std::string, std::string>>& cells,
                          std::vector<FieldViolation>* violations);

// The record's values as named cells, in column order, leaving out columns not recorded.
std::vector<std::pair<std::string, std::string>> ToNamedCells(const FlatRecord& record);

}  // namespace pif::submission
