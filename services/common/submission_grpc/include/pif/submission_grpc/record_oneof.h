// The `oneof record` wrapper messages (pif.intake.v1.Record, pif.workforce.v1.WorkforceRecord):
// which record a wrapper holds, and the record type names behind the wrapper's field numbers
// (which the RecordType enums share: RECORD_TYPE_PLACEMENT = 8 = Record.placement).
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/schema.h"

namespace pif::submission_grpc {

// The record a wrapper holds (the Placement inside a Record), or nullptr when none is set.
const google::protobuf::Message* RecordInWrapper(const google::protobuf::Message& wrapper);

// Sets the wrapper's field whose message is named like `flat.schema->type` from `flat`;
// INVALID_ARGUMENT when the wrapper has no such field or the values do not fit (see FromFlat).
absl::Status SetInWrapper(const submission::FlatRecord& flat, google::protobuf::Message* wrapper);

// The record type (message name) of the wrapper's field `number`; empty when there is none.
std::string RecordTypeOfField(const google::protobuf::Descriptor& wrapper, int number);

// The number of the wrapper's field holding records of `record_type`; 0 when there is none.
int FieldOfRecordType(const google::protobuf::Descriptor& wrapper, const std::string& record_type);

// The schema type name of a record type enum value of `wrapper` (the enums share the wrapper's
// field numbers); INVALID_ARGUMENT (UNKNOWN_RECORD_TYPE) naming `field` for 0 or an unknown
// value, quoting `enum_prefix` ("RECORD_TYPE_") as the values to use.
absl::StatusOr<std::string> TypeNameOf(const google::protobuf::Descriptor& wrapper,
                                       const submission::SubmissionSchema& schema, int record_type,
                                       const std::string& field, const std::string& enum_prefix);

}  // namespace pif::submission_grpc
