// The result of an import as pifctl reports it: counts per batch and per file, every rejected
// record (from the service, and the rows that could not even be read), as text or JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "import_driver.h"
#include "pif/common/v1/submission.pb.h"

namespace pif::ctl {

// One problem of one rejected record.
struct FieldProblem {
  std::string field;  // empty: the record as a whole
  std::string rule_code;
  std::string message;
};

// One rejected record.
struct RejectedRecord {
  std::string file;      // empty when the service did not know it
  int64_t row = 0;       // spreadsheet row; 0 when not known
  int64_t position = 0;  // position in the stream; 0 for rows not sent
  std::string record_type;
  std::string record_id;
  std::vector<FieldProblem> problems;
};

// The counts of one file. A count is nullopt when it cannot be known (see file_counts_note).
struct FileResult {
  std::string file;
  std::string record_type;
  std::optional<int64_t> accepted;
  std::optional<int64_t> rejected;  // by the service and unreadable together
  int64_t unreadable_rows = 0;
};

// A file found but not sent, and why.
struct SkippedFile {
  std::string file;
  std::string reason;  // `the workforce import is not available yet`
};

// The service a batch went to.
struct ServiceEndpoint {
  std::string name;                    // `intake`
  std::string address;                 // `127.0.0.1:50051`
  std::string list_rejections_method;  // `pif.intake.v1.IntakeService/ListRejections`
};

// Everything pifctl reports about one import.
struct ImportSummary {
  ServiceEndpoint service;
  std::string council;
  std::string batch_id;
  int64_t data_version = 0;
  std::string committed_at;  // RFC 3339, UTC; empty if not known
  bool replayed = false;
  int64_t accepted = 0;
  int64_t rejected = 0;  // by the service plus unreadable rows
  int64_t unreadable_rows = 0;
  int64_t cleared_rejections = 0;
  std::vector<FileResult> files;
  std::string file_counts_note;  // why per-file counts are missing; empty when they are known
  std::vector<SkippedFile> skipped;
  // At most kMaxListedRejections records, in file order then row.
  std::vector<RejectedRecord> rejections;
  // Rejected records not in `rejections`; of them, those the service keeps (listable there).
  int64_t rejections_not_listed = 0;
  int64_t kept_not_listed = 0;
};

inline constexpr size_t kMaxListedRejections = 1000;

// Builds the summary of a batch that ended OK. `audit` (the service's record of the batch, with
// its counts per record type) gives the per-file counts when given; without it they are worked
// out from the listed rejections, which is exact only when the list is complete and the batch
// is not a replay (otherwise they are left unknown with `audit_error` as the reason).
ImportSummary BuildImportSummary(const ServiceEndpoint& service, const std::string& council,
                                 const BatchOutcome& outcome, const common::v1::Batch* audit,
                                 const std::string& audit_error,
                                 const std::vector<SkippedFile>& skipped);

// The rejection line of the contract: `placements.csv row 17: end_date: MESSAGE [RULE_CODE]`
// (no field part for a problem of the whole record). Control characters are escaped.
std::string RejectionLine(const RejectedRecord& record, const FieldProblem& problem);

// The summary for a person: counts, per-file counts, skipped files, one line per problem.
std::string FormatSummaryText(const ImportSummary& summary);

// The summary as one JSON object (a line): council, batch_id, data_version, accepted, rejected,
// replayed, committed_at, unreadable_rows, cleared_rejections, files, not_imported, rejections
// (one object per problem: file, row, record_type, record_id, field, rule_code, message) and
// rejections_not_listed.
std::string FormatSummaryJson(const ImportSummary& summary);

// `text` with control characters (and DEL) written as \xNN, so a value cannot drive a terminal.
std::string Printable(const std::string& text);

}  // namespace pif::ctl
