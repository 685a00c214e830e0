// The end of a service's life on SIGTERM: readiness off, a pause, then the drain.
#pragma once

#include "absl/time/time.h"
#include "pif/grpc/service_host.h"

namespace pif {

// Reports NOT_SERVING for every hosted service (liveness stays SERVING), keeps answering calls
// for `prestop` so endpoints stop sending new ones, then drains `host` with `drain` for the calls
// still running; returns when it has stopped.
void ShutDown(ServiceHost& host, absl::Duration prestop, absl::Duration drain);

}  // namespace pif
