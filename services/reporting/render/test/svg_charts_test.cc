#include "svg_charts.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/match.h"
#include "fixture_report.h"

namespace pif::report_render {
namespace {

using testing::Occurrences;

TEST(ReportTrendLineSvg, IsAnImageNamedByItsDescriptionWithTheLineBrokenAtAMissingValue) {
  const std::string svg = TrendLineSvg("Trend <of> 1 S.1",
                                       {{"2020/21", 11.4, "11.4%", false},
                                        {"2021/22", 9.0, "9.0%", false},
                                        {"2022/23", std::nullopt, "c", false},
                                        {"2023/24", 12.5, "12.5%", true},
                                        {"2024/25", 13.0, "13.0%", false}},
                                       true);
  EXPECT_TRUE(absl::StartsWith(svg,
                               "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart "
                               "trend\" role=\"img\" aria-label=\"Trend &lt;of&gt; 1 S.1\""));
  EXPECT_TRUE(absl::StrContains(svg, "<title>Trend &lt;of&gt; 1 S.1</title>"));
  EXPECT_EQ(Occurrences(svg, "<polyline"), 2);
  EXPECT_EQ(Occurrences(svg, "<circle"), 4);
  EXPECT_TRUE(absl::StrContains(svg, ">c</text>"));
  EXPECT_TRUE(absl::StrContains(svg, ">2023/24</text>"));
  // The scale is whole tens around the values: 0% to 20%.
  EXPECT_TRUE(absl::StrContains(svg, ">0.0%</text>"));
  EXPECT_TRUE(absl::StrContains(svg, ">20.0%</text>"));
  // One dashed rule for the change of definition.
  EXPECT_EQ(Occurrences(svg, "stroke-dasharray=\"4 3\""), 1);
  EXPECT_TRUE(absl::EndsWith(svg, "</svg>"));
}

TEST(ReportTrendLineSvg, SameInputSameBytesAndNothingForNoPoints) {
  const std::vector<TrendChartPoint> points = {{"2023/24", 8.4, "8.4", false}};
  EXPECT_EQ(TrendLineSvg("d", points, false), TrendLineSvg("d", points, false));
  EXPECT_EQ(TrendLineSvg("d", {}, false), "");
}

TEST(ReportBarChartSvg, DrawsABarPerValueScaledToTheMaximum) {
  const std::string svg = BarChartSvg(
      "by sex", {{"Female", 50.0, "50.0%"}, {"Male", 100.0, "100.0%"}, {"Not known", {}, "c"}},
      100.0);
  EXPECT_EQ(Occurrences(svg, "<rect"), 2);
  EXPECT_TRUE(absl::StrContains(svg, "width=\"80.0\" height=\"12.0\""));
  EXPECT_TRUE(absl::StrContains(svg, "width=\"160.0\" height=\"12.0\""));
  EXPECT_TRUE(absl::StrContains(svg, ">Not known</text>"));
  EXPECT_TRUE(absl::StrContains(svg, ">c</text>"));
  EXPECT_EQ(BarChartSvg("none", {}, 100.0), "");
}

TEST(ReportShortenLabel, CutsLongLabelsAtACharacterBoundaryWithAnEllipsis) {
  EXPECT_EQ(ShortenLabel("Eastfield", 18), "Eastfield");
  EXPECT_EQ(ShortenLabel("abcdef", 4), "abc\u2026");
  EXPECT_EQ(ShortenLabel("\u00D3\u00D3\u00D3\u00D3\u00D3", 3), "\u00D3\u00D3\u2026");
}

}  // namespace
}  // namespace pif::report_render
