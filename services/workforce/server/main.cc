// pif-workforce: receives staff and absence records and computes the workforce figures.
#include "pif/core/default_addresses.h"
#include "pif/server/service_main.h"
#include "pif/submission_grpc/stream_limits.h"
#include "pif/submission_pg/migrations.h"
#include "wiring.h"

namespace pif::pg {
const std::vector<Migration>& WorkforceMigrations();
}

int main(int argc, char** argv) {
  pif::workforce::WorkforceOptions options;
  pif::ServiceSpec spec;
  spec.name = "workforce";
  spec.default_listen = pif::kDefaultWorkforceAddress;
  spec.shared_migrations = {pif::submission::SubmissionStoreMigrations()};
  spec.migrations = &pif::pg::WorkforceMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (open cases for 7.4)",
                    &options.intake_address);
    flags.AddInt("intake_deadline_seconds", "PIF_INTAKE_DEADLINE_SECONDS",
                 "seconds each call to intake may take, a whole open-case export included",
                 &options.intake_deadline_seconds, 1, 3600);
  };
  spec.make_services = [&](const pif::ServerOptions& server, pif::pg::Pool& pool) {
    pif::submission_grpc::SetStreamLimits(pif::submission_grpc::StreamLimitsOf(server));
    return pif::workforce::MakeWorkforceServices(options, pool);
  };
  return pif::RunService(spec, argc, argv);
}
