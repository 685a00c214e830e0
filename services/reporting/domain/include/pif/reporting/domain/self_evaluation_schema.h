// The self-evaluation contract (case-data.md, "Self-evaluation"; self_evaluations.csv) as a
// submission schema, so the shared submission mechanism validates, stages and stores it exactly
// as it does intake's case records.
#pragma once

#include "pif/submission/schema.h"

namespace pif::reporting {

// The record type name, as the proto message and RawRecord.record_type write it.
inline constexpr char kSelfEvaluationType[] = "SelfEvaluation";
// The most characters the evidence of one evaluation may have.
inline constexpr int kEvidenceMaxLength = 20000;

// The reporting schema: one record type, SelfEvaluation, stored in table self_evaluations.
const submission::SubmissionSchema& SelfEvaluationSchema();

}  // namespace pif::reporting
