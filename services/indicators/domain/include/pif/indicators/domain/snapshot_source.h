// Where a council's case records come from: intake, over gRPC in the service, a fake in tests.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "pif/engine/snapshot.h"

namespace pif::indicators {

// A council's records indexed for the engine, at the data version they were read at.
struct CouncilSnapshot {
  // The data version intake read the records at.
  int64_t data_version = 0;
  std::shared_ptr<const engine::Snapshot> snapshot;
  // Records of the council still rejected at intake when the snapshot was read; nullopt when
  // intake could not say.
  std::optional<int64_t> open_rejections;
};

// Reads a council's records from the service that keeps them.
class SnapshotSource {
 public:
  virtual ~SnapshotSource() = default;

  // The council's current data version. UNAVAILABLE naming the source when it cannot be reached.
  virtual absl::StatusOr<int64_t> CurrentVersion(const std::string& council) = 0;
  // Reads every record of the council. `version_hint` is the version the caller expects; the
  // result says the version actually read (newer when the data changed in between).
  virtual absl::StatusOr<CouncilSnapshot> Load(const std::string& council,
                                               int64_t version_hint) = 0;
};

}  // namespace pif::indicators
