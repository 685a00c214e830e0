#include "pif/submission/validate.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "number.h"
#include "pif/dates/date.h"
#include "pif/dates/local_datetime.h"
#include "pif/dates/year_month.h"
#include "text.h"

namespace pif::submission {
namespace {

using internal::Quote;

// At most this many characters of a code list are written into a message.
constexpr std::size_t kMaxCodeListChars = 160;

std::string_view StdView(const std::string& s) { return std::string_view(s.data(), s.size()); }

// The reason of a pif::dates parse error: its message without the value echoed in front, so
// that the value can be quoted our way ("\"2023-02-30\" is not a calendar date" -> "is not a
// calendar date").
std::string ParseReason(const absl::Status& status, const std::string& value) {
  absl::string_view message = status.message();
  if (absl::StartsWith(message, value + " ")) {
    message.remove_prefix(value.size() + 1);
  } else if (absl::StartsWith(message, "\"")) {
    std::size_t i = 1;
    while (i < message.size() && message[i] != '"') i += message[i] == '\\' ? 2 : 1;
    if (i + 1 < message.size() && message[i + 1] == ' ') message.remove_prefix(i + 2);
  }
  return std::string(message);
}

FieldViolation Violation(const Column& column, const char* code, std::string message) {
  return FieldViolation{column.name, code, std::move(message)};
}

// The closed list of a code column for a message, cut when long.
std::string CodeList(const Column& column) {
  std::string out;
  for (std::size_t i = 0; i < column.codes.size(); ++i) {
    if (i > 0 && out.size() + column.codes[i].size() > kMaxCodeListChars) {
      absl::StrAppend(&out, ", ... (", column.codes.size(), " codes)");
      break;
    }
    absl::StrAppend(&out, i > 0 ? ", " : "", column.codes[i]);
  }
  return out;
}

bool IsCode(const Column& column, absl::string_view value) {
  for (const std::string& code : column.codes) {
    if (code == value) return true;
  }
  return false;
}

// A hint for a value that is a code but for spaces around it or its letter case.
std::string CodeHint(const Column& column, const std::string& value) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(value);
  if (trimmed.size() != value.size() && IsCode(column, trimmed)) {
    return " (a code has no spaces around it)";
  }
  for (const std::string& code : column.codes) {
    if (absl::EqualsIgnoreCase(code, trimmed)) {
      return absl::StrCat(" (codes are case-sensitive: ", code, ")");
    }
  }
  return "";
}

// What a number column allows, for a message ("from 0 to 12", "more than 0 and at most 1").
std::string RangeText(double min, double max, bool min_exclusive) {
  const bool has_min = min != -std::numeric_limits<double>::infinity();
  const bool has_max = max != std::numeric_limits<double>::infinity();
  const std::string lo = internal::BoundText(min);
  const std::string hi = internal::BoundText(max);
  if (has_min && has_max) {
    return min_exclusive ? absl::StrCat("more than ", lo, " and at most ", hi)
                         : absl::StrCat("from ", lo, " to ", hi);
  }
  if (has_min) return absl::StrCat(min_exclusive ? "more than " : "at least ", lo);
  if (has_max) return absl::StrCat("at most ", hi);
  return "a number";
}

// Checks a number against its column; rewrites it to canonical text when it is valid.
std::optional<FieldViolation> CheckNumber(const Column& column, std::string& value) {
  const bool integer = column.kind == ColumnKind::kInteger;
  const std::optional<internal::Decimal> number = internal::ParseDecimal(value, !integer);
  if (!number) {
    return Violation(column, kMalformedNumber,
                     absl::StrCat(column.name, " ", Quote(value),
                                  integer ? " is not a whole number (digits, optionally after '-')"
                                          : " is not a decimal number (digits with at most one "
                                            "'.', optionally after '-'; no exponent)"));
  }
  double min = column.min;
  double max = column.max;
  if (integer) {  // whole numbers are 32-bit in every store and message
    min = std::max(min, double{std::numeric_limits<std::int32_t>::min()});
    max = std::min(max, double{std::numeric_limits<std::int32_t>::max()});
  }
  const bool below_min =
      min != -std::numeric_limits<double>::infinity() &&
      internal::Compare(*number, internal::DecimalOf(min)) < (column.min_exclusive ? 1 : 0);
  const bool above_max = max != std::numeric_limits<double>::infinity() &&
                         internal::Compare(*number, internal::DecimalOf(max)) > 0;
  if (below_min || above_max) {
    return Violation(column, kOutOfRange,
                     absl::StrCat(column.name, " ", Quote(value), " is out of range: must be ",
                                  RangeText(min, max, column.min_exclusive)));
  }
  value = number->ToString();
  return std::nullopt;
}

// Checks a recorded value against its column; rewrites it to canonical text when it is valid.
std::optional<FieldViolation> CheckValue(const Column& column, std::string& value) {
  switch (internal::CheckText(value)) {
    case internal::TextProblem::kNul:
      return Violation(column, kMalformedText,
                       absl::StrCat(column.name, " ", Quote(value), " contains a NUL character"));
    case internal::TextProblem::kInvalidUtf8:
      return Violation(column, kMalformedText,
                       absl::StrCat(column.name, " ", Quote(value), " is not UTF-8 text"));
    case internal::TextProblem::kNone:
      break;
  }
  const std::size_t length = internal::CountCharacters(value);
  if (length > static_cast<std::size_t>(column.max_length)) {
    return Violation(column, kTooLong,
                     absl::StrCat(column.name, " ", Quote(value), " is ", length,
                                  " characters long; at most ", column.max_length, " are allowed"));
  }
  switch (column.kind) {
    case ColumnKind::kText:
      return std::nullopt;
    case ColumnKind::kDate: {
      const auto date = dates::ParseDate(StdView(value));
      if (!date.ok()) {
        return Violation(
            column, kMalformedDate,
            absl::StrCat(column.name, " ", Quote(value), " ", ParseReason(date.status(), value)));
      }
      value = date->ToString();
      return std::nullopt;
    }
    case ColumnKind::kDateTime: {
      const auto time = dates::ParseLocalDateTime(StdView(value));
      if (!time.ok()) {
        return Violation(
            column, kMalformedDateTime,
            absl::StrCat(column.name, " ", Quote(value), " ", ParseReason(time.status(), value)));
      }
      value = time->ToString();
      return std::nullopt;
    }
    case ColumnKind::kYearMonth: {
      const auto month = dates::ParseYearMonth(StdView(value));
      if (!month.ok()) {
        return Violation(
            column, kMalformedMonth,
            absl::StrCat(column.name, " ", Quote(value), " ", ParseReason(month.status(), value)));
      }
      value = month->ToString();
      return std::nullopt;
    }
    case ColumnKind::kCode:
      if (IsCode(column, value)) return std::nullopt;
      return Violation(column, kUnknownCode,
                       absl::StrCat(column.name, " ", Quote(value), " is not one of ",
                                    CodeList(column), CodeHint(column, value)));
    case ColumnKind::kInteger:
    case ColumnKind::kDecimal:
      return CheckNumber(column, value);
  }
  return std::nullopt;
}

bool IsTimeKind(ColumnKind kind) {
  return kind == ColumnKind::kDate || kind == ColumnKind::kDateTime ||
         kind == ColumnKind::kYearMonth;
}

// Applies the order rules to the columns found valid (canonical date, date-time and month texts
// compare as their times do).
void CheckOrder(const FlatRecord& record, const std::vector<bool>& valid,
                std::vector<FieldViolation>& violations) {
  const RecordSchema& schema = *record.schema;
  for (const OrderRule& rule : schema.order_rules) {
    const int start = schema.ColumnIndex(rule.start);
    const int end = schema.ColumnIndex(rule.end);
    if (start < 0 || end < 0) continue;
    const auto s = static_cast<std::size_t>(start);
    const auto e = static_cast<std::size_t>(end);
    if (!valid[s] || !valid[e]) continue;
    if (!IsTimeKind(schema.columns[s].kind) || schema.columns[s].kind != schema.columns[e].kind) {
      continue;
    }
    const std::string& start_value = *record.values[s];
    const std::string& end_value = *record.values[e];
    if (end_value < start_value) {
      violations.push_back(
          {rule.end, rule.rule_code,
           absl::StrCat(rule.end, " ", end_value, " is before ", rule.start, " ", start_value)});
    }
  }
}

}  // namespace

std::vector<FieldViolation> ValidateRecord(FlatRecord& record) {
  std::vector<FieldViolation> violations;
  if (record.schema == nullptr) {
    violations.push_back({"", kUnknownRecordType, "the record has no record type"});
    return violations;
  }
  const RecordSchema& schema = *record.schema;
  record.values.resize(schema.columns.size());
  std::vector<bool> valid(schema.columns.size(), false);
  for (std::size_t i = 0; i < schema.columns.size(); ++i) {
    const Column& column = schema.columns[i];
    std::optional<std::string>& value = record.values[i];
    if (value.has_value() && value->empty()) value.reset();
    if (!value.has_value()) {
      if (column.required) {
        violations.push_back(
            Violation(column, kRequiredFieldMissing,
                      absl::StrCat(column.name, " is required and was not given")));
      }
      continue;
    }
    std::optional<FieldViolation> violation = CheckValue(column, *value);
    if (violation) {
      violations.push_back(std::move(*violation));
    } else {
      valid[i] = true;
    }
  }
  CheckOrder(record, valid, violations);
  const std::size_t before_checks = violations.size();
  for (const RecordCheck& check : schema.checks) {
    if (check) check(record, violations);
  }
  // A check may echo a raw value; messages must stay UTF-8 (they travel in proto3 strings).
  for (std::size_t i = before_checks; i < violations.size(); ++i) {
    violations[i].field = internal::MakeUtf8(std::move(violations[i].field));
    violations[i].message = internal::MakeUtf8(std::move(violations[i].message));
  }
  return violations;
}

}  // namespace pif::submission
