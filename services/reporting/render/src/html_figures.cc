// Counts and figures as HTML, and the self-evaluation parts of the page (an area's line, 10.1).
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "html_escape.h"
#include "html_parts.h"
#include "svg_charts.h"
#include "text_format.h"

namespace pif::report_render {
namespace {

constexpr char kDash[] = "\u2013";

std::string SuppressedHtml(const std::string& why) {
  return absl::StrCat("<span class=\"supp\" title=\"", EscapeHtml(why), "\">c</span>");
}

// The label of a grade on the six-point scale.
std::string GradeLabel(int grade) {
  switch (grade) {
    case 6:
      return "Excellent";
    case 5:
      return "Very good";
    case 4:
      return "Good";
    case 3:
      return "Adequate";
    case 2:
      return "Weak";
    case 1:
      return "Unsatisfactory";
    default:
      return "";
  }
}

// "4 (Good)" or "4.5 (between Good and Very good)".
std::string MedianText(double median) {
  const double whole = std::floor(median);
  if (median == whole) {
    return absl::StrCat(static_cast<int>(whole), " (", GradeLabel(static_cast<int>(whole)), ")");
  }
  return absl::StrCat(OneDecimal(median), " (between ", GradeLabel(static_cast<int>(whole)),
                      " and ", GradeLabel(static_cast<int>(whole) + 1), ")");
}

}  // namespace

std::string CountHtml(bool present, const common::v1::Count& count) {
  if (!present) return kDash;
  switch (count.count_case()) {
    case common::v1::Count::kValue:
      return GroupedInteger(count.value());
    case common::v1::Count::kSuppressed:
      return SuppressedHtml(count.suppressed() == common::v1::SUPPRESSION_REASON_SECONDARY
                                ? "suppressed (secondary)"
                                : "suppressed (small count)");
    default:
      return kDash;
  }
}

std::string FigureHtml(const Figure& figure, const std::string& unit) {
  if (figure.state == Figure::State::kWithheld && WithheldForDisclosure(figure.withheld)) {
    return SuppressedHtml(absl::StrCat("withheld: ", WithholdSentence(figure.withheld)));
  }
  if (figure.state == Figure::State::kValue) {
    return EscapeHtml(
        absl::StrCat(FigureText(figure), unit.empty() ? "" : absl::StrCat(" ", unit)));
  }
  return kDash;
}

std::string AreaEvaluationHtml(const reporting::v1::AreaEvaluation& evaluation) {
  if (!evaluation.has_self_evaluation()) {
    return "<p class=\"area-grade\">Self-evaluation: not evaluated on or before the census "
           "date.</p>\n";
  }
  const reporting::v1::SelfEvaluation& latest = evaluation.self_evaluation();
  std::string html =
      absl::StrCat("<p class=\"area-grade\">Self-evaluation: <strong>grade ", latest.grade(), ", ",
                   EscapeHtml(evaluation.grade_label()), "</strong> (evaluated ",
                   EscapeHtml(LongDate(latest.eval_date())));
  if (!latest.qi_ref().empty()) {
    absl::StrAppend(&html, "; quality indicator ", EscapeHtml(latest.qi_ref()));
  }
  absl::StrAppend(&html, ").</p>\n");
  return html;
}

std::string SelfEvaluationSummaryHtml(const reporting::v1::SelfEvaluationSummary& summary,
                                      int heading_level, HtmlContext& context) {
  const std::string heading_id = context.NewId();
  const common::v1::Date& census = context.report.period().last_day();
  std::string html = absl::StrCat("<article class=\"indicator self-evaluation\" aria-labelledby=\"",
                                  heading_id, "\">\n<h", heading_level, " id=\"", heading_id,
                                  "\"><span class=\"code\">10.1</span> Summary of the "
                                  "self-evaluation</h",
                                  heading_level, ">\n");
  absl::StrAppend(&html,
                  "<table class=\"se-table\"><caption>Latest self-evaluation of each area "
                  "on or before ",
                  EscapeHtml(LongDate(census)),
                  "</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Grade</th>"
                  "<th scope=\"col\">Label</th><th scope=\"col\">Date</th><th scope=\"col\">"
                  "Quality indicator</th><th scope=\"col\">Evidence</th><th scope=\"col\">"
                  "Approved by</th></tr></thead>\n<tbody>\n");
  for (const reporting::v1::AreaEvaluation& area : summary.areas()) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">", area.area(), " ",
                    EscapeHtml(area.area_title()), "</th>");
    if (!area.has_self_evaluation()) {
      absl::StrAppend(&html, "<td colspan=\"6\" class=\"not-evaluated\">Not evaluated</td></tr>\n");
      continue;
    }
    const reporting::v1::SelfEvaluation& latest = area.self_evaluation();
    absl::StrAppend(
        &html, "<td class=\"grade\">", latest.grade(), "</td><td>", EscapeHtml(area.grade_label()),
        "</td><td class=\"date\">", EscapeHtml(IsoDate(latest.eval_date())), "</td><td>",
        latest.qi_ref().empty() ? kDash : EscapeHtml(latest.qi_ref()),
        "</td><td class=\"evidence\">",
        latest.evidence().empty() ? "not recorded" : EscapeHtml(latest.evidence()), "</td><td>",
        latest.approved_by().empty() ? "not recorded" : EscapeHtml(latest.approved_by()),
        "</td></tr>\n");
  }
  absl::StrAppend(&html, "</tbody></table>\n");

  std::vector<BarChartRow> bars;
  std::string spoken;
  int largest = 0;
  absl::StrAppend(&html,
                  "<div class=\"breakdown\">\n<table class=\"grade-counts\"><caption>Areas at each "
                  "grade</caption>\n<thead><tr><th scope=\"col\">Grade</th><th scope=\"col\">"
                  "Label</th><th scope=\"col\">Areas</th></tr></thead>\n<tbody>\n");
  for (const reporting::v1::GradeCount& count : summary.grade_counts()) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">", count.grade(), "</th><td>",
                    EscapeHtml(count.label()), "</td><td>", count.count(), "</td></tr>\n");
    largest = std::max(largest, count.count());
    bars.push_back({absl::StrCat(count.grade(), " ", count.label()),
                    static_cast<double>(count.count()), absl::StrCat(count.count())});
    absl::StrAppend(&spoken, spoken.empty() ? "" : "; ", "grade ", count.grade(), " ",
                    count.label(), " ", count.count());
  }
  absl::StrAppend(&html, "</tbody></table>\n");
  if (!bars.empty()) {
    absl::StrAppend(
        &html,
        BarChartSvg(absl::StrCat("Areas at each grade: ", spoken, "."), bars, std::max(largest, 1)),
        "\n");
  }
  absl::StrAppend(&html, "</div>\n");

  absl::StrAppend(&html, "<p class=\"median\">Areas evaluated: <strong>",
                  summary.evaluated_area_count(), " of 10</strong>. ");
  if (summary.has_median_grade()) {
    absl::StrAppend(&html, "Median grade of the evaluated areas: <strong>",
                    EscapeHtml(MedianText(summary.median_grade())), "</strong>. ");
  } else {
    absl::StrAppend(&html, "No area has been evaluated, so there is no median. ");
  }
  absl::StrAppend(&html, "Grades are ordinal, so no mean is given.</p>\n</article>\n");
  return html;
}

}  // namespace pif::report_render
