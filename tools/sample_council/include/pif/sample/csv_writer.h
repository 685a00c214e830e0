// Writes a council's records as the CSV files of case-data.md, one file per record type.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "pif/engine/records.h"
#include "pif/sample/council.h"
#include "pif/sample/workforce_rows.h"

namespace pif::sample {

// Writes children.csv ... survey_responses.csv, staff.csv, absences.csv and self_evaluations.csv
// into `dir` (created when missing; files there are replaced): the contract's column names as
// header, RFC 4180 quoting, dates YYYY-MM-DD, datetimes YYYY-MM-DDTHH:MM:SS, empty = not recorded.
absl::Status WriteCouncilCsv(const engine::CaseRecords& records, const std::vector<StaffRow>& staff,
                             const std::vector<AbsenceRow>& absences,
                             const std::vector<SelfEvaluationRow>& self_evaluations,
                             const std::string& dir);

// The same for a generated council.
absl::Status WriteCouncilCsv(const SampleCouncil& council, const std::string& dir);

// Records per file ("children.csv", 5000), in the order case-data.md lists the files.
std::vector<std::pair<std::string, int64_t>> RecordCounts(const SampleCouncil& council);

}  // namespace pif::sample
