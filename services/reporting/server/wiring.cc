#include "wiring.h"

#include <memory>
#include <utility>

#include "absl/time/clock.h"
#include "pif/grpc/service_client.h"
#include "pif/reporting/adapter/reporting_grpc_service.h"
#include "pif/reporting/clients/indicators_client.h"
#include "pif/reporting/clients/intake_client.h"
#include "pif/reporting/clients/workforce_client.h"
#include "pif/reporting/domain/publisher.h"
#include "pif/reporting/domain/report_builder.h"
#include "pif/reporting/domain/reports.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/reporting/domain/self_evaluation_submissions.h"
#include "pif/reporting/domain/self_evaluations.h"
#include "pif/reporting/store/pg_published_reports.h"
#include "pif/reporting/store/pg_self_evaluations.h"
#include "pif/submission_pg/pg_submission_store.h"

namespace pif::reporting {
namespace {

// Every part behind the rpcs, built in dependency order.
struct Parts {
  std::unique_ptr<submission::SubmissionStore> stored_submissions;
  std::unique_ptr<PgSelfEvaluations> self_evaluation_store;
  std::unique_ptr<PgPublishedReports> published;
  std::unique_ptr<IndicatorsClient> indicators;
  std::unique_ptr<WorkforceClient> workforce;
  std::unique_ptr<IntakeClient> intake;
  std::unique_ptr<SelfEvaluationSubmissions> submissions;
  std::unique_ptr<SelfEvaluations> self_evaluations;
  std::unique_ptr<ReportBuilder> builder;
  std::unique_ptr<Publisher> publisher;
  std::unique_ptr<Reports> reports;
};

ReportingParts PointersTo(const Parts& parts) {
  ReportingParts pointers;
  pointers.submissions = parts.submissions.get();
  pointers.self_evaluations = parts.self_evaluations.get();
  pointers.reports = parts.reports.get();
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

}  // namespace

absl::StatusOr<std::vector<HostedService>> MakeReportingServices(const ReportingOptions& options,
                                                                 pg::Pool& pool) {
  if (absl::Status schema = submission::CheckSchema(SelfEvaluationSchema()); !schema.ok()) {
    return schema;
  }
  auto parts = std::make_unique<Parts>();
  // Stores.
  parts->stored_submissions =
      std::make_unique<submission::PgSubmissionStore>(pool, SelfEvaluationSchema());
  parts->self_evaluation_store =
      std::make_unique<PgSelfEvaluations>(pool, *parts->stored_submissions);
  parts->published = std::make_unique<PgPublishedReports>(pool);
  // Clients of the services a report is built from.
  parts->indicators = std::make_unique<IndicatorsClient>(
      ConnectTo("indicators", options.indicators_address,
                absl::Seconds(options.indicators_deadline_seconds)));
  parts->workforce = std::make_unique<WorkforceClient>(ConnectTo(
      "workforce", options.workforce_address, absl::Seconds(options.workforce_deadline_seconds)));
  parts->intake = std::make_unique<IntakeClient>(
      ConnectTo("intake", options.intake_address, absl::Seconds(options.intake_deadline_seconds)));
  // The domain.
  parts->submissions = std::make_unique<SelfEvaluationSubmissions>(*parts->stored_submissions);
  parts->self_evaluations = std::make_unique<SelfEvaluations>(*parts->self_evaluation_store);
  parts->builder =
      std::make_unique<ReportBuilder>(*parts->indicators, *parts->workforce, *parts->intake,
                                      *parts->self_evaluation_store, [] { return absl::Now(); });
  parts->publisher = std::make_unique<Publisher>(*parts->builder, *parts->published);
  parts->reports = std::make_unique<Reports>(*parts->builder, *parts->publisher, *parts->published);
  // The adapter.
  std::vector<HostedService> services;
  services.push_back({v1::ReportingService::service_full_name(),
                      std::make_unique<OwningReportingService>(std::move(parts))});
  return services;
}

}  // namespace pif::reporting
