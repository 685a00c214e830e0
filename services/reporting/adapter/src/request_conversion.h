// The reporting service's request messages as the domain's asks: fields copied, nothing checked
// (the domain checks them).
#pragma once

#include <string>

#include "pif/reporting/domain/report_request.h"
#include "pif/reporting/domain/reports.h"
#include "pif/reporting/domain/self_evaluations.h"
#include "pif/reporting/v1/reporting_service.pb.h"

namespace pif::reporting {

// BuildReport's request as a ReportAsk (fields named as in the request).
ReportAsk ReportAskOf(const v1::BuildReportRequest& request);

// A RenderReport draft of `council` as a ReportAsk, its fields named `draft.<field>`; no
// breakdowns asked (every one).
ReportAsk ReportAskOf(const std::string& council, const v1::ReportDraft& draft);

// PublishReport's request as a PublicationAsk.
PublicationAsk PublicationAskOf(const v1::PublishReportRequest& request);

// RenderReport's request as a RenderAsk: its draft, or its published version when that is the
// source set.
RenderAsk RenderAskOf(const v1::RenderReportRequest& request);

// ListSelfEvaluations' request as a query (on_or_before as sent, when set).
SelfEvaluationQuery SelfEvaluationQueryOf(const v1::ListSelfEvaluationsRequest& request);

// ListPublishedReports' request as a query (the period as sent, when set).
PublishedQuery PublishedQueryOf(const v1::ListPublishedReportsRequest& request);

// RecordSelfEvaluation's request as a recording by `caller`: the evaluation as a flat record of
// SelfEvaluationSchema() with what converting it found wrong, or none when the request has none.
EvaluationRecording EvaluationRecordingOf(const v1::RecordSelfEvaluationRequest& request,
                                          const std::string& caller);

}  // namespace pif::reporting
