#include "wiring.h"

#include <memory>
#include <utility>

#include "absl/time/clock.h"
#include "pg_published_reports.h"
#include "pg_self_evaluations.h"
#include "pif/grpc/channel.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "publisher.h"
#include "report_builder.h"
#include "reporting_grpc_service.h"
#include "self_evaluation_schema.h"
#include "service_clients.h"

namespace pif::reporting {
namespace {

// Every part behind the rpcs, built in dependency order.
struct Parts {
  std::unique_ptr<submission::SubmissionStore> submissions;
  std::unique_ptr<PgSelfEvaluations> self_evaluations;
  std::unique_ptr<PgPublishedReports> published;
  std::unique_ptr<IndicatorsClient> indicators;
  std::unique_ptr<WorkforceClient> workforce;
  std::unique_ptr<IntakeClient> intake;
  std::unique_ptr<ReportBuilder> builder;
  std::unique_ptr<Publisher> publisher;
};

ReportingParts PointersTo(const Parts& parts) {
  ReportingParts pointers;
  pointers.submissions = parts.submissions.get();
  pointers.self_evaluations = parts.self_evaluations.get();
  pointers.builder = parts.builder.get();
  pointers.publisher = parts.publisher.get();
  pointers.published = parts.published.get();
  return pointers;
}

// The adapter together with the parts it points into, so the host keeps both alive.
class OwningReportingService final : public ReportingGrpcService {
 public:
  explicit OwningReportingService(std::unique_ptr<Parts> parts)
      : ReportingGrpcService(PointersTo(*parts)), parts_(std::move(parts)) {}

 private:
  std::unique_ptr<Parts> parts_;
};

ServiceEndpoint EndpointOf(const std::string& address, int64_t deadline_seconds) {
  return {address, OpenChannel(address), absl::Seconds(deadline_seconds)};
}

}  // namespace

absl::StatusOr<std::vector<HostedService>> MakeReportingServices(const ReportingOptions& options,
                                                                 pg::Pool& pool) {
  if (absl::Status schema = submission::CheckSchema(SelfEvaluationSchema()); !schema.ok()) {
    return schema;
  }
  auto parts = std::make_unique<Parts>();
  parts->submissions =
      std::make_unique<submission::PgSubmissionStore>(pool, SelfEvaluationSchema());
  parts->self_evaluations = std::make_unique<PgSelfEvaluations>(pool, *parts->submissions);
  parts->published = std::make_unique<PgPublishedReports>(pool);
  parts->indicators = std::make_unique<IndicatorsClient>(
      EndpointOf(options.indicators_address, options.indicators_deadline_seconds));
  parts->workforce = std::make_unique<WorkforceClient>(
      EndpointOf(options.workforce_address, options.workforce_deadline_seconds));
  parts->intake = std::make_unique<IntakeClient>(
      EndpointOf(options.intake_address, options.intake_deadline_seconds));
  parts->builder =
      std::make_unique<ReportBuilder>(*parts->indicators, *parts->workforce, *parts->intake,
                                      *parts->self_evaluations, [] { return absl::Now(); });
  parts->publisher = std::make_unique<Publisher>(*parts->builder, *parts->published);
  std::vector<HostedService> services;
  services.push_back({v1::ReportingService::service_full_name(),
                      std::make_unique<OwningReportingService>(std::move(parts))});
  return services;
}

}  // namespace pif::reporting
