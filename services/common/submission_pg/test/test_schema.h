// The schema the submission store's tests run on, with its record tables in
// test/migrations/V001__record_tables.sql: eight record types named after the case records these
// tests were first written with (so their messages read as before), cut to the columns the tests
// set, carrying one of each rule the store runs: parents over two levels, an optional parent,
// order, overlaps within a group, containment in the parent's interval, agreement between rows,
// keys of two columns, free text, date-times and whole numbers.
#pragma once

#include "pif/submission/schema.h"

namespace pif::submission::test {

// Child; CareEpisode and Placement under it; Review and ReviewItem; Incident; StatusSnapshot;
// SurveyResponse. Parents before children.
const SubmissionSchema& StoreTestSchema();

}  // namespace pif::submission::test
