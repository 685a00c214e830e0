// What a report is asked for: as the caller sent it (an ask), and checked (a ReportRequest). The
// checks are the domain's rules; the adapter only copies a request's fields into an ask.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/common/v1/disclosure.pb.h"
#include "pif/figures/period.h"
#include "pif/figures/period_check.h"

namespace pif::reporting {

// A report as asked for by BuildReport or a RenderReport draft, nothing checked yet.
struct ReportAsk {
  std::string council;
  figures::PeriodFields period;
  common::v1::DisclosureMode mode = common::v1::DISCLOSURE_MODE_UNSPECIFIED;
  // 0 asks for the most (5).
  int trend_period_count = 0;
  // Breakdown names as sent; empty asks for every standard breakdown.
  std::vector<std::string> breakdowns;
  // What the fields are called in errors: "" (BuildReport) or "draft." (a RenderReport draft).
  std::string field_prefix;
};

// A publication as asked for by PublishReport, nothing checked yet.
struct PublicationAsk {
  std::string council;
  figures::PeriodFields period;
  int trend_period_count = 0;
  std::string note;
  // The client's idempotency key; empty: none.
  std::string request_id;
};

// A report to build, every field checked. The council is checked by the caller.
struct ReportRequest {
  std::string council;
  figures::Period period;
  common::v1::DisclosureMode mode = common::v1::DISCLOSURE_MODE_PUBLISHED;
  // Periods the trends cover, the current one included: 1 to 5.
  int trend_period_count = 5;
  // The standard child breakdowns of the tables, in StandardBreakdowns() order.
  std::vector<std::string> breakdowns;
};

// The five standard child breakdowns: sex, age_band, ethnic_group, disability, locality.
const std::vector<std::string>& StandardBreakdowns();

// The ask checked (INVALID_ARGUMENT naming the field, with the ask's prefix): a period, a known
// disclosure mode (unset = PUBLISHED), 0-5 trend periods (0 = 5), standard breakdowns (empty =
// all five, kept in standard order once each).
absl::StatusOr<ReportRequest> CheckReportAsk(const ReportAsk& ask);

// The report a publication publishes (PUBLISHED, every breakdown), after its note (at most 2000
// bytes) and request id (at most 128 printable ASCII characters) are checked.
absl::StatusOr<ReportRequest> CheckPublicationAsk(const PublicationAsk& ask);

}  // namespace pif::reporting
