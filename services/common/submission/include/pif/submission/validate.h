// Checks one record on its own (no other record needed): required fields, closed code lists,
// date, time, month and number formats and ranges, an end before its start, and the schema's
// extra record checks. Cross-record rules (parents, overlaps, containment) run at commit.
#pragma once

#include <vector>

#include "pif/common/domain_status.h"
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

// Validates `record` and rewrites its values into canonical form (dates YYYY-MM-DD, date-times
// YYYY-MM-DDTHH:MM:SS, numbers without leading zeros or '+'). Returns every violation found,
// each naming the field, rule code and a plain message quoting the offending value; empty when
// the record is valid.
std::vector<FieldViolation> ValidateRecord(FlatRecord& record);

}  // namespace pif::submission
