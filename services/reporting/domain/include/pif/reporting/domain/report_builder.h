// Builds the structured PIF report of a council and period from the indicators and workforce
// services, intake's count of records still rejected, and the council's self-evaluation.
#pragma once

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/reporting/domain/report_request.h"
#include "pif/reporting/domain/report_sources.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::reporting {

// Indicators never listed on their own in a report: the parts of `2 R.5`, which the report shows
// as the respondent breakdown of `2 R.5` (protected there by secondary suppression) so that a
// suppressed part cannot be worked out from the combined total (docs/indicators.md).
bool ShownOnlyAsBreakdown(const std::string& code);

// The definitions version quoted in the provenance of the self-evaluation summary (10.1).
inline constexpr char kSelfEvaluationDefinitionsVersion[] = "10.1 v1";

// Builds reports; every source must outlive the builder.
//
// The report document (pif.reporting.v1.Report) is the one contract message the domain keeps as
// its own output type: a published version is stored as that message's bytes and must render
// byte-identically for ever after, so the builder fills the message itself rather than a domain
// copy converted later (a second representation that could drift from the stored bytes). The
// figures, provenance and notes it copies in come as the indicators' and workforce services'
// answers, which are parts of the same document.
class ReportBuilder {
 public:
  ReportBuilder(IndicatorsSource& indicators, WorkforceSource& workforce, IntakeSource& intake,
                SelfEvaluationReader& self_evaluations, std::function<absl::Time()> clock);

  // The report: six key questions with their ten areas; areas 1 and 2 holding the catalogue's
  // indicators grouped by SHANARRI heading, area 5 its indicators, areas 7 and 9 the workforce
  // figures, each with previous value, trend and change; every area's latest self-evaluation and
  // 10.1 under area 10; data-quality notes; the provenance of every computation used. Every
  // figure comes in `request.mode`. Fails (UNAVAILABLE naming the service) when a source cannot
  // be reached: a report is never built with gaps.
  absl::StatusOr<v1::Report> Build(const ReportRequest& request);

 private:
  IndicatorsSource& indicators_;
  WorkforceSource& workforce_;
  IntakeSource& intake_;
  SelfEvaluationReader& self_evaluations_;
  std::function<absl::Time()> clock_;
};

}  // namespace pif::reporting
