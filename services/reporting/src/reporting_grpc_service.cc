#include "reporting_grpc_service.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "framework.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"
#include "pif/grpc/caller_identity.h"
#include "pif/grpc/status_mapping.h"
#include "pif/report_render/render.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/codec.h"
#include "pif/submission_grpc/list_rejections.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/request_checks.h"
#include "pif/submission_grpc/submission_stream.h"
#include "rendered_file.h"
#include "report_request.h"
#include "self_evaluation_schema.h"

namespace pif::reporting {
namespace {

using submission_grpc::CheckCouncil;

constexpr int kDefaultEvaluationPage = 100;
constexpr int kMaxEvaluationPage = 500;
constexpr int kDefaultPublishedPage = 50;
constexpr int kMaxPublishedPage = 500;

// The version a published report request names: 1 or more.
absl::Status CheckVersion(int64_t version, const std::string& field) {
  if (version >= 1) return absl::OkStatus();
  return InvalidField(field, "OUT_OF_RANGE", absl::StrCat(field, " must be 1 or more"));
}

// A stored version as the contract gives it: its summary and the Report parsed from its bytes.
absl::StatusOr<v1::PublishedReport> PublishedReportOf(const PublishedVersion& version) {
  v1::PublishedReport published;
  *published.mutable_summary() = version.summary;
  if (!published.mutable_report()->ParseFromString(version.report_bytes)) {
    return absl::DataLossError(
        absl::StrCat("published report version ", version.summary.version(), " cannot be read"));
  }
  return published;
}

// The evaluation of a RecordSelfEvaluation request as a valid flat record; INVALID_ARGUMENT
// with every violation (fields named `self_evaluation.<column>`) otherwise.
absl::StatusOr<submission::FlatRecord> ValidEvaluationOf(
    const v1::RecordSelfEvaluationRequest& request) {
  if (!request.has_self_evaluation()) {
    return InvalidField("self_evaluation", "REQUIRED_FIELD_MISSING", "self_evaluation is required");
  }
  const submission::RecordSchema* schema = SelfEvaluationSchema().Find(kSelfEvaluationType);
  std::vector<FieldViolation> violations;
  submission::FlatRecord flat =
      submission_grpc::ToFlat(request.self_evaluation(), *schema, &violations);
  for (FieldViolation& violation : submission::ValidateRecord(flat)) {
    violations.push_back(std::move(violation));
  }
  if (violations.empty()) return flat;
  for (FieldViolation& violation : violations) {
    violation.field = violation.field.empty() ? "self_evaluation"
                                              : absl::StrCat("self_evaluation.", violation.field);
  }
  return InvalidArgumentWithFields(
      absl::StrCat("the self-evaluation is not valid: ", violations.front().message), violations);
}

// Empties `clearance.batch_id` of the rejections cleared by RecordSelfEvaluation: its batches of
// one are the service's own, and the contract shows them with no batch id (as
// ListSelfEvaluations does).
absl::Status HideSingleRecordBatches(submission::SubmissionStore& store, const std::string& council,
                                     v1::ListRejectionsResponse* response) {
  std::map<std::string, bool> single;  // batch id -> committed by RecordSelfEvaluation
  for (common::v1::StoredRejection& rejection : *response->mutable_rejections()) {
    if (!rejection.has_clearance() ||
        rejection.clearance().cause_case() != common::v1::Clearance::kBatchId) {
      continue;
    }
    const std::string& batch_id = rejection.clearance().batch_id();
    if (!absl::StartsWith(batch_id, kSingleRecordBatchPrefix)) continue;
    auto known = single.find(batch_id);
    if (known == single.end()) {
      absl::StatusOr<submission::BatchAudit> audit = store.GetBatch(council, batch_id);
      if (!audit.ok()) return audit.status();
      known = single.emplace(batch_id, IsSingleRecordBatch(batch_id, audit->source_system)).first;
    }
    if (known->second) rejection.mutable_clearance()->set_batch_id("");
  }
  return absl::OkStatus();
}

}  // namespace

grpc::Status ReportingGrpcService::RecordSelfEvaluation(
    grpc::ServerContext* context, const v1::RecordSelfEvaluationRequest* request,
    v1::RecordSelfEvaluationResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  absl::StatusOr<submission::FlatRecord> evaluation = ValidEvaluationOf(*request);
  if (!evaluation.ok()) return ToGrpcStatus(evaluation.status());
  absl::StatusOr<RecordedOne> recorded =
      parts_.self_evaluations->Record(request->council(), *evaluation, CallerIdentity(*context));
  if (!recorded.ok()) return ToGrpcStatus(recorded.status());
  *response->mutable_recorded_self_evaluation() = std::move(recorded->recorded);
  response->set_replaced(recorded->replaced);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::SubmitSelfEvaluations(
    grpc::ServerContext* context, grpc::ServerReader<v1::SubmitSelfEvaluationsRequest>* reader,
    v1::SubmitSelfEvaluationsResponse* response) {
  auto summary = submission_grpc::ReceiveSubmission(
      *context, *reader, *parts_.submissions, SelfEvaluationSchema(),
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
    grpc::ServerContext*, const v1::ListSelfEvaluationsRequest* request,
    v1::ListSelfEvaluationsResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  SelfEvaluationFilter filter;
  filter.council = request->council();
  for (int i = 0; i < request->areas_size(); ++i) {
    const int area = request->areas(i);
    if (area < 1 || area > kAreaCount) {
      return ToGrpcStatus(InvalidField(absl::StrCat("areas[", i, "]"), "OUT_OF_RANGE",
                                       absl::StrCat("areas[", i, "] must be 1 to ", kAreaCount)));
    }
    filter.areas.push_back(area);
  }
  if (request->has_on_or_before()) {
    std::optional<dates::Date> day = FromProto(request->on_or_before());
    if (!day.has_value()) {
      return ToGrpcStatus(
          InvalidField("on_or_before", "MALFORMED_DATE", "on_or_before must be a calendar date"));
    }
    filter.on_or_before = day;
  }
  filter.latest_only = request->latest_only();
  auto page_size = PageSize(request->page_size(), kDefaultEvaluationPage, kMaxEvaluationPage);
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  auto offset = ParseOffsetPageToken(request->page_token());
  if (!offset.ok()) return ToGrpcStatus(offset.status());
  // One more than the page, to know whether another page follows.
  filter.limit = *page_size + 1;
  filter.offset = *offset;
  auto listed = parts_.self_evaluations->List(filter);
  if (!listed.ok()) return ToGrpcStatus(listed.status());
  const bool more = static_cast<int>(listed->size()) > *page_size;
  if (more) listed->resize(static_cast<size_t>(*page_size));
  for (v1::RecordedSelfEvaluation& recorded : *listed) {
    *response->add_self_evaluations() = std::move(recorded);
  }
  if (more) response->set_next_page_token(OffsetPageToken(*offset + *page_size));
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::ListRejections(grpc::ServerContext*,
                                                  const v1::ListRejectionsRequest* request,
                                                  v1::ListRejectionsResponse* response) {
  // One record type (SelfEvaluation), so no type filter.
  absl::Status listed = submission_grpc::ListRejections(
      *parts_.submissions, *request, submission_grpc::EveryRecordType<v1::ListRejectionsRequest>,
      response);
  if (!listed.ok()) return ToGrpcStatus(listed);
  return ToGrpcStatus(HideSingleRecordBatches(*parts_.submissions, request->council(), response));
}

grpc::Status ReportingGrpcService::BuildReport(grpc::ServerContext*,
                                               const v1::BuildReportRequest* request,
                                               v1::BuildReportResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  absl::StatusOr<ReportRequest> report_request = ReportRequestOf(*request);
  if (!report_request.ok()) return ToGrpcStatus(report_request.status());
  absl::StatusOr<v1::Report> report = parts_.builder->Build(*report_request);
  if (!report.ok()) return ToGrpcStatus(report.status());
  *response->mutable_report() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::PublishReport(grpc::ServerContext* context,
                                                 const v1::PublishReportRequest* request,
                                                 v1::PublishReportResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  absl::StatusOr<AddedPublication> added =
      parts_.publisher->Publish(*request, CallerIdentity(*context));
  if (!added.ok()) return ToGrpcStatus(added.status());
  // count: the versions this call stored (0 when its request id replayed an earlier one).
  log::Event(log::Level::kInfo, "report_published")
      .Str(log::Key::kCouncil, request->council())
      .Int(log::Key::kVersion, added->version.summary.version())
      .Int(log::Key::kCount, added->replayed ? 0 : 1);
  absl::StatusOr<v1::PublishedReport> published = PublishedReportOf(added->version);
  if (!published.ok()) return ToGrpcStatus(published.status());
  *response->mutable_published_report() = *std::move(published);
  response->set_replayed(added->replayed);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::ListPublishedReports(
    grpc::ServerContext*, const v1::ListPublishedReportsRequest* request,
    v1::ListPublishedReportsResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  PublishedFilter filter;
  filter.council = request->council();
  if (request->has_period()) {
    absl::StatusOr<PeriodDates> period = CheckPeriod(request->period(), true, "period");
    if (!period.ok()) return ToGrpcStatus(period.status());
    filter.period = *period;
  }
  auto page_size = PageSize(request->page_size(), kDefaultPublishedPage, kMaxPublishedPage);
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  auto offset = ParseOffsetPageToken(request->page_token());
  if (!offset.ok()) return ToGrpcStatus(offset.status());
  filter.limit = *page_size + 1;
  filter.offset = *offset;
  auto listed = parts_.published->List(filter);
  if (!listed.ok()) return ToGrpcStatus(listed.status());
  const bool more = static_cast<int>(listed->size()) > *page_size;
  if (more) listed->resize(static_cast<size_t>(*page_size));
  for (v1::PublishedReportSummary& summary : *listed) {
    *response->add_published_reports() = std::move(summary);
  }
  if (more) response->set_next_page_token(OffsetPageToken(*offset + *page_size));
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::GetPublishedReport(grpc::ServerContext*,
                                                      const v1::GetPublishedReportRequest* request,
                                                      v1::GetPublishedReportResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  if (absl::Status checked = CheckVersion(request->version(), "version"); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  absl::StatusOr<PublishedVersion> version =
      parts_.published->Get(request->council(), request->version());
  if (!version.ok()) return ToGrpcStatus(version.status());
  absl::StatusOr<v1::PublishedReport> published = PublishedReportOf(*version);
  if (!published.ok()) return ToGrpcStatus(published.status());
  *response->mutable_published_report() = *std::move(published);
  return grpc::Status::OK;
}

grpc::Status ReportingGrpcService::RenderReport(grpc::ServerContext*,
                                                const v1::RenderReportRequest* request,
                                                v1::RenderReportResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  if (absl::Status checked = CheckRenderFormat(request->format()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  v1::Report report;
  int64_t version = 0;
  if (request->has_draft()) {
    absl::StatusOr<ReportRequest> draft = ReportRequestOf(request->council(), request->draft());
    if (!draft.ok()) return ToGrpcStatus(draft.status());
    absl::StatusOr<v1::Report> built = parts_.builder->Build(*draft);
    if (!built.ok()) return ToGrpcStatus(built.status());
    report = *std::move(built);
  } else if (request->source_case() == v1::RenderReportRequest::kPublishedVersion) {
    if (absl::Status checked = CheckVersion(request->published_version(), "published_version");
        !checked.ok()) {
      return ToGrpcStatus(checked);
    }
    absl::StatusOr<PublishedVersion> stored =
        parts_.published->Get(request->council(), request->published_version());
    if (!stored.ok()) return ToGrpcStatus(stored.status());
    absl::StatusOr<v1::PublishedReport> published = PublishedReportOf(*stored);
    if (!published.ok()) return ToGrpcStatus(published.status());
    report = std::move(*published->mutable_report());
    version = request->published_version();
  } else {
    return ToGrpcStatus(InvalidField("source", "REQUIRED_FIELD_MISSING",
                                     "source is required: a draft or a published_version"));
  }
  absl::StatusOr<std::string> content = report_render::RenderReport(report, request->format());
  if (!content.ok()) {
    // The report was built or stored here: a renderer refusing it is our fault, not the caller's.
    return ToGrpcStatus(absl::InternalError(
        absl::StrCat("the report could not be rendered: ", content.status().message())));
  }
  response->set_content(*std::move(content));
  response->set_content_type(ContentTypeOf(request->format()));
  response->set_file_name(FileNameOf(report, version, request->format()));
  response->set_published_version(version);
  return grpc::Status::OK;
}

}  // namespace pif::reporting
