// Typed record messages <-> flat records, by protobuf reflection, for any record schema whose
// fields are named like the message's fields (the naming rule of case-data.md and docs/api.md).
//
// Field kinds: string (empty = not recorded); pif.common.v1.Date (YYYY-MM-DD), LocalDateTime
// (YYYY-MM-DDTHH:MM:SS) and YearMonth (YYYY-MM), unset = not recorded; an enum is its value's
// name without the enum's prefix (SEX_M = "M"), the zero value ..._UNSPECIFIED = not recorded;
// an integer or double field with presence (proto3 `optional`) is recorded when set.
//
// Numbers without presence (plain proto3 `double fte`, `double fte_days_lost`, `int32 grade`):
// proto3 cannot tell "0" from "not sent", and every such field of the contracts is required, so
// the value is always recorded, 0 included. A typed client that forgets `fte` therefore gets
// OUT_OF_RANGE (fte must be > 0) rather than REQUIRED_FIELD_MISSING, and `fte_days_lost` = 0 is
// the legal "no days lost". Only a raw record (text cells) can leave such a field empty.
#pragma once

#include <vector>

#include "absl/status/status.h"
#include "google/protobuf/message.h"
#include "pif/core/domain_status.h"
#include "pif/submission/flat_record.h"

namespace pif::submission_grpc {

// Converts a typed record (a Placement, not the Record wrapper) to a flat record of `schema`,
// without validating it: a set Date that is not a calendar date (month 13) becomes text such as
// "2023-13-01" that ValidateRecord rejects. A set field the schema has no column for, or of a
// type the codec cannot express, is appended to `violations` as UNKNOWN_FIELD.
submission::FlatRecord ToFlat(const google::protobuf::Message& typed_record,
                              const submission::RecordSchema& schema,
                              std::vector<FieldViolation>* violations);

// Fills `typed` (cleared first) from a flat record; the reverse of ToFlat, also for values that
// ToFlat produced but validation refused (a month 13 comes back as month 13). INVALID_ARGUMENT
// naming the column (never its value) when a value cannot be expressed in the field's type.
absl::Status FromFlat(const submission::FlatRecord& flat, google::protobuf::Message* typed);

}  // namespace pif::submission_grpc
