// The workforce data contract as a submission schema (this file is its statement):
// staff records (staff.csv) and monthly absences (absences.csv), with their rules.
#pragma once

#include "pif/submission/schema.h"

namespace pif::workforce {

// The workforce schema, service "workforce": StaffRecord, then Absence (parents first).
const submission::SubmissionSchema& WorkforceSchema();

}  // namespace pif::workforce
