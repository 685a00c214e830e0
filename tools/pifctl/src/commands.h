// The subcommands of pifctl; each takes its own arguments (args[0] is the subcommand name) and
// returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace pif::ctl {

// `pifctl health`: asks one or more services for their gRPC health; 0 when all are SERVING.
int RunHealth(const std::vector<std::string>& args);

}  // namespace pif::ctl
