// The synthetic sample council: case records in realistic proportions for a Scottish council,
// with the workforce that holds its cases and its self-evaluation, all from one seed.
#pragma once

#include <vector>

#include "pif/engine/records.h"
#include "pif/sample/options.h"
#include "pif/sample/workforce_rows.h"

namespace pif::sample {

// Everything a sample council sends: case data, workforce data and its self-evaluation.
struct SampleCouncil {
  engine::CaseRecords records;
  std::vector<StaffRow> staff;
  std::vector<AbsenceRow> absences;
  std::vector<SelfEvaluationRow> self_evaluations;
};

// Generates the whole council; the same options always give the same council.
SampleCouncil GenerateSampleCouncil(const SampleOptions& options);

// Generates the council's case records only (the same ones GenerateSampleCouncil gives).
engine::CaseRecords GenerateCouncil(const SampleOptions& options);

}  // namespace pif::sample
