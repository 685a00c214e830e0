// The pieces of the HTML page, each returning escaped markup: the page style, one indicator,
// an area's self-evaluation line and the 10.1 summary. html_page.cc puts them together.
#pragma once

#include <string>

#include "pif/common/v1/results.pb.h"
#include "pif/reporting/v1/report.pb.h"
#include "report_walk.h"
#include "text_format.h"

namespace pif::report_render {

// What the parts share while one page is written: the report, its sources and a counter for
// element ids unique within the page.
struct HtmlContext {
  const reporting::v1::Report& report;
  const SourceIndex& sources;
  int next_id = 0;

  // A fresh id ("p12") for an element of the page.
  std::string NewId() { return "p" + std::to_string(++next_id); }
};

// The page's CSS: screen and A4 print.
const char* PageStyle();

// A count as shown: the number with thousands separated, `c` (marked up as suppressed) when
// suppressed, an en dash when absent or empty.
std::string CountHtml(bool present, const common::v1::Count& count);

// A headline, cell or trend figure as shown (`c` marked up when withheld for disclosure).
std::string FigureHtml(const Figure& figure, const std::string& unit);

// One indicator as an <article> whose title is a heading of `heading_level` (4 or 5).
std::string IndicatorHtml(const reporting::v1::IndicatorEntry& entry, int heading_level,
                          HtmlContext& context);

// The line under an area heading giving its latest self-evaluation, or saying it has none.
std::string AreaEvaluationHtml(const reporting::v1::AreaEvaluation& evaluation);

// Indicator 10.1: the table of the areas' latest evaluations, the count per grade (table and
// bars) and the median, under a heading of `heading_level`.
std::string SelfEvaluationSummaryHtml(const reporting::v1::SelfEvaluationSummary& summary,
                                      int heading_level, HtmlContext& context);

}  // namespace pif::report_render
