// pif-workforce: receives staff and absence records and computes the workforce figures.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "domain/workforce_schema.h"
#include "intake/intake_open_cases.h"
#include "pif/grpc/channel.h"
#include "pif/server/service_main.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store/results_store.h"
#include "workforce_computation.h"
#include "workforce_grpc_service.h"

namespace pif::pg {
const std::vector<Migration>& WorkforceMigrations();
}

namespace {

// Everything the rpcs use, built once the database is ready; outlives the server.
struct WorkforceParts {
  std::unique_ptr<pif::submission::SubmissionStore> records;
  std::unique_ptr<pif::workforce::ResultsStore> results;
  std::unique_ptr<pif::workforce::IntakeOpenCasesSource> intake;
  std::unique_ptr<pif::workforce::WorkforceComputation> computation;
};

}  // namespace

int main(int argc, char** argv) {
  std::string intake_address = "127.0.0.1:50051";
  int64_t intake_deadline_seconds = 120;
  std::unique_ptr<WorkforceParts> parts;
  pif::ServiceSpec spec;
  spec.name = "workforce";
  spec.default_listen = "127.0.0.1:50053";
  spec.shared_migrations = {pif::submission::SubmissionStoreMigrations()};
  spec.migrations = &pif::pg::WorkforceMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (open cases for 7.4)", &intake_address);
    flags.AddInt("intake_deadline_seconds", "PIF_INTAKE_DEADLINE_SECONDS",
                 "seconds each call to intake may take, a whole open-case export included",
                 &intake_deadline_seconds, 1, 3600);
  };
  spec.make_services = [&](const pif::ServerOptions&,
                           pif::pg::Pool& pool) -> absl::StatusOr<std::vector<pif::HostedService>> {
    if (absl::Status schema = pif::submission::CheckSchema(pif::workforce::WorkforceSchema());
        !schema.ok()) {
      return schema;
    }
    parts = std::make_unique<WorkforceParts>();
    parts->records = std::make_unique<pif::submission::PgSubmissionStore>(
        pool, pif::workforce::WorkforceSchema());
    parts->results = std::make_unique<pif::workforce::ResultsStore>(pool);
    parts->intake = std::make_unique<pif::workforce::IntakeOpenCasesSource>(
        intake_address, pif::OpenChannel(intake_address), absl::Seconds(intake_deadline_seconds));
    parts->computation = std::make_unique<pif::workforce::WorkforceComputation>(
        *parts->records, *parts->results, *parts->intake);
    std::vector<pif::HostedService> services;
    services.push_back({pif::workforce::v1::WorkforceService::service_full_name(),
                        std::make_unique<pif::workforce::WorkforceGrpcService>(
                            *parts->records, *parts->computation)});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
