#include "svg_charts.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "html_escape.h"
#include "text_format.h"

namespace pif::report_render {
namespace {

// Colours chosen for contrast on white (at least 4.5:1) and for printing in grey.
constexpr char kInk[] = "#1a1a1a";
constexpr char kMuted[] = "#4d4d4d";
constexpr char kRule[] = "#8c8c8c";
constexpr char kAccent[] = "#1d4f91";

std::string Num(double value) { return OneDecimal(value); }

std::string OpenSvg(const std::string& description, double width, double height,
                    const std::string& css_class) {
  const std::string text = EscapeHtml(description);
  return absl::StrCat("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"", css_class,
                      "\" role=\"img\" aria-label=\"", text, "\" viewBox=\"0 0 ", Num(width), " ",
                      Num(height), "\" width=\"", Num(width), "\" height=\"", Num(height),
                      "\"><title>", text, "</title>");
}

std::string Text(double x, double y, const std::string& anchor, const std::string& fill,
                 const std::string& content, int font_size = 10) {
  return absl::StrCat("<text x=\"", Num(x), "\" y=\"", Num(y), "\" text-anchor=\"", anchor,
                      "\" fill=\"", fill, "\" font-size=\"", font_size, "\">", EscapeHtml(content),
                      "</text>");
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& stroke,
                 const std::string& extra = "") {
  return absl::StrCat("<line x1=\"", Num(x1), "\" y1=\"", Num(y1), "\" x2=\"", Num(x2), "\" y2=\"",
                      Num(y2), "\" stroke=\"", stroke, "\" stroke-width=\"1\"", extra, "/>");
}

// The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) at or above
// `value`; 1 for a value that is not positive.
double NiceCeiling(double value) {
  if (!(value > 0)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
    if (step * power >= value) return step * power;
  }
  return 10.0 * power;
}

// The value range a trend line is drawn over.
struct Scale {
  double low = 0;
  double high = 1;
};

Scale TrendScale(const std::vector<TrendChartPoint>& points, bool percentage) {
  bool any = false;
  double low = 0;
  double high = 0;
  for (const TrendChartPoint& point : points) {
    if (!point.value.has_value()) continue;
    low = any ? std::min(low, *point.value) : *point.value;
    high = any ? std::max(high, *point.value) : *point.value;
    any = true;
  }
  if (!any) return percentage ? Scale{0, 100} : Scale{0, 1};
  if (percentage) {
    // Whole tens with a little room, so no point sits on the frame.
    Scale scale{std::floor((low - 2.0) / 10.0) * 10.0, std::ceil((high + 2.0) / 10.0) * 10.0};
    scale.low = std::max(0.0, scale.low);
    scale.high = std::min(100.0, scale.high);
    if (scale.high <= scale.low) {
      if (scale.high + 10.0 <= 100.0) {
        scale.high += 10.0;
      } else {
        scale.low -= 10.0;
      }
    }
    return scale;
  }
  return Scale{std::min(0.0, low), NiceCeiling(high * 1.15)};
}

}  // namespace

std::string ShortenLabel(const std::string& text, size_t max_code_points) {
  size_t count = 0;
  size_t cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (count == max_code_points - 1 && cut == text.size()) cut = i;
    if (++count > max_code_points) return text.substr(0, cut) + "\u2026";
  }
  return text;
}

std::string TrendLineSvg(const std::string& description, const std::vector<TrendChartPoint>& points,
                         bool percentage) {
  if (points.empty()) return "";
  constexpr double kWidth = 300;
  constexpr double kHeight = 118;
  constexpr double kLeft = 50;
  constexpr double kRight = 278;
  constexpr double kTop = 30;
  constexpr double kBottom = 84;
  const Scale scale = TrendScale(points, percentage);
  const auto x_of = [&](size_t i) {
    if (points.size() == 1) return (kLeft + kRight) / 2;
    return kLeft +
           (kRight - kLeft) * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  const auto y_of = [&](double value) {
    return kBottom - (kBottom - kTop) * (value - scale.low) / (scale.high - scale.low);
  };
  const std::string unit = percentage ? "%" : "";

  std::string svg = OpenSvg(description, kWidth, kHeight, "chart trend");
  // Axis: the range's bottom and top as light rules with their values.
  svg += Line(kLeft - 6, kBottom, kRight + 6, kBottom, kRule);
  svg += Line(kLeft - 6, kTop, kRight + 6, kTop, kRule, " stroke-dasharray=\"2 3\"");
  svg += Text(kLeft - 10, kBottom + 3.5, "end", kMuted, Num(scale.low) + unit);
  svg += Text(kLeft - 10, kTop + 3.5, "end", kMuted, Num(scale.high) + unit);

  for (size_t i = 1; i < points.size(); ++i) {
    if (!points[i].definition_changed) continue;
    const double x = (x_of(i - 1) + x_of(i)) / 2;
    svg += Line(x, kTop - 8, x, kBottom, kMuted, " stroke-dasharray=\"4 3\"");
  }
  // The line, broken where a value is missing.
  std::string segment;
  size_t segment_points = 0;
  const auto flush = [&] {
    if (segment_points >= 2) {
      svg += absl::StrCat("<polyline points=\"", segment, "\" fill=\"none\" stroke=\"", kAccent,
                          "\" stroke-width=\"2\"/>");
    }
    segment.clear();
    segment_points = 0;
  };
  for (size_t i = 0; i < points.size(); ++i) {
    if (!points[i].value.has_value()) {
      flush();
      continue;
    }
    absl::StrAppend(&segment, segment.empty() ? "" : " ", Num(x_of(i)), ",",
                    Num(y_of(*points[i].value)));
    ++segment_points;
  }
  flush();

  for (size_t i = 0; i < points.size(); ++i) {
    const bool current = i + 1 == points.size();
    const double x = x_of(i);
    if (points[i].value.has_value()) {
      const double y = y_of(*points[i].value);
      svg += absl::StrCat("<circle cx=\"", Num(x), "\" cy=\"", Num(y), "\" r=\"",
                          current ? "4.5" : "3", "\" fill=\"", current ? kAccent : "#ffffff",
                          "\" stroke=\"", kAccent, "\" stroke-width=\"2\"/>");
      svg += Text(x, y - 8, "middle", kInk, points[i].value_text);
    } else {
      svg += Text(x, kBottom - 5, "middle", kMuted, points[i].value_text);
    }
    svg += Text(x, kBottom + 18, "middle", current ? kInk : kMuted, points[i].label);
  }
  svg += "</svg>";
  return svg;
}

std::string BarChartSvg(const std::string& description, const std::vector<BarChartRow>& rows,
                        double scale_max) {
  if (rows.empty()) return "";
  constexpr double kWidth = 330;
  constexpr double kLabelEnd = 116;
  constexpr double kBarStart = 122;
  constexpr double kBarMax = 160;
  constexpr double kRowHeight = 20;
  constexpr double kBarHeight = 12;
  constexpr size_t kLabelCharacters = 18;
  const double height = kRowHeight * static_cast<double>(rows.size()) + 4;
  const double max = scale_max > 0 ? scale_max : 1;

  std::string svg = OpenSvg(description, kWidth, height, "chart bars");
  svg += Line(kBarStart, 0, kBarStart, height, kRule);
  for (size_t i = 0; i < rows.size(); ++i) {
    const double top = 2 + kRowHeight * static_cast<double>(i);
    const double middle = top + kRowHeight / 2 + 3.5;
    svg += Text(kLabelEnd, middle, "end", kInk, ShortenLabel(rows[i].label, kLabelCharacters));
    double end = kBarStart;
    if (rows[i].value.has_value()) {
      const double length = kBarMax * std::clamp(*rows[i].value / max, 0.0, 1.0);
      svg += absl::StrCat("<rect x=\"", Num(kBarStart), "\" y=\"",
                          Num(top + (kRowHeight - kBarHeight) / 2), "\" width=\"", Num(length),
                          "\" height=\"", Num(kBarHeight), "\" fill=\"", kAccent, "\"/>");
      end += length;
    }
    svg += Text(end + 4, middle, "start", rows[i].value.has_value() ? kInk : kMuted,
                rows[i].value_text);
  }
  svg += "</svg>";
  return svg;
}

}  // namespace pif::report_render
