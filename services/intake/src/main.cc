// pif-intake: receives a council's case records, validates and stores them, exports snapshots.
#include "domain/case_schema.h"
#include "intake_grpc_service.h"
#include "pif/server/service_main.h"
#include "pif/submission_pg/pg_submission_store.h"

namespace pif::pg {
const std::vector<Migration>& IntakeMigrations();
}

int main(int argc, char** argv) {
  pif::ServiceSpec spec;
  spec.name = "intake";
  spec.default_listen = "127.0.0.1:50051";
  spec.migrations = &pif::pg::IntakeMigrations();
  spec.make_services = [](const pif::ServerOptions&,
                          pif::pg::Pool& pool) -> absl::StatusOr<std::vector<pif::HostedService>> {
    if (absl::Status schema = pif::submission::CheckSchema(pif::intake::CaseSchema());
        !schema.ok()) {
      return schema;
    }
    auto store =
        std::make_unique<pif::submission::PgSubmissionStore>(pool, pif::intake::CaseSchema());
    std::vector<pif::HostedService> services;
    services.push_back({pif::intake::v1::IntakeService::service_full_name(),
                        std::make_unique<pif::intake::IntakeGrpcService>(std::move(store))});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
