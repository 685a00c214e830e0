// The snapshot source of the service: intake over gRPC (GetDataVersion, ExportSnapshot streamed
// into the engine's records, ListRejections for the count still open).
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "pif/indicators/domain/snapshot_source.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::indicators {

// Reads councils' records from intake at `address`; every call has `deadline` to finish (the
// whole snapshot stream included).
class IntakeSnapshotSource final : public SnapshotSource {
 public:
  IntakeSnapshotSource(std::string address, std::shared_ptr<grpc::Channel> channel,
                       absl::Duration deadline);

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override;
  absl::StatusOr<CouncilSnapshot> Load(const std::string& council, int64_t version_hint) override;

 private:
  // A failed call to intake as a status naming intake: UNAVAILABLE when it cannot be reached.
  absl::Status IntakeError(const grpc::Status& status, const char* call) const;
  std::optional<int64_t> OpenRejections(const std::string& council);

  const std::string address_;
  const std::unique_ptr<intake::v1::IntakeService::Stub> stub_;
  const absl::Duration deadline_;
};

}  // namespace pif::indicators
