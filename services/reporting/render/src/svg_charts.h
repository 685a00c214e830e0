// The report's small inline SVG charts: an indicator's trend line and horizontal bars for a
// breakdown. Each is one <svg role="img"> whose aria-label and <title> carry the numbers, so a
// screen reader (or a printout without colour) loses nothing. Coordinates are written with one
// fixed decimal, so the same input gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pif::report_render {

// One period of a trend line.
struct TrendChartPoint {
  // The period's short label under the axis ("2023/24").
  std::string label;
  // The value to plot; none when withheld or not given (the line breaks there).
  std::optional<double> value;
  // The value as shown above the point ("12.5%", "c", an en dash).
  std::string value_text;
  // The definition version differs from the previous point's (a dashed rule marks it).
  bool definition_changed = false;
};

// A trend line over `points` (oldest first, the last one emphasised as the current period);
// `percentage` scales to whole tens within 0 to 100, otherwise from 0 to just above the
// largest value. `description` is the text alternative. Empty when `points` is empty.
std::string TrendLineSvg(const std::string& description, const std::vector<TrendChartPoint>& points,
                         bool percentage);

// One bar of a breakdown chart.
struct BarChartRow {
  // The category ("Female"); long labels are shortened in the chart (the table has them whole).
  std::string label;
  // The bar's length in the chart's unit; none when withheld or not given (no bar is drawn).
  std::optional<double> value;
  // The value as written at the end of the bar ("12.5%", "c").
  std::string value_text;
};

// Horizontal bars, one per row, lengths scaled so that `scale_max` (100 for percentages) is the
// full width. `description` is the text alternative. Empty when `rows` is empty.
std::string BarChartSvg(const std::string& description, const std::vector<BarChartRow>& rows,
                        double scale_max);

// `text` cut to at most `max_code_points` characters (UTF-8 aware), ending with an ellipsis when
// cut.
std::string ShortenLabel(const std::string& text, size_t max_code_points);

}  // namespace pif::report_render
