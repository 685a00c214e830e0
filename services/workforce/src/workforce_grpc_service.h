// The gRPC adapter of the workforce service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif::workforce {

// Implements pif.workforce.v1.WorkforceService. Rpcs not overridden here answer UNIMPLEMENTED
// (the generated base class does that) until the issue that builds them lands.
class WorkforceGrpcService final : public v1::WorkforceService::Service {};

}  // namespace pif::workforce
