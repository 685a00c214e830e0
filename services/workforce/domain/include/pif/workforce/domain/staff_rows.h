// Stored workforce records (flat records of the workforce schema, as SubmissionStore::ReadSnapshot
// hands them out) as the typed rows the figures are computed from.
#pragma once

#include <vector>

#include "absl/status/status.h"
#include "pif/submission/flat_record.h"
#include "pif/workforce/domain/staff.h"

namespace pif::workforce {

// The staff rows and absences of one council.
struct StaffRecords {
  std::vector<StaffRow> staff;
  std::vector<AbsenceRow> absences;
};

// Appends `record` (a StaffRecord or an Absence of WorkforceSchema(), values in the canonical
// text validation produces) to `records`. INTERNAL naming the record type and column (never the
// value) when a stored value cannot be read: stored records passed validation, so that is a fault.
absl::Status AppendStoredRecord(const submission::FlatRecord& record, StaffRecords* records);

}  // namespace pif::workforce
