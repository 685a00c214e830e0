// Builds the indicators service from its parts: the PostgreSQL store, intake as the snapshot
// source with its cache, the domain, and the gRPC adapter over them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/core/default_addresses.h"
#include "pif/grpc/service_host.h"
#include "pif/indicators/domain/disclosure_floor.h"
#include "pif/pg/pool.h"

namespace pif::indicators {

// The settings of the indicators service beyond the shared ones.
struct IndicatorsOptions {
  // host:port of the intake service.
  std::string intake_address = kDefaultIntakeAddress;
  // Time every call to intake has to finish, a whole snapshot export included.
  int64_t intake_deadline_seconds = 120;
  // Councils whose latest snapshot is kept in memory.
  int64_t snapshot_cache_councils = 8;
  // The least disclosure control of every published figure, whatever a council's policy says.
  DisclosureFloor disclosure_floor;
};

// The hosted IndicatorsService, owning every part it uses; `pool` must outlive it.
// INVALID_ARGUMENT for a disclosure floor out of range.
absl::StatusOr<std::vector<HostedService>> MakeIndicatorsServices(const IndicatorsOptions& options,
                                                                  pg::Pool& pool);

}  // namespace pif::indicators
