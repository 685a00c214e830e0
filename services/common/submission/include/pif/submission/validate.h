// Checks one record on its own (no other record needed): required fields, closed code lists,
// date, time, month and number formats and ranges, an end before its start, and the schema's
// extra record checks. Cross-record rules (parents, overlaps, containment) run at commit.
#pragma once

#include <vector>

#include "pif/core/domain_status.h"
#include "pif/submission/flat_record.h"

namespace pif::submission {

// Stable rule codes of the per-record checks (the schema names the record-specific ones).
inline constexpr char kRequiredFieldMissing[] = "REQUIRED_FIELD_MISSING";
inline constexpr char kUnknownCode[] = "UNKNOWN_CODE";
inline constexpr char kMalformedDate[] = "MALFORMED_DATE";
inline constexpr char kMalformedDateTime[] = "MALFORMED_DATETIME";
inline constexpr char kMalformedMonth[] = "MALFORMED_MONTH";
inline constexpr char kMalformedNumber[] = "MALFORMED_NUMBER";
inline constexpr char kOutOfRange[] = "OUT_OF_RANGE";
inline constexpr char kUnknownField[] = "UNKNOWN_FIELD";
inline constexpr char kUnknownRecordType[] = "UNKNOWN_RECORD_TYPE";
inline constexpr char kTooLong[] = "VALUE_TOO_LONG";
inline constexpr char kMalformedText[] = "MALFORMED_TEXT";
inline constexpr char kDuplicateField[] = "DUPLICATE_FIELD";

// Validates `record` and rewrites its valid values into canonical form (dates YYYY-MM-DD,
// date-times YYYY-MM-DDTHH:MM:SS, numbers without leading or trailing zeros: "007" is "7",
// "0.50" is "0.5", "-0" is "0"); an empty string becomes "not recorded"; a value that breaks a
// rule is left as received. Returns every violation found (at most one per field from the field
// checks, then the order rules and the schema's checks), each naming the field, rule code and a
// plain message quoting the offending value; empty when the record is valid.
//
// Per value, in order: UTF-8 without NUL (MALFORMED_TEXT), at most `max_length` characters
// (VALUE_TOO_LONG), then the column kind's form (MALFORMED_DATE, MALFORMED_DATETIME,
// MALFORMED_MONTH, MALFORMED_NUMBER, UNKNOWN_CODE) and range (OUT_OF_RANGE). Spaces are data:
// free text keeps them, and a code, date or number with a space around it is rejected.
std::vector<FieldViolation> ValidateRecord(FlatRecord& record);

}  // namespace pif::submission
