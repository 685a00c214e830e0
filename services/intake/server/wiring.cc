#include "wiring.h"

#include <memory>
#include <utility>

#include "pif/intake/adapter/intake_grpc_service.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"

namespace pif::intake {

std::vector<pg::MigrationSet> IntakeSharedMigrations() {
  return {submission::SubmissionStoreMigrations()};
}

absl::StatusOr<std::vector<HostedService>> MakeIntakeServices(pg::Pool& pool) {
  if (absl::Status schema = submission::CheckSchema(CaseSchema()); !schema.ok()) return schema;
  auto store = std::make_unique<submission::PgSubmissionStore>(pool, CaseSchema());
  std::vector<HostedService> services;
  services.push_back({v1::IntakeService::service_full_name(),
                      std::make_unique<IntakeGrpcService>(std::move(store))});
  return services;
}

}  // namespace pif::intake
