// The report as one self-contained HTML page.
#pragma once

#include <string>

#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// The whole page: title, contents, how to read it, data quality, the six key questions with
// their areas and indicators, 10.1, and the sources of every figure. Inline CSS and SVG only;
// every text from the report is escaped.
std::string RenderHtml(const reporting::v1::Report& report);

}  // namespace pif::report_render
