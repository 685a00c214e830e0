// Builds the workforce service from its parts: the submission store of the workforce schema, the
// store of computed figures, intake as the source of 7.4's open cases, the computation, and the
// gRPC adapter over them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/core/default_addresses.h"
#include "pif/grpc/service_host.h"
#include "pif/pg/pool.h"

namespace pif::workforce {

// The settings of the workforce service beyond the shared ones.
struct WorkforceOptions {
  // host:port of the intake service (open cases for 7.4).
  std::string intake_address = kDefaultIntakeAddress;
  // Time every call to intake has to finish, a whole open-case export included.
  int64_t intake_deadline_seconds = 120;
};

// The hosted WorkforceService, owning every part it uses; `pool` must outlive it. The schema
// check's error when the workforce schema is not a valid submission schema.
absl::StatusOr<std::vector<HostedService>> MakeWorkforceServices(const WorkforceOptions& options,
                                                                 pg::Pool& pool);

}  // namespace pif::workforce
