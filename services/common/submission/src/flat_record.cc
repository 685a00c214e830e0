#include "pif/submission/flat_record.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/submission/validate.h"
#include "text.h"

namespace pif::submission {
namespace {

const std::optional<std::string>& NotRecorded() {
  static const std::optional<std::string>* const kNone = new std::optional<std::string>();
  return *kNone;
}

// The column names of `schema`, for a message.
std::string ColumnList(const RecordSchema& schema) {
  return absl::StrJoin(schema.columns, ", ",
                       [](std::string* out, const Column& column) { out->append(column.name); });
}

}  // namespace

const std::optional<std::string>& FlatRecord::Get(const std::string& column) const {
  if (schema == nullptr) return NotRecorded();
  const int index = schema->ColumnIndex(column);
  if (index < 0 || static_cast<std::size_t>(index) >= values.size()) return NotRecorded();
  return values[static_cast<std::size_t>(index)];
}

bool FlatRecord::Set(const std::string& column, std::optional<std::string> value) {
  if (schema == nullptr) return false;
  const int index = schema->ColumnIndex(column);
  if (index < 0) return false;
  values.resize(schema->columns.size());
  values[static_cast<std::size_t>(index)] = std::move(value);
  return true;
}

std::string RecordId(const FlatRecord& record) {
  if (record.schema == nullptr) return "";
  return absl::StrJoin(record.schema->key, "|", [&](std::string* out, const std::string& column) {
    const std::optional<std::string>& value = record.Get(column);
    if (value.has_value()) out->append(*value);
  });
}

std::optional<std::vector<std::string>> KeyValuesOf(const RecordSchema& type,
                                                    const std::string& record_id) {
  std::vector<std::string> parts;
  std::string rest = record_id;
  for (size_t i = 1; i < type.key.size(); ++i) {
    const size_t bar = rest.rfind('|');
    if (bar == std::string::npos) return std::nullopt;
    parts.insert(parts.begin(), rest.substr(bar + 1));
    rest.resize(bar);
  }
  parts.insert(parts.begin(), rest);
  for (const std::string& part : parts) {
    if (part.empty()) return std::nullopt;
  }
  return parts;
}

FlatRecord FromNamedCells(const RecordSchema& schema,
                          const std::vector<std::pair<std::string, std::string>>& cells,
                          std::vector<FieldViolation>* violations) {
  FlatRecord record;
  record.schema = &schema;
  record.values.resize(schema.columns.size());
  std::vector<int> occurrences(schema.columns.size(), 0);
  const auto report = [&](FieldViolation violation) {
    if (violations != nullptr) violations->push_back(std::move(violation));
  };
  for (const auto& [name, text] : cells) {
    const int index = schema.ColumnIndex(name);
    if (index < 0) {
      report({internal::SafeFieldName(name), kUnknownField,
              absl::StrCat(internal::Quote(name), " is not a field of ", schema.type,
                           " (its fields: ", ColumnList(schema), ")")});
      continue;
    }
    const auto i = static_cast<std::size_t>(index);
    if (++occurrences[i] == 2) {
      report({name, kDuplicateField, absl::StrCat(name, " is given more than once")});
    }
    if (!text.empty() && !record.values[i].has_value()) record.values[i] = text;
  }
  return record;
}

std::vector<std::pair<std::string, std::string>> ToNamedCells(const FlatRecord& record) {
  std::vector<std::pair<std::string, std::string>> cells;
  if (record.schema == nullptr) return cells;
  for (std::size_t i = 0; i < record.values.size() && i < record.schema->columns.size(); ++i) {
    if (record.values[i].has_value()) {
      cells.emplace_back(record.schema->columns[i].name, *record.values[i]);
    }
  }
  return cells;
}

}  // namespace pif::submission
