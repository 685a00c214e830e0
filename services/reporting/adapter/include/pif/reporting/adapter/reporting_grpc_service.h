// The gRPC adapter of the reporting service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/reporting/domain/reports.h"
#include "pif/reporting/domain/self_evaluations.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"
#include "pif/submission/store.h"

namespace pif::reporting {

// What the rpcs call; every part must outlive the service.
struct ReportingParts {
  // The submission store of self-evaluations as the contract shows it
  // (SelfEvaluationSubmissions), over SelfEvaluationSchema().
  submission::SubmissionStore* submissions = nullptr;
  SelfEvaluations* self_evaluations = nullptr;
  Reports* reports = nullptr;
};

// Implements pif.reporting.v1.ReportingService: each rpc authorizes its caller first (a
// CallScope; then the domain's access rules for drafts and INTERNAL reports), converts its request,
// makes one call (to the domain, or to the shared submission handlers over `submissions`) and
// converts the answer back; every error goes through ToGrpcStatus.
class ReportingGrpcService : public v1::ReportingService::Service {
 public:
  explicit ReportingGrpcService(ReportingParts parts) : parts_(parts) {}

  grpc::Status RecordSelfEvaluation(grpc::ServerContext* context,
                                    const v1::RecordSelfEvaluationRequest* request,
                                    v1::RecordSelfEvaluationResponse* response) override;
  grpc::Status SubmitSelfEvaluations(grpc::ServerContext* context,
                                     grpc::ServerReader<v1::SubmitSelfEvaluationsRequest>* reader,
                                     v1::SubmitSelfEvaluationsResponse* response) override;
  grpc::Status ListSelfEvaluations(grpc::ServerContext* context,
                                   const v1::ListSelfEvaluationsRequest* request,
                                   v1::ListSelfEvaluationsResponse* response) override;
  grpc::Status ListRejections(grpc::ServerContext* context,
                              const v1::ListRejectionsRequest* request,
                              v1::ListRejectionsResponse* response) override;
  grpc::Status BuildReport(grpc::ServerContext* context, const v1::BuildReportRequest* request,
                           v1::BuildReportResponse* response) override;
  grpc::Status PublishReport(grpc::ServerContext* context, const v1::PublishReportRequest* request,
                             v1::PublishReportResponse* response) override;
  grpc::Status ListPublishedReports(grpc::ServerContext* context,
                                    const v1::ListPublishedReportsRequest* request,
                                    v1::ListPublishedReportsResponse* response) override;
  grpc::Status GetPublishedReport(grpc::ServerContext* context,
                                  const v1::GetPublishedReportRequest* request,
                                  v1::GetPublishedReportResponse* response) override;
  grpc::Status RenderReport(grpc::ServerContext* context, const v1::RenderReportRequest* request,
                            v1::RenderReportResponse* response) override;

 private:
  ReportingParts parts_;
};

}  // namespace pif::reporting
