// The benchmarks' intake client, as an integrator writes one: typed records (pif.intake.v1.Record)
// streamed in chunks through SubmitRecords, and a snapshot read back through ExportSnapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::bench {

// Typed chunk messages of `chunk_records` records each, read from the case files of `dir`
// (see ReadCaseCsv), built before timing so that the timed stream is the service's work.
absl::StatusOr<std::vector<intake::v1::SubmitRecordsRequest>> TypedChunks(const std::string& dir,
                                                                          int64_t chunk_records);

// The records the chunks carry.
int64_t RecordsIn(const std::vector<intake::v1::SubmitRecordsRequest>& chunks);

// A batch's result and when its last message had been sent.
struct SubmitOutcome {
  common::v1::SubmissionSummary summary;
  // Seconds from the start of the call until the BatchEnd was written: flow control makes this
  // the time the service took to receive, validate and stage the records; the rest of the call
  // is its commit (cross-record rules and the upsert).
  double sent_seconds = 0;
};

// Sends one batch (header, `chunks`, end) to `council` and returns its summary; the rpc's
// error otherwise. No deadline: a large batch takes what it takes.
absl::StatusOr<SubmitOutcome> SubmitBatch(
    intake::v1::IntakeService::Stub& intake, const std::string& council,
    const std::string& batch_id, const std::vector<intake::v1::SubmitRecordsRequest>& chunks);

// What one snapshot export delivered.
struct ExportResult {
  int64_t data_version = 0;
  int64_t records = 0;
  int64_t messages = 0;
  int64_t bytes = 0;  // serialized size of every message: what crossed the wire
};

// Reads the council's whole snapshot with `chunk_records` records per message and checks the
// records received against the header's counts (DATA_LOSS when they differ).
absl::StatusOr<ExportResult> ExportSnapshot(intake::v1::IntakeService::Stub& intake,
                                            const std::string& council, int chunk_records);

}  // namespace pif::bench
