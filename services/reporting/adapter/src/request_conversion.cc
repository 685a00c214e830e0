#include "request_conversion.h"

#include "pif/proto_util/dates.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/submission_grpc/codec.h"

namespace pif::reporting {

ReportAsk ReportAskOf(const v1::BuildReportRequest& request) {
  ReportAsk ask;
  ask.council = request.council();
  ask.period = PeriodFieldsOf(request.period(), request.has_period());
  ask.mode = request.disclosure_mode();
  ask.trend_period_count = request.trend_period_count();
  ask.breakdowns.assign(request.breakdown_dimensions().begin(),
                        request.breakdown_dimensions().end());
  return ask;
}

ReportAsk ReportAskOf(const std::string& council, const v1::ReportDraft& draft) {
  ReportAsk ask;
  ask.council = council;
  ask.period = PeriodFieldsOf(draft.period(), draft.has_period());
  ask.mode = draft.disclosure_mode();
  ask.trend_period_count = draft.trend_period_count();
  ask.field_prefix = "draft.";
  return ask;
}

PublicationAsk PublicationAskOf(const v1::PublishReportRequest& request) {
  PublicationAsk ask;
  ask.council = request.council();
  ask.period = PeriodFieldsOf(request.period(), request.has_period());
  ask.trend_period_count = request.trend_period_count();
  ask.note = request.note();
  ask.request_id = request.request_id();
  return ask;
}

RenderAsk RenderAskOf(const v1::RenderReportRequest& request) {
  RenderAsk ask;
  ask.council = request.council();
  ask.format = request.format();
  if (request.has_draft()) {
    ask.draft = ReportAskOf(request.council(), request.draft());
  } else if (request.source_case() == v1::RenderReportRequest::kPublishedVersion) {
    ask.published_version = request.published_version();
  }
  return ask;
}

SelfEvaluationQuery SelfEvaluationQueryOf(const v1::ListSelfEvaluationsRequest& request) {
  SelfEvaluationQuery query;
  query.council = request.council();
  query.areas.assign(request.areas().begin(), request.areas().end());
  if (request.has_on_or_before()) {
    const common::v1::Date& day = request.on_or_before();
    query.on_or_before = figures::DayFields{day.year(), day.month(), day.day()};
  }
  query.latest_only = request.latest_only();
  query.page = PageAsk{request.page_size(), request.page_token()};
  return query;
}

PublishedQuery PublishedQueryOf(const v1::ListPublishedReportsRequest& request) {
  PublishedQuery query;
  query.council = request.council();
  if (request.has_period()) query.period = PeriodFieldsOf(request.period(), true);
  query.page = PageAsk{request.page_size(), request.page_token()};
  return query;
}

EvaluationRecording EvaluationRecordingOf(const v1::RecordSelfEvaluationRequest& request,
                                          const std::string& caller) {
  EvaluationRecording recording;
  recording.council = request.council();
  recording.caller = caller;
  if (request.has_self_evaluation()) {
    const submission::RecordSchema* schema = SelfEvaluationSchema().Find(kSelfEvaluationType);
    recording.evaluation = submission_grpc::ToFlat(request.self_evaluation(), *schema,
                                                   &recording.conversion_violations);
  }
  return recording;
}

}  // namespace pif::reporting
