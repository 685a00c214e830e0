// The benchmarks' data: the synthetic sample council (tools/sample_council), cut to a number of
// records in contract order, written as the contract's CSV files and read back as flat records
// of intake's schema, so that every load path (gRPC, pifctl, COPY) sends the same rows.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "pif/engine/records.h"
#include "pif/submission/flat_record.h"

namespace pif::bench {

// The council every benchmark loads (Aberdeen City's GSS code).
inline constexpr char kCouncil[] = "S12000033";

// The sample council of `children` children generated from `seed`, as case records.
engine::CaseRecords SampleCaseRecords(int64_t children, uint64_t seed);

// The number of case records of all types.
int64_t CountRecords(const engine::CaseRecords& records);

// Keeps only the first `limit` records in contract order (the files in case-data.md's order,
// each in generated order); since parents come first, every kept record's parents are kept.
void KeepFirstRecords(int64_t limit, engine::CaseRecords* records);

// A temporary directory, removed with its files when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Its path.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes the 15 case files of case-data.md (children.csv ... survey_responses.csv, no
// workforce files) into `dir`.
absl::Status WriteCaseCsv(const engine::CaseRecords& records, const std::string& dir);

// Reads the case files of `dir` in contract order as flat records of intake's schema and hands
// each to `on_record` (the record is only valid during the call). INVALID_ARGUMENT naming the
// file and row for a row that cannot be read or has a cell the schema does not know.
absl::Status ReadCaseCsv(const std::string& dir,
                         const std::function<void(const submission::FlatRecord&)>& on_record);

}  // namespace pif::bench
