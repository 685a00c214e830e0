#include "pif/indicators/clients/intake_snapshot_source.h"

#include <grpcpp/client_context.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "pif/core/log.h"
#include "pif/grpc/status_mapping.h"
#include "pif/indicators/clients/record_conversion.h"

namespace pif::indicators {
namespace {

// Records per streamed message asked of intake.
constexpr int kRecordsPerChunk = 5000;

void SetDeadline(grpc::ClientContext& context, absl::Duration deadline) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

}  // namespace

IntakeSnapshotSource::IntakeSnapshotSource(std::string address,
                                           std::shared_ptr<grpc::Channel> channel,
                                           absl::Duration deadline)
    : address_(std::move(address)),
      stub_(intake::v1::IntakeService::NewStub(std::move(channel))),
      deadline_(deadline) {}

absl::Status IntakeSnapshotSource::IntakeError(const grpc::Status& status, const char* call) const {
  const grpc::StatusCode code = status.error_code();
  if (code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    // Retryable for our caller whichever way intake was out of reach.
    return absl::UnavailableError(absl::StrCat("the intake service at ", address_,
                                               " is unavailable: ", status.error_message()));
  }
  if (code == grpc::StatusCode::INVALID_ARGUMENT || code == grpc::StatusCode::NOT_FOUND) {
    // The caller's request was checked before: intake refusing it is a fault between services.
    return absl::InternalError(absl::StrCat("intake refused ", call, ": ", status.error_message()));
  }
  absl::Status passed = FromGrpcStatus(status);
  return absl::Status(passed.code(), absl::StrCat("intake ", call, " failed: ", passed.message()));
}

absl::StatusOr<int64_t> IntakeSnapshotSource::CurrentVersion(const std::string& council) {
  grpc::ClientContext context;
  SetDeadline(context, deadline_);
  intake::v1::GetDataVersionRequest request;
  request.set_council(council);
  intake::v1::GetDataVersionResponse response;
  grpc::Status status = stub_->GetDataVersion(&context, request, &response);
  if (!status.ok()) return IntakeError(status, "GetDataVersion");
  return response.data_version();
}

absl::StatusOr<CouncilSnapshot> IntakeSnapshotSource::Load(const std::string& council,
                                                           int64_t version_hint) {
  const absl::Time started = absl::Now();
  grpc::ClientContext context;
  SetDeadline(context, deadline_);
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  request.set_max_records_per_chunk(kRecordsPerChunk);
  std::unique_ptr<grpc::ClientReader<intake::v1::ExportSnapshotResponse>> reader =
      stub_->ExportSnapshot(&context, request);

  engine::CaseRecords records;
  intake::v1::ExportSnapshotResponse message;
  bool have_header = false;
  int64_t data_version = 0;
  int64_t expected = 0;
  int64_t received = 0;
  absl::Status conversion;
  while (reader->Read(&message)) {
    if (message.has_header()) {
      have_header = true;
      data_version = message.header().data_version();
      for (const auto& count : message.header().record_counts()) expected += count.count();
      continue;
    }
    for (const intake::v1::Record& record : message.chunk().records()) {
      ++received;
      if (conversion.ok()) conversion = AppendRecord(record, &records);
    }
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return IntakeError(status, "ExportSnapshot");
  if (!conversion.ok()) return absl::InternalError(conversion.message());
  if (!have_header) return absl::InternalError("intake sent a snapshot without its header");
  if (received != expected) {
    // A short snapshot would give wrong figures: never compute from one.
    return absl::InternalError(absl::StrCat("intake's snapshot of data version ", data_version,
                                            " announced ", expected, " records and sent ",
                                            received));
  }
  if (data_version < version_hint) {
    return absl::InternalError(absl::StrCat("intake exported data version ", data_version,
                                            " after reporting ", version_hint));
  }
  CouncilSnapshot snapshot;
  snapshot.data_version = data_version;
  snapshot.snapshot = std::make_shared<const engine::Snapshot>(std::move(records));
  snapshot.open_rejections = OpenRejections(council);
  log::Event(log::Level::kInfo, "snapshot_pulled")
      .Str(log::Key::kCouncil, council)
      .Int(log::Key::kVersion, data_version)
      .Int(log::Key::kCount, received)
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return snapshot;
}

std::optional<int64_t> IntakeSnapshotSource::OpenRejections(const std::string& council) {
  grpc::ClientContext context;
  SetDeadline(context, deadline_);
  intake::v1::ListRejectionsRequest request;
  request.set_council(council);
  request.set_page_size(1);
  intake::v1::ListRejectionsResponse response;
  grpc::Status status = stub_->ListRejections(&context, request, &response);
  if (!status.ok()) {
    // Only a caveat is lost: the figures themselves are complete.
    log::Event(log::Level::kWarning, "open_rejections_unknown")
        .Str(log::Key::kCouncil, council)
        .Str(log::Key::kCode, absl::StatusCodeToString(FromGrpcStatus(status).code()));
    return std::nullopt;
  }
  return response.open_count();
}

}  // namespace pif::indicators
