// What a report is asked for, checked: the period, disclosure mode, trend length and breakdowns
// of BuildReport, a draft of RenderReport, and PublishReport.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/common/v1/disclosure.pb.h"
#include "pif/reporting/v1/reporting_service.pb.h"
#include "proto_dates.h"

namespace pif::reporting {

// A report to build, every field checked. The council is checked by the caller.
struct ReportRequest {
  std::string council;
  PeriodDates period;
  common::v1::DisclosureMode mode = common::v1::DISCLOSURE_MODE_PUBLISHED;
  // Periods the trends cover, the current one included: 1 to 5.
  int trend_period_count = 5;
  // The standard child breakdowns of the tables, in StandardBreakdowns() order.
  std::vector<std::string> breakdowns;
};

// The five standard child breakdowns: sex, age_band, ethnic_group, disability, locality.
const std::vector<std::string>& StandardBreakdowns();

// BuildReport's request checked (INVALID_ARGUMENT naming the field): a period, a known disclosure
// mode (unset = PUBLISHED), 0-5 trend periods (0 = 5), standard breakdowns (empty = all five).
absl::StatusOr<ReportRequest> ReportRequestOf(const v1::BuildReportRequest& request);

// A RenderReport draft checked like BuildReport, fields named `draft.<field>`; every breakdown.
absl::StatusOr<ReportRequest> ReportRequestOf(const std::string& council,
                                              const v1::ReportDraft& draft);

// PublishReport's request checked: the report it publishes (PUBLISHED, every breakdown), a note
// of at most 2000 characters and a request id of at most 128 printable ASCII characters.
absl::StatusOr<ReportRequest> ReportRequestOf(const v1::PublishReportRequest& request);

}  // namespace pif::reporting
