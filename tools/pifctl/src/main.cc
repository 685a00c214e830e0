// pifctl: the command-line client of pif for integrators and operators.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace {

constexpr char kUsage[] =
    "usage: pifctl COMMAND [--flag=value ...]\n"
    "\n"
    "commands:\n"
    "  audit    a council's access audit from all four services, oldest first (auditor)\n"
    "  dev-jwks   the JWKS of the local stack's development identity provider\n"
    "  dev-token  a token signed by the local stack's development identity provider\n"
    "  erase    erase one child's records from a council's data (admin)\n"
    "  health   ask services whether they are SERVING (gRPC health checking protocol)\n"
    "  indicators  compute a council's indicators for a period (JSON, CSV or table)\n"
    "  import   send the contract CSV files of a directory to intake\n"
    "  report   write a council's PIF report (HTML, CSV or JSON), optionally publishing it\n"
    "  workforce  compute a council's workforce figures (7.1-7.7, 9.1) for a period\n"
    "\n"
    "Run `pifctl COMMAND --help` for a command's flags.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "audit") return pif::ctl::RunAudit(args);
  if (args[0] == "dev-jwks") return pif::ctl::RunDevJwks(args);
  if (args[0] == "dev-token") return pif::ctl::RunDevToken(args);
  if (args[0] == "erase") return pif::ctl::RunErase(args);
  if (args[0] == "health") return pif::ctl::RunHealth(args);
  if (args[0] == "indicators") return pif::ctl::RunIndicators(args);
  if (args[0] == "import") return pif::ctl::RunImport(args);
  if (args[0] == "report") return pif::ctl::RunReport(args);
  if (args[0] == "workforce") return pif::ctl::RunWorkforce(args);
  std::cerr << "pifctl: unknown command '" << args[0] << "'\n\n" << kUsage;
  return 2;
}
