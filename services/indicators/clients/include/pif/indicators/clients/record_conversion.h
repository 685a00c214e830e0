// Converts intake's snapshot records (pif.intake.v1.Record) into the engine's record structs.
#pragma once

#include "absl/status/status.h"
#include "pif/engine/records.h"
#include "pif/intake/v1/records.pb.h"

namespace pif::indicators {

// Appends `record` to the matching list of `records`. INVALID_ARGUMENT (naming the record type,
// id and field) when a date is not a calendar date or no record is set; intake only exports
// validated records, so this signals a broken peer.
absl::Status AppendRecord(const intake::v1::Record& record, engine::CaseRecords* records);

}  // namespace pif::indicators
