// The baseline of the ingest benchmark: the same rows loaded into intake's own tables with
// PostgreSQL's COPY (libpq PQputCopyData, text format), every column the tables have, council
// included, in one transaction, with their constraints, foreign keys and triggers in force.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace pif::bench {

// COPY text of one table: its name, columns and rows, ready to send.
struct CopyTable {
  std::string table;
  std::vector<std::string> columns;
  std::string text;
  int64_t rows = 0;
};

// The COPY text of every case table, built before timing so that the timed load is
// PostgreSQL's work alone.
struct CopyData {
  std::vector<CopyTable> tables;  // parents before children
  int64_t rows = 0;
  int64_t bytes = 0;
};

// Reads the case files of `dir` (see ReadCaseCsv) as COPY rows of intake's tables for `council`.
absl::StatusOr<CopyData> BuildCopyData(const std::string& dir, const std::string& council);

// What one COPY load cost.
struct CopyLoadResult {
  double wall_seconds = 0;  // BEGIN to the end of COMMIT (deferred foreign keys checked there)
  double backend_cpu_seconds = 0;  // CPU of the PostgreSQL backend that did it
};

// Loads `data` into the (migrated, empty) intake database at `conninfo` in one transaction.
absl::StatusOr<CopyLoadResult> CopyLoad(const std::string& conninfo, const CopyData& data);

}  // namespace pif::bench
