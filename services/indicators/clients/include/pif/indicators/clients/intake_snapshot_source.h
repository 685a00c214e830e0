// The snapshot source of the service: intake over gRPC (GetDataVersion, ExportSnapshot streamed
// into the engine's records, ListRejections for the count still open), read through the shared
// intake client (pif/case_client/intake_client.h).
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/time/time.h"
#include "pif/case_client/intake_client.h"
#include "pif/indicators/domain/snapshot_source.h"

namespace pif::indicators {

// Reads councils' records from intake at `address`; every call has `deadline` to finish (the
// whole snapshot stream included). UNAVAILABLE naming intake when it cannot be reached.
class IntakeSnapshotSource final : public SnapshotSource {
 public:
  IntakeSnapshotSource(std::string address, std::shared_ptr<grpc::Channel> channel,
                       absl::Duration deadline);

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override;
  absl::StatusOr<CouncilSnapshot> Load(const std::string& council, int64_t version_hint) override;

 private:
  // The council's open rejections; nullopt (logged) when intake could not say.
  std::optional<int64_t> OpenRejections(const std::string& council);

  case_client::IntakeClient intake_;
};

}  // namespace pif::indicators
