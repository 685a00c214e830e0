// Sends contract CSV files as one batch over a SubmissionStream: the header, every row as a raw
// record with its file and row, the end; rows the CSV reader cannot read are kept back and
// counted; a file that cannot be read to its end cancels the call so nothing is committed.
#pragma once

#include <grpcpp/support/status.h>

#include <cstdint>
#include <string>
#include <vector>

#include "csv_files.h"
#include "pif/common/v1/submission.pb.h"
#include "pif/csv/csv_reader.h"
#include "progress.h"
#include "submission_stream.h"

namespace pif::ctl {

// A contract file to send and where it is.
struct FileToSend {
  const ContractFile* contract = nullptr;
  std::string path;
};

// What was sent of one file.
struct SentFile {
  std::string file;         // `placements.csv`
  std::string record_type;  // `Placement`
  int64_t rows_sent = 0;
  int64_t unreadable_rows = 0;  // row errors of the CSV reader: counted, not sent
};

// The outcome of one batch.
struct BatchOutcome {
  // The call's status; OK means `summary` holds the service's result. CANCELLED when a file
  // error stopped the import (see file_errors).
  grpc::Status status;
  common::v1::SubmissionSummary summary;
  // Whether the BatchEnd was handed to the stream: an error after that leaves the commit in
  // doubt (resending the same batch id is then safe); an error before it means nothing was
  // committed.
  bool end_sent = false;
  // The files in the order they were read, with their counts.
  std::vector<SentFile> files;
  int64_t records_sent = 0;
  // Problems that stopped reading a file (the import was cancelled). Empty on success.
  std::vector<csv::CsvError> file_errors;
  // The first `max_kept_row_errors` row errors (without their cells), and how many there were.
  std::vector<csv::CsvError> row_errors;
  int64_t row_error_count = 0;
};

// Options of SubmitFiles.
struct SubmitOptions {
  size_t max_kept_row_errors = 1000;
  // Read options of every file.
  csv::CsvReaderOptions reader;
};

// Sends `files` in the given order as one batch described by `header`, and finishes the call.
// When the service answers before the end (a replayed batch id), sending stops and the rest of
// the files is still read, so that unreadable rows are reported alike on every run. `progress`
// may be null.
BatchOutcome SubmitFiles(const common::v1::BatchHeader& header,
                         const std::vector<FileToSend>& files, SubmissionStream& stream,
                         ProgressLine* progress, const SubmitOptions& options = {});

// Checks the header of each file (the first read of its reader) without sending anything;
// returns every file error found (empty when all headers are fine).
std::vector<csv::CsvError> CheckHeaders(const std::vector<FileToSend>& files,
                                        const csv::CsvReaderOptions& options = {});

}  // namespace pif::ctl
