#include "shutdown.h"

#include "absl/time/clock.h"

namespace pif {

void ShutDown(ServiceHost& host, absl::Duration prestop, absl::Duration drain) {
  host.SetReady(false);
  if (prestop > absl::ZeroDuration()) absl::SleepFor(prestop);
  host.Drain(drain);
}

}  // namespace pif
