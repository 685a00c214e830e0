#include "pif/indicators/clients/intake_snapshot_source.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "pif/core/log.h"
#include "pif/indicators/clients/record_conversion.h"

namespace pif::indicators {
namespace {

ServiceEndpoint IntakeEndpoint(std::string address, std::shared_ptr<grpc::Channel> channel,
                               absl::Duration deadline) {
  ServiceEndpoint endpoint;
  endpoint.service = "intake";
  endpoint.address = std::move(address);
  endpoint.channel = std::move(channel);
  endpoint.deadline = deadline;
  return endpoint;
}

}  // namespace

IntakeSnapshotSource::IntakeSnapshotSource(std::string address,
                                           std::shared_ptr<grpc::Channel> channel,
                                           absl::Duration deadline)
    : intake_(IntakeEndpoint(std::move(address), std::move(channel), deadline)) {}

absl::StatusOr<int64_t> IntakeSnapshotSource::CurrentVersion(const std::string& council) {
  return intake_.CurrentVersion(council);
}

absl::StatusOr<CouncilSnapshot> IntakeSnapshotSource::Load(const std::string& council,
                                                           int64_t version_hint) {
  const absl::Time started = absl::Now();
  engine::CaseRecords records;
  absl::StatusOr<case_client::SnapshotRead> read =
      intake_.ReadSnapshot(council, {}, [&records](const intake::v1::Record& record) {
        absl::Status appended = AppendRecord(record, &records);
        // Intake exports validated records only: one that cannot be read is a fault between us.
        if (!appended.ok()) return absl::InternalError(appended.message());
        return absl::OkStatus();
      });
  if (!read.ok()) return read.status();
  if (read->data_version < version_hint) {
    return absl::InternalError(absl::StrCat("intake exported data version ", read->data_version,
                                            " after reporting ", version_hint));
  }
  CouncilSnapshot snapshot;
  snapshot.data_version = read->data_version;
  snapshot.snapshot = std::make_shared<const engine::Snapshot>(std::move(records));
  snapshot.open_rejections = OpenRejections(council);
  log::Event(log::Level::kInfo, "snapshot_pulled")
      .Str(log::Key::kCouncil, council)
      .Int(log::Key::kVersion, read->data_version)
      .Int(log::Key::kCount, read->record_count)
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return snapshot;
}

std::optional<int64_t> IntakeSnapshotSource::OpenRejections(const std::string& council) {
  absl::StatusOr<int64_t> open = intake_.OpenRejections(council);
  if (!open.ok()) {
    // Only a caveat is lost: the figures themselves are complete.
    log::Event(log::Level::kWarning, "open_rejections_unknown")
        .Str(log::Key::kCouncil, council)
        .Str(log::Key::kCode, absl::StatusCodeToString(open.status().code()));
    return std::nullopt;
  }
  return *open;
}

}  // namespace pif::indicators
