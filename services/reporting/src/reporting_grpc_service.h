// The gRPC adapter of the reporting service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/reporting/v1/reporting_service.grpc.pb.h"

namespace pif::reporting {

// Implements pif.reporting.v1.ReportingService. Rpcs not overridden here answer UNIMPLEMENTED
// (the generated base class does that) until the issue that builds them lands.
class ReportingGrpcService final : public v1::ReportingService::Service {};

}  // namespace pif::reporting
