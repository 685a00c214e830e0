#include "pif/bench/intake_client.h"

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "pif/bench/machine_stats.h"
#include "pif/bench/sample_data.h"
#include "pif/submission_grpc/record_oneof.h"

namespace pif::bench {
namespace {

absl::Status FromGrpc(const grpc::Status& status, const std::string& what) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

}  // namespace

absl::StatusOr<std::vector<intake::v1::SubmitRecordsRequest>> TypedChunks(const std::string& dir,
                                                                          int64_t chunk_records) {
  std::vector<intake::v1::SubmitRecordsRequest> chunks;
  absl::Status failed;
  absl::Status read = ReadCaseCsv(dir, [&](const submission::FlatRecord& record) {
    if (chunks.empty() || chunks.back().chunk().records_size() >= chunk_records) {
      chunks.emplace_back().mutable_chunk()->mutable_records()->Reserve(
          static_cast<int>(chunk_records));
    }
    intake::v1::Record* typed = chunks.back().mutable_chunk()->add_records()->mutable_record();
    if (absl::Status set = submission_grpc::SetInWrapper(record, typed); !set.ok() && failed.ok()) {
      failed = set;
    }
  });
  if (!read.ok()) return read;
  if (!failed.ok()) return failed;
  return chunks;
}

int64_t RecordsIn(const std::vector<intake::v1::SubmitRecordsRequest>& chunks) {
  int64_t records = 0;
  for (const auto& chunk : chunks) records += chunk.chunk().records_size();
  return records;
}

absl::StatusOr<SubmitOutcome> SubmitBatch(
    intake::v1::IntakeService::Stub& intake, const std::string& council,
    const std::string& batch_id, const std::vector<intake::v1::SubmitRecordsRequest>& chunks) {
  const Stopwatch wall;
  grpc::ClientContext context;
  intake::v1::SubmitRecordsResponse response;
  auto writer = intake.SubmitRecords(&context, &response);
  intake::v1::SubmitRecordsRequest header;
  header.mutable_header()->set_council(council);
  header.mutable_header()->set_batch_id(batch_id);
  header.mutable_header()->set_source_system("pif benchmark");
  bool open = writer->Write(header);
  for (size_t i = 0; open && i < chunks.size(); ++i) open = writer->Write(chunks[i]);
  if (open) {
    intake::v1::SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(RecordsIn(chunks));
    open = writer->Write(end);
  }
  if (open) writer->WritesDone();
  SubmitOutcome outcome;
  outcome.sent_seconds = wall.Seconds();
  const grpc::Status status = writer->Finish();
  if (!status.ok()) return FromGrpc(status, "SubmitRecords");
  outcome.summary = response.summary();
  return outcome;
}

absl::StatusOr<ExportResult> ExportSnapshot(intake::v1::IntakeService::Stub& intake,
                                            const std::string& council, int chunk_records) {
  grpc::ClientContext context;
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  request.set_max_records_per_chunk(chunk_records);
  auto reader = intake.ExportSnapshot(&context, request);
  ExportResult result;
  int64_t expected = 0;
  intake::v1::ExportSnapshotResponse message;
  while (reader->Read(&message)) {
    ++result.messages;
    result.bytes += static_cast<int64_t>(message.ByteSizeLong());
    if (message.has_header()) {
      result.data_version = message.header().data_version();
      for (const auto& count : message.header().record_counts()) expected += count.count();
    } else {
      result.records += message.chunk().records_size();
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return FromGrpc(status, "ExportSnapshot");
  if (result.records != expected) {
    return absl::DataLossError(absl::StrCat("the snapshot header counts ", expected,
                                            " records but ", result.records, " arrived"));
  }
  return result;
}

}  // namespace pif::bench
