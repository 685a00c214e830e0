// Renders a built or published PIF report (pif.reporting.v1.Report) as a file: a self-contained
// HTML page, CSV or JSON. Pure: no clock, no I/O, no gRPC, no SQL; the same Report always
// renders the same bytes. The formats are described in src/html_page.h, src/csv_render.h and
// src/json_render.h. A value whose numerator or denominator is suppressed is never rendered, in
// any format, even if a report wrongly carries one (src/disclosure_guard.h).
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "pif/reporting/v1/report.pb.h"
#include "pif/reporting/v1/reporting_service.pb.h"

namespace pif::report_render {

// The report in `format` as UTF-8 text (HTML: one page with inline CSS and SVG, nothing
// external; CSV: RFC 4180, one row per figure; JSON: the proto3 JSON mapping of the Report);
// INVALID_ARGUMENT for RENDER_FORMAT_UNSPECIFIED or an unknown format, or a report without a
// council or a complete period.
absl::StatusOr<std::string> RenderReport(const pif::reporting::v1::Report& report,
                                         pif::reporting::v1::RenderFormat format);

}  // namespace pif::report_render
