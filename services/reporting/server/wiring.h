// Builds the reporting service from its parts: the submission store of self-evaluations, the
// self-evaluation and published-report stores, the clients of the indicators, workforce and
// intake services, the report builder and publisher, and the gRPC adapter over them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/core/default_addresses.h"
#include "pif/grpc/service_host.h"
#include "pif/pg/pool.h"

namespace pif::reporting {

// The settings of the reporting service beyond the shared ones.
struct ReportingOptions {
  std::string indicators_address = kDefaultIndicatorsAddress;
  std::string workforce_address = kDefaultWorkforceAddress;
  std::string intake_address = kDefaultIntakeAddress;
  // Time each call to a service has to finish (a series of five periods of a large council
  // included for indicators).
  int64_t indicators_deadline_seconds = 600;
  int64_t workforce_deadline_seconds = 300;
  int64_t intake_deadline_seconds = 30;
};

// The hosted ReportingService, owning every part it uses; `pool` must outlive it. FAILED_
// PRECONDITION when the self-evaluation schema is inconsistent.
absl::StatusOr<std::vector<HostedService>> MakeReportingServices(const ReportingOptions& options,
                                                                 pg::Pool& pool);

}  // namespace pif::reporting
