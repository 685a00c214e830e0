// The case data contract as a submission schema (this file is its statement): the 15 record
// types intake accepts, their fields and code lists, and the rules they must meet.
#pragma once

#include "pif/submission/schema.h"

namespace pif::intake {

// The intake schema, parents before children (the order snapshots are exported in).
const submission::SubmissionSchema& CaseSchema();

}  // namespace pif::intake
