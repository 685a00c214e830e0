#include "wiring.h"

#include <memory>
#include <utility>

#include "pif/grpc/service_client.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/workforce/adapter/workforce_grpc_service.h"
#include "pif/workforce/clients/intake_open_cases.h"
#include "pif/workforce/domain/workforce_schema.h"
#include "pif/workforce/store/pg_results_store.h"

namespace pif::workforce {
namespace {

// Every part behind the rpcs, built in dependency order.
struct Parts {
  std::unique_ptr<submission::SubmissionStore> records;
  std::unique_ptr<PgResultsStore> results;
  std::unique_ptr<IntakeOpenCasesSource> intake;
  std::unique_ptr<SubmissionStaffSource> staff;
  std::unique_ptr<WorkforceComputation> computation;
};

// The adapter together with the parts it points into, so the host keeps both alive.
class OwningWorkforceService final : public WorkforceGrpcService {
 public:
  explicit OwningWorkforceService(std::unique_ptr<Parts> parts)
      : WorkforceGrpcService(*parts->records, *parts->computation), parts_(std::move(parts)) {}

 private:
  std::unique_ptr<Parts> parts_;
};

}  // namespace

absl::StatusOr<std::vector<HostedService>> MakeWorkforceServices(const WorkforceOptions& options,
                                                                 pg::Pool& pool) {
  if (absl::Status schema = submission::CheckSchema(WorkforceSchema()); !schema.ok()) {
    return schema;
  }
  auto parts = std::make_unique<Parts>();
  parts->records = std::make_unique<submission::PgSubmissionStore>(pool, WorkforceSchema());
  parts->results = std::make_unique<PgResultsStore>(pool);
  parts->intake = std::make_unique<IntakeOpenCasesSource>(
      ConnectTo("intake", options.intake_address, absl::Seconds(options.intake_deadline_seconds),
                kIntakePurpose));
  parts->staff = std::make_unique<SubmissionStaffSource>(*parts->records);
  parts->computation =
      std::make_unique<WorkforceComputation>(*parts->staff, *parts->results, *parts->intake);
  std::vector<HostedService> services;
  services.push_back({v1::WorkforceService::service_full_name(),
                      std::make_unique<OwningWorkforceService>(std::move(parts))});
  return services;
}

}  // namespace pif::workforce
