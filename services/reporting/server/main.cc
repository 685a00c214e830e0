// pif-reporting: self-evaluation, report building, publishing and rendering.
#include "pif/core/default_addresses.h"
#include "pif/server/service_main.h"
#include "pif/submission_grpc/stream_limits.h"
#include "pif/submission_pg/migrations.h"
#include "wiring.h"

namespace pif::pg {
const std::vector<Migration>& ReportingMigrations();
}

int main(int argc, char** argv) {
  pif::reporting::ReportingOptions options;
  pif::ServiceSpec spec;
  spec.name = "reporting";
  spec.default_listen = pif::kDefaultReportingAddress;
  spec.shared_migrations = {pif::submission::SubmissionStoreMigrations()};
  spec.migrations = &pif::pg::ReportingMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("indicators_address", "PIF_INDICATORS_ADDRESS",
                    "host:port of the indicators service", &options.indicators_address);
    flags.AddString("workforce_address", "PIF_WORKFORCE_ADDRESS",
                    "host:port of the workforce service", &options.workforce_address);
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (records still rejected)",
                    &options.intake_address);
    flags.AddInt("indicators_deadline_seconds", "PIF_INDICATORS_DEADLINE_SECONDS",
                 "seconds each call to the indicators service may take (a five-period series "
                 "included)",
                 &options.indicators_deadline_seconds, 1, 3600);
    flags.AddInt("workforce_deadline_seconds", "PIF_WORKFORCE_DEADLINE_SECONDS",
                 "seconds each call to the workforce service may take",
                 &options.workforce_deadline_seconds, 1, 3600);
    flags.AddInt("intake_deadline_seconds", "PIF_INTAKE_DEADLINE_SECONDS",
                 "seconds each call to the intake service may take",
                 &options.intake_deadline_seconds, 1, 3600);
  };
  spec.make_services = [&](const pif::ServerOptions& server, pif::pg::Pool& pool) {
    pif::submission_grpc::SetStreamLimits(pif::submission_grpc::StreamLimitsOf(server));
    return pif::reporting::MakeReportingServices(options, pool);
  };
  return pif::RunService(spec, argc, argv);
}
