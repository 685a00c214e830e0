#include "import_driver.h"

#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#include "absl/time/clock.h"

namespace pif::ctl {
namespace {

// Reads the remaining file errors of a reader that reported one (no rows follow a file error).
void CollectFileErrors(csv::CsvReader& reader, csv::CsvError first,
                       std::vector<csv::CsvError>* errors) {
  errors->push_back(std::move(first));
  csv::Row row;
  csv::CsvError error;
  for (;;) {
    const csv::CsvReader::Result result = reader.Next(&row, &error);
    if (result == csv::CsvReader::Result::kEnd) return;
    if (result == csv::CsvReader::Result::kFileError) errors->push_back(error);
  }
}

int64_t SizeOf(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<int64_t>(size);
}

// One batch: sends the files while the service reads, keeps the counts in the outcome.
class BatchSender {
 public:
  BatchSender(SubmissionStream& stream, ProgressLine* progress, const SubmitOptions& options)
      : stream_(stream), progress_(progress), options_(options) {}

  BatchOutcome Run(const common::v1::BatchHeader& header, const std::vector<FileToSend>& files) {
    for (const FileToSend& file : files) bytes_total_ += SizeOf(file.path);
    if (!stream_.WriteHeader(header)) FinishEarly();
    for (const FileToSend& file : files) {
      if (stopped_) break;
      ReadFile(file);
    }
    if (progress_ != nullptr) progress_->Finish(Snapshot(0));
    if (!finished_) {
      if (outcome_.file_errors.empty()) {
        outcome_.end_sent = true;  // from here on a failure leaves the commit in doubt
        stream_.WriteEnd(outcome_.records_sent);
      }
      outcome_.status = stream_.Finish(&outcome_.summary);
      if (!outcome_.file_errors.empty() && outcome_.status.ok()) {
        // Cannot happen (no BatchEnd went out), but never report a cancelled batch as a result.
        outcome_.status = grpc::Status(grpc::StatusCode::CANCELLED, "cancelled after a file error");
      }
    }
    return std::move(outcome_);
  }

 private:
  void ReadFile(const FileToSend& file) {
    const std::string record_type = RecordTypeOf(*file.contract);
    const std::string file_name = file.contract->file_name;
    outcome_.files.push_back({file_name, record_type, 0, 0});
    auto reader = csv::CsvReader::OpenFile(file.path, ColumnsOf(*file.contract), options_.reader);
    csv::Row row;
    csv::CsvError error;
    while (!stopped_) {
      switch (reader->Next(&row, &error)) {
        case csv::CsvReader::Result::kRow:
          if (sending_) Send(record_type, file_name, row);
          if (progress_ != nullptr && (++rows_read_ & 63) == 0) {
            progress_->Update(Snapshot(reader->bytes_read()));
          }
          continue;
        case csv::CsvReader::Result::kRowError:
          ++outcome_.files.back().unreadable_rows;
          ++outcome_.row_error_count;
          if (outcome_.row_errors.size() < options_.max_kept_row_errors) {
            error.cells.clear();  // never reported; do not hold them
            outcome_.row_errors.push_back(error);
          }
          continue;
        case csv::CsvReader::Result::kFileError:
          // The rows already sent must not be committed without the rest of the file.
          if (sending_) stream_.Cancel();
          sending_ = false;
          stopped_ = true;
          CollectFileErrors(*reader, error, &outcome_.file_errors);
          return;
        case csv::CsvReader::Result::kEnd:
          bytes_before_ += SizeOf(file.path);
          return;
      }
    }
  }

  void Send(const std::string& record_type, const std::string& file_name, const csv::Row& row) {
    if (!stream_.AddRow(record_type, file_name, row)) {
      FinishEarly();
      return;
    }
    ++outcome_.files.back().rows_sent;
    ++outcome_.records_sent;
  }

  // The service stopped reading: take its answer now. On OK (a replayed batch) the files are
  // still read, without sending, to report their unreadable rows; on an error reading stops.
  void FinishEarly() {
    sending_ = false;
    finished_ = true;
    outcome_.status = stream_.Finish(&outcome_.summary);
    if (!outcome_.status.ok()) stopped_ = true;
  }

  ProgressSnapshot Snapshot(int64_t current_file_bytes) const {
    return {outcome_.records_sent, bytes_before_ + current_file_bytes, bytes_total_,
            absl::Now() - started_};
  }

  SubmissionStream& stream_;
  ProgressLine* progress_;
  const SubmitOptions& options_;
  BatchOutcome outcome_;
  bool sending_ = true;    // rows go to the stream
  bool finished_ = false;  // Finish was called
  bool stopped_ = false;   // no more reading
  int64_t rows_read_ = 0;
  int64_t bytes_total_ = 0;
  int64_t bytes_before_ = 0;
  absl::Time started_ = absl::Now();
};

}  // namespace

BatchOutcome SubmitFiles(const common::v1::BatchHeader& header,
                         const std::vector<FileToSend>& files, SubmissionStream& stream,
                         ProgressLine* progress, const SubmitOptions& options) {
  return BatchSender(stream, progress, options).Run(header, files);
}

std::vector<csv::CsvError> CheckHeaders(const std::vector<FileToSend>& files,
                                        const csv::CsvReaderOptions& options) {
  std::vector<csv::CsvError> errors;
  for (const FileToSend& file : files) {
    auto reader = csv::CsvReader::OpenFile(file.path, ColumnsOf(*file.contract), options);
    csv::Row row;
    csv::CsvError error;
    if (reader->Next(&row, &error) == csv::CsvReader::Result::kFileError) {
      CollectFileErrors(*reader, error, &errors);
    }
  }
  return errors;
}

}  // namespace pif::ctl
