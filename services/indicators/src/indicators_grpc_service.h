// The gRPC adapter of the indicators service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/indicators/v1/indicators_service.grpc.pb.h"

namespace pif::indicators {

// Implements pif.indicators.v1.IndicatorsService. Rpcs not overridden here answer UNIMPLEMENTED
// (the generated base class does that) until the issue that builds them lands.
class IndicatorsGrpcService final : public v1::IndicatorsService::Service {};

}  // namespace pif::indicators
