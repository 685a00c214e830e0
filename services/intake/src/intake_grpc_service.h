// The gRPC adapter of the intake service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::intake {

// Implements pif.intake.v1.IntakeService. Rpcs not overridden here answer UNIMPLEMENTED
// (the generated base class does that) until the issue that builds them lands.
class IntakeGrpcService final : public v1::IntakeService::Service {};

}  // namespace pif::intake
