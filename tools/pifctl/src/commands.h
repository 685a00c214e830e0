// The subcommands of pifctl; each takes its own arguments (args[0] is the subcommand name) and
// returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace pif::ctl {

// `pifctl audit`: prints a council's access audit from all four services, merged by time.
int RunAudit(const std::vector<std::string>& args);
// `pifctl dev-jwks`: prints (or writes) the JWKS of the dev identity provider's signing key.
int RunDevJwks(const std::vector<std::string>& args);
// `pifctl dev-token`: signs a token with the dev identity provider's key for the local stack.
int RunDevToken(const std::vector<std::string>& args);
// `pifctl erase`: erases one child's records from a council's data (intake's EraseChild).
int RunErase(const std::vector<std::string>& args);
// `pifctl health`: asks one or more services for their gRPC health; 0 when all are SERVING.
int RunHealth(const std::vector<std::string>& args);
// `pifctl indicators`: computes indicators for a council and period and prints them.
int RunIndicators(const std::vector<std::string>& args);
// `pifctl import`: sends the contract CSV files of a directory; 0 all accepted, 1 some rejected.
int RunImport(const std::vector<std::string>& args);
// `pifctl report`: writes a council's PIF report (draft, newly published or published) to a file.
int RunReport(const std::vector<std::string>& args);
// `pifctl workforce`: computes the workforce figures for a council and period and prints them.
int RunWorkforce(const std::vector<std::string>& args);

}  // namespace pif::ctl
