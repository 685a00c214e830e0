// One indicator of the HTML page: headline figures, change, trend, breakdowns, supplementary
// figures, notes and provenance.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "html_escape.h"
#include "html_parts.h"
#include "svg_charts.h"
#include "text_format.h"

namespace pif::report_render {
namespace {

using common::v1::BreakdownCell;
using common::v1::Count;
using common::v1::IndicatorResult;
using reporting::v1::IndicatorEntry;
using reporting::v1::TrendPoint;

std::string Heading(int level, const std::string& id, const std::string& inner) {
  return absl::StrCat("<h", level, " id=\"", id, "\">", inner, "</h", level, ">\n");
}

// One term and its description in the figures list.
std::string Term(const std::string& term, const std::string& description_html,
                 const std::string& css_class = "") {
  return absl::StrCat("<div", css_class.empty() ? "" : absl::StrCat(" class=\"", css_class, "\""),
                      "><dt>", EscapeHtml(term), "</dt><dd>", description_html, "</dd></div>\n");
}

std::optional<double> PlottedValue(const Figure& figure) {
  if (figure.state == Figure::State::kValue) return figure.value;
  return std::nullopt;
}

// Which way the value went: 1 up, -1 down, 0 same; none when either value is missing.
std::optional<int> Direction(const Figure& previous, const Figure& current) {
  if (previous.state != Figure::State::kValue || current.state != Figure::State::kValue) {
    return std::nullopt;
  }
  const std::string before = OneDecimal(previous.value);
  const std::string after = OneDecimal(current.value);
  if (before == after) return 0;
  return current.value > previous.value ? 1 : -1;
}

std::string ChangeHtml(const IndicatorEntry& entry) {
  const Figure current = FigureOf(entry.result());
  const Figure previous = FigureOf(entry.previous());
  const std::optional<int> direction =
      entry.has_previous() ? Direction(previous, current) : std::nullopt;
  std::string arrow;
  if (direction.has_value()) {
    arrow = *direction > 0 ? "\u25B2 " : (*direction < 0 ? "\u25BC " : "= ");
  }
  std::string words;
  std::string css = "change-none";
  switch (entry.change()) {
    case reporting::v1::CHANGE_IMPROVED:
      words = "Improved";
      css = "change-improved";
      break;
    case reporting::v1::CHANGE_WORSENED:
      words = "Worse";
      css = "change-worse";
      break;
    case reporting::v1::CHANGE_SAME:
      words = "Same";
      css = "change-same";
      break;
    case reporting::v1::CHANGE_MOVED:
      words = direction.value_or(0) > 0   ? "Up (neither direction is better)"
              : direction.value_or(0) < 0 ? "Down (neither direction is better)"
                                          : "Moved (neither direction is better)";
      css = "change-same";
      break;
    default:
      if (!entry.has_previous()) {
        words = "No previous value to compare";
      } else if (entry.previous().definition_version() != entry.result().definition_version()) {
        words = "Not comparable: the definition changed";
      } else if (previous.state != Figure::State::kValue ||
                 current.state != Figure::State::kValue) {
        words = "Not comparable: a value is not given";
      } else {
        words = "Not comparable";
      }
      arrow.clear();
      break;
  }
  return absl::StrCat(
      "<span class=\"change ", css, "\">",
      arrow.empty() ? "" : absl::StrCat("<span aria-hidden=\"true\">", arrow, "</span>"),
      EscapeHtml(words), "</span>");
}

std::string SourceHtml(const std::string& result_id, const HtmlContext& context) {
  const std::string ref = context.sources.RefOf(result_id);
  if (ref.empty()) return "not recorded";
  return absl::StrCat("<a href=\"#src-", ref, "\">", ref, "</a>");
}

std::string ProvenanceHtml(const IndicatorEntry& entry, const HtmlContext& context) {
  std::string text = absl::StrCat("<p class=\"provenance\">Definition version ",
                                  EscapeHtml(entry.result().definition_version()), ". ");
  const common::v1::Provenance* source = context.sources.Find(entry.result_id());
  if (source == nullptr) {
    absl::StrAppend(&text, "The source of these figures is not recorded in this report.</p>\n");
    return text;
  }
  absl::StrAppend(&text, "Source ", SourceHtml(entry.result_id(), context), ": ");
  std::vector<std::string> parts;
  if (source->intake_data_version() != 0) {
    parts.push_back(absl::StrCat("intake data version ", source->intake_data_version()));
  }
  if (source->workforce_data_version() != 0) {
    parts.push_back(absl::StrCat("workforce data version ", source->workforce_data_version()));
  }
  parts.push_back(absl::StrCat("definitions ", EscapeHtml(source->definitions_version())));
  parts.push_back(absl::StrCat("computed ", TimestampText(source->computed_at())));
  for (size_t i = 0; i < parts.size(); ++i) absl::StrAppend(&text, i ? ", " : "", parts[i]);
  absl::StrAppend(&text, ".</p>\n");
  return text;
}

std::string TrendHtml(const IndicatorEntry& entry, const std::string& unit, HtmlContext& context) {
  const IndicatorResult& result = entry.result();
  bool any_figure = false;
  bool percentage = false;
  std::vector<TrendChartPoint> points;
  std::string spoken;
  for (int i = 0; i < entry.trend_points_size(); ++i) {
    const TrendPoint& point = entry.trend_points(i);
    const Figure figure = FigureOf(point);
    any_figure = any_figure || figure.state != Figure::State::kAbsent;
    percentage = percentage || figure.percentage;
    const bool changed =
        i > 0 && point.definition_version() != entry.trend_points(i - 1).definition_version();
    points.push_back(
        {PeriodShortLabel(point.period()), PlottedValue(figure), FigureText(figure), changed});
    absl::StrAppend(
        &spoken, i ? "; " : "", PeriodShortLabel(point.period()), " ", FigureSpoken(figure),
        changed ? absl::StrCat(" (definition version ", point.definition_version(), " from here)")
                : "");
  }
  if (!any_figure) return "";

  std::string html = "<div class=\"trend\">\n";
  const std::string description =
      absl::StrCat("Trend of ", result.code(), " over ", points.size(),
                   points.size() == 1 ? " period" : " periods",
                   unit.empty() ? "" : absl::StrCat(" (", unit, ")"), ": ", spoken, ".");
  absl::StrAppend(&html, TrendLineSvg(description, points, percentage), "\n");

  const bool counts = std::any_of(
      entry.trend_points().begin(), entry.trend_points().end(),
      [](const TrendPoint& point) { return point.has_numerator() || point.has_denominator(); });
  absl::StrAppend(&html, "<table class=\"trend-table\"><caption>", EscapeHtml(result.code()),
                  " over time</caption>\n<thead><tr><th scope=\"col\">Period</th>"
                  "<th scope=\"col\">Value</th>",
                  counts ? "<th scope=\"col\">N</th><th scope=\"col\">D</th>" : "",
                  "<th scope=\"col\">Definition</th><th scope=\"col\">Source</th></tr></thead>\n"
                  "<tbody>\n");
  for (const TrendPoint& point : entry.trend_points()) {
    absl::StrAppend(&html, "<tr><th scope=\"row\">", EscapeHtml(PeriodShortLabel(point.period())),
                    "</th><td>", FigureHtml(FigureOf(point), ""), "</td>");
    if (counts) {
      absl::StrAppend(&html, "<td>", CountHtml(point.has_numerator(), point.numerator()),
                      "</td><td>", CountHtml(point.has_denominator(), point.denominator()),
                      "</td>");
    }
    absl::StrAppend(&html, "<td>", EscapeHtml(point.definition_version()), "</td><td>",
                    SourceHtml(point.result_id(), context), "</td></tr>\n");
  }
  absl::StrAppend(&html, "</tbody></table>\n</div>\n");
  return html;
}

// Whether a cell's count is suppressed or its value withheld for disclosure.
bool HidesFigures(const BreakdownCell& cell) {
  const Figure figure = FigureOf(cell);
  return cell.numerator().count_case() == Count::kSuppressed ||
         cell.denominator().count_case() == Count::kSuppressed ||
         (figure.state == Figure::State::kWithheld && WithheldForDisclosure(figure.withheld));
}

// One dimension's table and bars; sets `*hidden` when a count or value in it is hidden.
std::string BreakdownHtml(const IndicatorResult& result, const std::string& dimension,
                          const std::vector<const BreakdownCell*>& cells, const std::string& unit,
                          bool* hidden) {
  const std::string title = DimensionTitle(dimension);
  std::string html = "<div class=\"breakdown\">\n";
  absl::StrAppend(&html, "<table><caption>", EscapeHtml(result.code()), " by ",
                  EscapeHtml(absl::AsciiStrToLower(title)),
                  "</caption>\n<thead><tr><th scope=\"col\">", EscapeHtml(title),
                  "</th><th scope=\"col\">N</th><th scope=\"col\">D</th><th scope=\"col\">Value"
                  "</th></tr></thead>\n<tbody>\n");
  bool percentage = false;
  double largest = 0;
  std::vector<BarChartRow> bars;
  std::string spoken;
  for (const BreakdownCell* cell : cells) {
    const Figure figure = FigureOf(*cell);
    const std::string label = CategoryLabel(dimension, cell->category());
    *hidden = *hidden || HidesFigures(*cell);
    percentage = percentage || figure.percentage;
    if (figure.state == Figure::State::kValue) largest = std::max(largest, figure.value);
    absl::StrAppend(&html, "<tr><th scope=\"row\">", EscapeHtml(label), "</th><td>",
                    CountHtml(cell->has_numerator(), cell->numerator()), "</td><td>",
                    CountHtml(cell->has_denominator(), cell->denominator()), "</td><td>",
                    FigureHtml(figure, unit), "</td></tr>\n");
    bars.push_back({label, PlottedValue(figure), FigureText(figure)});
    absl::StrAppend(&spoken, spoken.empty() ? "" : "; ", label, " ", FigureSpoken(figure));
  }
  absl::StrAppend(&html, "</tbody></table>\n");
  const bool any_value = std::any_of(bars.begin(), bars.end(),
                                     [](const BarChartRow& bar) { return bar.value.has_value(); });
  if (any_value) {
    const std::string description =
        absl::StrCat(result.code(), " by ", absl::AsciiStrToLower(title), ": ", spoken, ".");
    absl::StrAppend(&html, BarChartSvg(description, bars, percentage ? 100.0 : largest), "\n");
  }
  absl::StrAppend(&html, "</div>\n");
  return html;
}

std::string BreakdownsHtml(const IndicatorResult& result, const std::string& unit) {
  // Cells grouped by dimension, dimensions in order of first appearance.
  std::vector<std::pair<std::string, std::vector<const BreakdownCell*>>> groups;
  for (const BreakdownCell& cell : result.breakdowns()) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& group) { return group.first == cell.dimension(); });
    if (it == groups.end()) {
      groups.push_back({cell.dimension(), {}});
      it = groups.end() - 1;
    }
    it->second.push_back(&cell);
  }
  std::string html;
  if (groups.empty()) return html;
  html = "<div class=\"breakdowns\">\n";
  bool hidden = false;
  for (const auto& [dimension, cells] : groups) {
    absl::StrAppend(&html, BreakdownHtml(result, dimension, cells, unit, &hidden));
  }
  if (hidden) {
    absl::StrAppend(&html,
                    "<p class=\"table-note\"><span class=\"supp\">c</span>: a count suppressed or "
                    "a value withheld to protect privacy (see <a href=\"#legend\">how to read "
                    "this report</a>).</p>\n");
  }
  absl::StrAppend(&html, "</div>\n");
  return html;
}

std::string SupplementaryHtml(const IndicatorResult& result) {
  if (result.supplementary().empty()) return "";
  std::string html = absl::StrCat("<table class=\"supplementary\"><caption>Also reported with ",
                                  EscapeHtml(result.code()), "</caption>\n<tbody>\n");
  for (const common::v1::SupplementaryFigure& figure : result.supplementary()) {
    std::string shown;
    if (figure.has_count()) {
      shown = CountHtml(true, figure.count());
    } else if (figure.has_measure()) {
      shown = FigureHtml(FigureOfMeasure(figure.measure()), figure.unit());
    } else {
      shown = "\u2013";
    }
    absl::StrAppend(&html, "<tr><th scope=\"row\">",
                    EscapeHtml(figure.label().empty() ? figure.name() : figure.label()),
                    "</th><td>", shown, "</td></tr>\n");
  }
  absl::StrAppend(&html, "</tbody></table>\n");
  return html;
}

std::string NotesHtml(
    const google::protobuf::RepeatedPtrField<common::v1::DataQualityNote>& notes) {
  if (notes.empty()) return "";
  std::string html = "<div class=\"notes\"><p class=\"notes-title\">Data quality</p><ul>\n";
  for (const common::v1::DataQualityNote& note : notes) {
    absl::StrAppend(&html, "<li>", EscapeHtml(note.message()), "</li>\n");
  }
  absl::StrAppend(&html, "</ul></div>\n");
  return html;
}

}  // namespace

std::string IndicatorHtml(const IndicatorEntry& entry, int heading_level, HtmlContext& context) {
  const IndicatorResult& result = entry.result();
  const Figure headline = FigureOf(result);
  const std::string unit = headline.percentage ? "" : HeadlineMeasureUnit(result.code());
  const std::string heading_id = context.NewId();
  std::string html =
      absl::StrCat("<article class=\"indicator\" aria-labelledby=\"", heading_id, "\">\n");
  absl::StrAppend(&html, Heading(heading_level, heading_id,
                                 absl::StrCat("<span class=\"code\">", EscapeHtml(result.code()),
                                              "</span> ", EscapeHtml(result.title()))));

  absl::StrAppend(&html, "<div class=\"summary\">\n<dl class=\"figures\">\n");
  const bool has_figure =
      headline.state != Figure::State::kAbsent || result.has_value() || result.has_measure();
  if (has_figure) {
    absl::StrAppend(
        &html, Term(unit.empty() ? "Value" : absl::StrCat("Value (", unit, ")"),
                    absl::StrCat("<span class=\"headline\">", FigureHtml(headline, ""), "</span>"),
                    "headline-row"));
  }
  if (result.has_numerator()) {
    absl::StrAppend(&html, Term("Numerator (N)", CountHtml(true, result.numerator())));
  }
  if (result.has_denominator()) {
    absl::StrAppend(&html, Term(has_figure ? "Denominator (D)" : "Total (D)",
                                CountHtml(true, result.denominator())));
  }
  if (result.has_unknown()) {
    absl::StrAppend(&html, Term("Unknown (left out of D)", CountHtml(true, result.unknown())));
  }
  if (has_figure) {
    if (entry.has_previous()) {
      absl::StrAppend(&html, Term(absl::StrCat("Previous period (",
                                               PeriodShortLabel(entry.previous().period()), ")"),
                                  FigureHtml(FigureOf(entry.previous()), "")));
    } else {
      absl::StrAppend(&html, Term("Previous period", "none"));
    }
    absl::StrAppend(&html, Term("Change", ChangeHtml(entry)));
  }
  absl::StrAppend(&html, Term("Polarity", EscapeHtml(PolarityText(result.polarity()))));
  absl::StrAppend(&html, "</dl>\n");
  absl::StrAppend(&html, TrendHtml(entry, unit, context));
  absl::StrAppend(&html, "</div>\n");

  if (headline.state == Figure::State::kWithheld) {
    absl::StrAppend(&html, "<p class=\"explain\">",
                    WithheldForDisclosure(headline.withheld) ? "The value is withheld: "
                                                             : "No value is given: ",
                    EscapeHtml(WithholdSentence(headline.withheld)), ".</p>\n");
  } else if (!has_figure) {
    absl::StrAppend(&html,
                    "<p class=\"explain\">This indicator has no single headline value: its "
                    "figures are in the table and figures below.</p>\n");
  }
  absl::StrAppend(&html, BreakdownsHtml(result, unit));
  absl::StrAppend(&html, SupplementaryHtml(result));
  absl::StrAppend(&html, NotesHtml(entry.notes()));
  absl::StrAppend(&html, ProvenanceHtml(entry, context));
  absl::StrAppend(&html, "</article>\n");
  return html;
}

}  // namespace pif::report_render
