// Termination signals handled synchronously, so a service can drain instead of dying mid-call.
#pragma once

namespace pif {

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts afterwards.
// Call first thing in main, before any thread exists.
void BlockTerminationSignals();

// Waits until SIGTERM or SIGINT arrives; returns the signal number.
int WaitForTerminationSignal();

}  // namespace pif
