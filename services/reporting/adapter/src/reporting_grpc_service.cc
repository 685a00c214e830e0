#include "pif/reporting/adapter/reporting_grpc_service.h"

#include <utility>

#include "pif/grpc/call_scope.h"
#include "pif/grpc/status_mapping.h"
#include "pif/reporting/domain/access_rules.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/submission_grpc/list_rejections.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/submission_stream.h"
#include "request_conversion.h"

namespace pif::reporting {
namespace {

// A published document as the contract's PublishedReport.
v1::PublishedReport ToProto(PublishedDocument document) {
  v1::PublishedReport published;
  *published.mutable_summary() = std::move(document.summary);
  *published.mutable_report() = std::move(document.report);
  return published;
}

}  // namespace

grpc::Status ReportingGrpcService::RecordSelfEvaluation(
    grpc::ServerContext* context, const v1::RecordSelfEvaluationRequest* request,
    v1::RecordSelfEvaluationResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<RecordedOne> recorded =
      parts_.self_evaluations->Record(EvaluationRecordingOf(*request, call.RecordedCaller()));
  if (!recorded.ok()) return ToGrpcStatus(recorded.status());
  *response->mutable_recorded_self_evaluation() = std::move(recorded->recorded);
  response->set_replaced(recorded->replaced);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::SubmitSelfEvaluations(
    grpc::ServerContext* context, grpc::ServerReader<v1::SubmitSelfEvaluationsRequest>* reader,
    v1::SubmitSelfEvaluationsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(std::nullopt); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  auto summary = submission_grpc::ReceiveSubmission(
      call, *reader, *parts_.submissions, SelfEvaluationSchema(),
      [](const v1::SubmittedSelfEvaluationChunk& chunk) -> const auto& {
        return chunk.self_evaluations();
      },
      [](const v1::SubmittedSelfEvaluation& submitted) -> const google::protobuf::Message* {
        return submitted.has_self_evaluation() ? &submitted.self_evaluation() : nullptr;
      });
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  *response->mutable_summary() = submission_grpc::ToProto(*summary);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::ListSelfEvaluations(
    grpc::ServerContext* context, const v1::ListSelfEvaluationsRequest* request,
    v1::ListSelfEvaluationsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<Page<v1::RecordedSelfEvaluation>> page =
      parts_.self_evaluations->List(SelfEvaluationQueryOf(*request));
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (v1::RecordedSelfEvaluation& recorded : page->items) {
    *response->add_self_evaluations() = std::move(recorded);
  }
  response->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::ListRejections(grpc::ServerContext* context,
                                                  const v1::ListRejectionsRequest* request,
                                                  v1::ListRejectionsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  // One record type (SelfEvaluation), so no type filter.
  return ToGrpcStatus(submission_grpc::ListRejections(
      *parts_.submissions, *request, submission_grpc::EveryRecordType<v1::ListRejectionsRequest>,
      response));
}

grpc::Status ReportingGrpcService::BuildReport(grpc::ServerContext* context,
                                               const v1::BuildReportRequest* request,
                                               v1::BuildReportResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const ReportAsk asked = ReportAskOf(*request);
  if (absl::Status access = CheckDraftAccess(call.caller(), asked); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<v1::Report> report = parts_.reports->Build(asked);
  if (!report.ok()) return ToGrpcStatus(report.status());
  *response->mutable_report() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::PublishReport(grpc::ServerContext* context,
                                                 const v1::PublishReportRequest* request,
                                                 v1::PublishReportResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<Publication> publication =
      parts_.reports->Publish(PublicationAskOf(*request), call.RecordedCaller());
  if (!publication.ok()) return ToGrpcStatus(publication.status());
  *response->mutable_published_report() = ToProto(std::move(publication->document));
  response->set_replayed(publication->replayed);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::ListPublishedReports(
    grpc::ServerContext* context, const v1::ListPublishedReportsRequest* request,
    v1::ListPublishedReportsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<Page<v1::PublishedReportSummary>> page =
      parts_.reports->ListPublished(PublishedQueryOf(*request));
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (v1::PublishedReportSummary& summary : page->items) {
    *response->add_published_reports() = std::move(summary);
  }
  response->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::GetPublishedReport(grpc::ServerContext* context,
                                                      const v1::GetPublishedReportRequest* request,
                                                      v1::GetPublishedReportResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<PublishedDocument> document =
      parts_.reports->GetPublished(request->council(), request->version());
  if (!document.ok()) return ToGrpcStatus(document.status());
  *response->mutable_published_report() = ToProto(*std::move(document));
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::RenderReport(grpc::ServerContext* context,
                                                const v1::RenderReportRequest* request,
                                                v1::RenderReportResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const RenderAsk asked = RenderAskOf(*request);
  if (absl::Status access = CheckRenderAccess(call.caller(), asked); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<RenderedReport> rendered = parts_.reports->Render(asked);
  if (!rendered.ok()) return ToGrpcStatus(rendered.status());
  response->set_content(std::move(rendered->content));
  response->set_content_type(rendered->content_type);
  response->set_file_name(rendered->file_name);
  response->set_published_version(rendered->published_version);
  return grpc::Status::OK;
}

}  // namespace pif::reporting
