#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fixture_report.h"
#include "html_escape.h"
#include "html_page.h"
#include "pif/report_render/render.h"

namespace pif::report_render {
namespace {

using testing::Occurrences;

using reporting::v1::Report;
using testing::FixtureReport;

std::string Html(const Report& report) {
  absl::StatusOr<std::string> html = RenderReport(report, reporting::v1::RENDER_FORMAT_HTML);
  EXPECT_TRUE(html.ok()) << html.status();
  return html.ok() ? *html : "";
}

// The markup of one indicator's <article>, from its code to the end of the article.
std::string ArticleOf(const std::string& html, const std::string& code) {
  const std::string marker = absl::StrCat("<span class=\"code\">", EscapeHtml(code), "</span>");
  const size_t code_at = html.find(marker);
  if (code_at == std::string::npos) return "";
  const size_t start = html.rfind("<article", code_at);
  const size_t end = html.find("</article>", code_at);
  return html.substr(start, end - start);
}

// The table row whose header cell is `label`, within `html`.
std::string RowOf(const std::string& html, const std::string& label) {
  const size_t at = html.find(absl::StrCat("<th scope=\"row\">", label, "</th>"));
  if (at == std::string::npos) return "";
  const size_t start = html.rfind("<tr", at);
  const size_t end = html.find("</tr>", at);
  return html.substr(start, end - start);
}

TEST(ReportHtmlRender, EveryKeyQuestionAndAreaHasItsHeading) {
  const Report report = FixtureReport();
  const std::string html = Html(report);
  ASSERT_EQ(report.key_questions_size(), 6);
  int areas = 0;
  for (const auto& question : report.key_questions()) {
    EXPECT_TRUE(absl::StrContains(html, absl::StrCat("\">Key question ", question.number(), ": ",
                                                     EscapeHtml(question.question()), "</h2>")))
        << question.question();
    for (const auto& area : question.areas()) {
      ++areas;
      EXPECT_TRUE(absl::StrContains(
          html, absl::StrCat("\">Area ", area.number(), ": ", area.title(), "</h3>")))
          << area.title();
    }
  }
  EXPECT_EQ(areas, 10);
  EXPECT_TRUE(absl::StrContains(html,
                                "Key question 2: What impact have we had on people who use "
                                "our services and other stakeholders?</h2>"));
  EXPECT_TRUE(absl::StrContains(html, "Area 7: Management and support of staff</h3>"));
}

TEST(ReportHtmlRender, IndicatorsOfAreasOneAndTwoSitUnderTheirShanarriHeadings) {
  const std::string html = Html(FixtureReport());
  for (const char* theme : {"Safe", "Nurtured", "Healthy", "Achieving", "Active",
                            "Respected and responsible", "Included"}) {
    // Once under area 1 and once under area 2.
    EXPECT_EQ(Occurrences(html, absl::StrCat("\">", theme, "</h4>")), 2) << theme;
  }
  // Area 1's Safe heading comes before 1 S.1, which comes before the Nurtured heading.
  const size_t safe = html.find("\">Safe</h4>");
  const size_t repeat_referral = html.find("<span class=\"code\">1 S.1</span>");
  const size_t nurtured = html.find("\">Nurtured</h4>");
  EXPECT_LT(safe, repeat_referral);
  EXPECT_LT(repeat_referral, nurtured);
  EXPECT_TRUE(std::regex_search(html, std::regex("<h5 id=\"p[0-9]+\"><span class=\"code\">1 S.1")));
  EXPECT_TRUE(std::regex_search(html, std::regex("<h4 id=\"p[0-9]+\"><span class=\"code\">5.1<")));
  EXPECT_TRUE(std::regex_search(html, std::regex("<h4 id=\"p[0-9]+\"><span class=\"code\">7.1<")));
}

TEST(ReportHtmlRender, EveryIndicatorOfTheReportIsOnThePage) {
  const Report report = FixtureReport();
  const std::string html = Html(report);
  EXPECT_EQ(Occurrences(html, "<article class=\"indicator\""), testing::kIndicatorCount);
  for (const char* code :
       {"1 S.1", "1 N.5a", "1 ACH.3(i)", "1 INC.6", "2 INC.7", "5.2", "7.3c", "7.7", "9.1"}) {
    EXPECT_FALSE(ArticleOf(html, code).empty()) << code;
  }
}

TEST(ReportHtmlRender, HeadingLevelsStartAtOneAndNeverSkipALevel) {
  const std::string html = Html(FixtureReport());
  const std::regex heading("<h([1-6])[ >]");
  int previous = 0;
  int h1 = 0;
  int checked = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading);
       it != std::sregex_iterator(); ++it) {
    const int level = std::stoi((*it)[1]);
    if (level == 1) ++h1;
    EXPECT_LE(level, previous + 1) << "an h" << level << " follows an h" << previous;
    previous = level;
    ++checked;
  }
  EXPECT_EQ(h1, 1);
  EXPECT_GT(checked, 80);
}

TEST(ReportHtmlRender, TitleNamesCouncilAndPeriodAndPageDeclaresItsLanguage) {
  const std::string html = Html(FixtureReport());
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  EXPECT_TRUE(absl::StrContains(
      html, "<title>PIF report: S12000099, 1 August 2023 to 31 July 2024</title>"));
  EXPECT_TRUE(absl::StrContains(html,
                                "<h1>Performance Improvement Framework report: S12000099, "
                                "1 August 2023 to 31 July 2024</h1>"));
}

TEST(ReportHtmlRender, SuppressedCountsShowAsCWithTheLegendExplainingThem) {
  const std::string html = Html(FixtureReport());
  const std::string article = ArticleOf(html, testing::kRepeatReferral);
  const std::string young = RowOf(article, "0-4");
  EXPECT_EQ(young,
            "<tr><th scope=\"row\">0-4</th><td><span class=\"supp\" title=\"suppressed (small "
            "count)\">c</span></td><td>30</td><td><span class=\"supp\" title=\"withheld: the "
            "numerator is suppressed, so the value would reveal it\">c</span></td>");
  EXPECT_TRUE(absl::StrContains(RowOf(article, "5-11"), "suppressed (secondary)\">c</span>"));
  // A true zero is shown as 0 next to a suppressed denominator.
  EXPECT_TRUE(absl::StartsWith(RowOf(article, "Not known"),
                               "<tr><th scope=\"row\">Not known</th><td>0</td><td><span"));
  EXPECT_TRUE(absl::StrContains(article, "<p class=\"table-note\">"));
  EXPECT_TRUE(absl::StrContains(html, "<h2 id=\"legend\">How to read this report</h2>"));
  EXPECT_TRUE(absl::StrContains(html, "Suppressed: counts from 1 to 5 are not published"));
  EXPECT_TRUE(absl::StrContains(html, "its denominator is under 10"));
}

TEST(ReportHtmlRender, AValueBesideASuppressedCountIsWithheldAndItsNumberNeverAppears) {
  const Report clean = FixtureReport();
  Report report = clean;
  // A cell that wrongly carries the percentage of a suppressed numerator (3 of 8 = 37.5%).
  auto* cell = const_cast<reporting::v1::IndicatorEntry*>(
                   testing::FindIndicator(report, testing::kThreePlacements))
                   ->mutable_result()
                   ->add_breakdowns();
  cell->set_dimension("locality");
  cell->set_category("Westvale");
  cell->mutable_numerator()->set_suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
  cell->mutable_denominator()->set_value(8);
  cell->mutable_value()->set_value(37.5);
  for (auto format : {reporting::v1::RENDER_FORMAT_HTML, reporting::v1::RENDER_FORMAT_CSV,
                      reporting::v1::RENDER_FORMAT_JSON}) {
    absl::StatusOr<std::string> with_cell = RenderReport(report, format);
    absl::StatusOr<std::string> without = RenderReport(clean, format);
    ASSERT_TRUE(with_cell.ok() && without.ok());
    EXPECT_TRUE(absl::StrContains(*with_cell, "Westvale"));
    EXPECT_EQ(Occurrences(*with_cell, "37.5"), Occurrences(*without, "37.5"))
        << reporting::v1::RenderFormat_Name(format);
  }
  const std::string article = ArticleOf(Html(report), testing::kThreePlacements);
  EXPECT_EQ(RowOf(article, "Westvale"),
            "<tr><th scope=\"row\">Westvale</th><td><span class=\"supp\" title=\"suppressed "
            "(small count)\">c</span></td><td>8</td><td><span class=\"supp\" title=\"withheld: "
            "the numerator is suppressed, so the value would reveal it\">c</span></td>");
  // No bar chart for a breakdown without a single value to draw.
  EXPECT_FALSE(absl::StrContains(article, "aria-label=\"1 N.1 by locality"));
}

TEST(ReportHtmlRender, FreeTextIsEscapedSoEvidenceCannotAddMarkup) {
  const std::string html = Html(FixtureReport());
  EXPECT_FALSE(absl::StrContains(html, "<script"));
  EXPECT_FALSE(absl::StrContains(html, "<b>North"));
  EXPECT_TRUE(absl::StrContains(html,
                                "Case file audit (n=120) &amp; &quot;Signs of Safety&quot; review "
                                "&lt;script&gt;alert(&#39;pif&#39;)&lt;/script&gt;"));
  EXPECT_TRUE(absl::StrContains(
      html, "<th scope=\"row\">Kirkton &amp; Glen &lt;b&gt;North&lt;/b&gt;</th>"));
  // In the bar chart's text alternative and label too.
  EXPECT_TRUE(absl::StrContains(html, "Kirkton &amp; Glen &lt;b&gt;North&lt;/b&gt; 12.9%"));
}

TEST(ReportHtmlRender, RenderingTwiceGivesTheSameBytes) {
  const std::string first = Html(FixtureReport());
  const std::string second = Html(FixtureReport());
  EXPECT_EQ(first, second);
  // And a copy that went through the wire format renders the same too.
  Report copy;
  ASSERT_TRUE(copy.ParseFromString(FixtureReport().SerializeAsString()));
  EXPECT_EQ(Html(copy), first);
}

TEST(ReportHtmlRender, ChangeIsSaidInWordsWithTheValues) {
  const std::string html = Html(FixtureReport());
  const std::string worse = ArticleOf(html, testing::kRepeatReferral);
  EXPECT_TRUE(absl::StrContains(worse, "<span class=\"headline\">12.5%</span>"));
  EXPECT_TRUE(absl::StrContains(worse, "<dt>Numerator (N)</dt><dd>15</dd>"));
  EXPECT_TRUE(absl::StrContains(worse, "<dt>Denominator (D)</dt><dd>120</dd>"));
  EXPECT_TRUE(absl::StrContains(worse, "<dt>Unknown (left out of D)</dt><dd>3</dd>"));
  EXPECT_TRUE(absl::StrContains(worse, "<dt>Previous period (2022/23)</dt><dd>10.0%</dd>"));
  EXPECT_TRUE(absl::StrContains(
      worse, "<span class=\"change change-worse\"><span aria-hidden=\"true\">\u25B2 </span>Worse"));
  EXPECT_TRUE(absl::StrContains(worse, "<dt>Polarity</dt><dd>Lower is better</dd>"));
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kThreePlacements),
                                "\u25BC </span>Improved</span>"));
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kMissing), "= </span>Same</span>"));
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kTrustedAdult),
                                "Not comparable: the definition changed"));
  EXPECT_TRUE(
      absl::StrContains(ArticleOf(html, testing::kDaysLost), "\u25BC </span>Improved</span>"));
}

TEST(ReportHtmlRender, WithheldValuesAreExplained) {
  const std::string html = Html(FixtureReport());
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kPregnancies),
                                "<p class=\"explain\">The value is withheld: the numerator is "
                                "suppressed, so the value would reveal it.</p>"));
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kEquipment),
                                "<p class=\"explain\">No value is given: there are no units to "
                                "count (the denominator is 0).</p>"));
}

TEST(ReportHtmlRender, TrendLineCarriesItsNumbersAsText) {
  const std::string article = ArticleOf(Html(FixtureReport()), testing::kRepeatReferral);
  EXPECT_TRUE(absl::StrContains(
      article,
      "role=\"img\" aria-label=\"Trend of 1 S.1 over 5 periods: 2019/20 9.1%; 2020/21 11.4%; "
      "2021/22 withheld (c); 2022/23 10.0%; 2023/24 12.5%.\""));
  EXPECT_TRUE(absl::StrContains(article, "<caption>1 S.1 over time</caption>"));
  EXPECT_TRUE(absl::StrContains(article,
                                "<tr><th scope=\"row\">2023/24</th><td>12.5%</td><td>15"
                                "</td><td>120</td><td>1</td><td><a href=\"#src-S1\">S1"));
  // The definition change of 2 N.10 is said in the trend's text alternative.
  EXPECT_TRUE(absl::StrContains(ArticleOf(Html(FixtureReport()), testing::kTrustedAdult),
                                "2023/24 82.9% (definition version 2 from here)."));
}

TEST(ReportHtmlRender, BreakdownsHaveTablesWithCaptionsAndBarCharts) {
  const std::string article = ArticleOf(Html(FixtureReport()), testing::kRepeatReferral);
  EXPECT_TRUE(absl::StrContains(article, "<caption>1 S.1 by sex</caption>"));
  EXPECT_TRUE(absl::StrContains(article, "<caption>1 S.1 by age band</caption>"));
  EXPECT_TRUE(absl::StrContains(article, "<caption>1 S.1 by locality</caption>"));
  EXPECT_EQ(RowOf(article, "Female"),
            "<tr><th scope=\"row\">Female</th><td>8</td><td>61</td><td>13.1%</td>");
  EXPECT_TRUE(absl::StrContains(
      article, "aria-label=\"1 S.1 by sex: Female 13.1%; Male 12.7%; Not known withheld (c).\""));
}

TEST(ReportHtmlRender, EveryTableHasACaptionAndEveryHeaderCellAScope) {
  const std::string html = Html(FixtureReport());
  EXPECT_EQ(Occurrences(html, "<table"), Occurrences(html, "<caption>"));
  EXPECT_EQ(Occurrences(html, "<th "), Occurrences(html, "<th scope=\""));
  EXPECT_EQ(Occurrences(html, "<th>"), 0);
  EXPECT_GT(Occurrences(html, "<table"), 100);
}

TEST(ReportHtmlRender, EveryChartIsAnImageWithATextAlternative) {
  const std::string html = Html(FixtureReport());
  const int charts = Occurrences(html, "<svg ");
  EXPECT_GT(charts, 60);
  EXPECT_EQ(Occurrences(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart"), charts);
  EXPECT_EQ(Occurrences(html, "role=\"img\" aria-label=\""), charts);
  EXPECT_EQ(Occurrences(html, "</title>"), charts + 1);  // and the page's <title>
}

TEST(ReportHtmlRender, PageIsSelfContainedAndPrintsOnA4) {
  const std::string html = Html(FixtureReport());
  EXPECT_FALSE(absl::StrContains(html, "<script"));
  EXPECT_FALSE(absl::StrContains(html, "<link"));
  EXPECT_FALSE(absl::StrContains(html, " src="));
  EXPECT_FALSE(absl::StrContains(html, "url("));
  EXPECT_FALSE(absl::StrContains(html, "https://"));
  // The only address is the SVG namespace, which is a name, not a resource.
  EXPECT_EQ(Occurrences(html, "http://"), Occurrences(html, "http://www.w3.org/2000/svg"));
  EXPECT_TRUE(absl::StrContains(html, "@page { size: A4;"));
  EXPECT_TRUE(absl::StrContains(html, ".indicator { border: 1px solid #b3b3b3;"));
  EXPECT_TRUE(absl::StrContains(html, "break-inside: avoid;"));
}

TEST(ReportHtmlRender, WorkforceFiguresShowBandsAndMeasures) {
  const std::string html = Html(FixtureReport());
  const std::string service = ArticleOf(html, testing::kServiceLength);
  EXPECT_TRUE(absl::StrContains(service, "<caption>7.1 by length of service (years)</caption>"));
  EXPECT_TRUE(absl::StrContains(service, "<dt>Total (D)</dt><dd>64</dd>"));
  EXPECT_EQ(RowOf(service, "2-&lt;5"),
            "<tr><th scope=\"row\">2-&lt;5</th><td>16</td><td>64</td><td>25.0%</td>");
  EXPECT_TRUE(absl::StrContains(RowOf(service, "20+"), ">c</span>"));
  EXPECT_EQ(RowOf(service, "Median length of service (years)"),
            "<tr><th scope=\"row\">Median length of service (years)</th><td>4.8 years</td>");
  EXPECT_TRUE(
      absl::StrContains(RowOf(service, "Agency staff in post at the census date"), ">c</span>"));
  EXPECT_FALSE(absl::StrContains(service, "<dt>Value"));
  const std::string days = ArticleOf(html, testing::kDaysLost);
  EXPECT_TRUE(absl::StrContains(days,
                                "<dt>Value (days lost per FTE)</dt><dd><span "
                                "class=\"headline\">8.4</span></dd>"));
  EXPECT_TRUE(absl::StrContains(days, "<dt>Previous period (2022/23)</dt><dd>9.6</dd>"));
  EXPECT_EQ(RowOf(days, "Mean FTE in post"),
            "<tr><th scope=\"row\">Mean FTE in post</th><td>50.1 FTE</td>");
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kManagers),
                                "<caption>9.1 by manager level</caption>"));
}

TEST(ReportHtmlRender, SelfEvaluationSummaryListsEveryAreaWithCountsAndMedian) {
  const std::string html = Html(FixtureReport());
  const std::string summary = ArticleOf(html, "10.1");
  EXPECT_TRUE(absl::StrContains(
      summary, "<caption>Latest self-evaluation of each area on or before 31 July 2024</caption>"));
  EXPECT_EQ(Occurrences(summary, "<td colspan=\"6\" class=\"not-evaluated\">Not evaluated</td>"),
            10 - testing::kEvaluatedAreas);
  EXPECT_TRUE(absl::StartsWith(RowOf(summary, "7 Management and support of staff"),
                               "<tr><th scope=\"row\">7 Management and support of staff</th><td "
                               "class=\"grade\">5</td><td>Very good</td><td class=\"date\">"
                               "2024-06-17</td><td>7.1</td>"));
  EXPECT_EQ(RowOf(summary, "5"), "<tr><th scope=\"row\">5</th><td>Very good</td><td>3</td>");
  EXPECT_EQ(RowOf(summary, "2"), "<tr><th scope=\"row\">2</th><td>Weak</td><td>0</td>");
  EXPECT_TRUE(absl::StrContains(summary, "Areas evaluated: <strong>8 of 10</strong>."));
  EXPECT_TRUE(absl::StrContains(
      summary, "Median grade of the evaluated areas: <strong>4.5 (between Good and Very good)"));
  EXPECT_TRUE(absl::StrContains(summary, "no mean is given"));
  // The area's own line under its heading.
  EXPECT_TRUE(absl::StrContains(html,
                                "Self-evaluation: <strong>grade 4, Good</strong> (evaluated "
                                "11 May 2024; quality indicator 1.1)."));
  EXPECT_TRUE(absl::StrContains(html, "Self-evaluation: not evaluated on or before the census"));
}

TEST(ReportHtmlRender, EveryFigureNamesItsProvenance) {
  const Report report = FixtureReport();
  const std::string html = Html(report);
  EXPECT_TRUE(absl::StrContains(
      ArticleOf(html, testing::kRepeatReferral),
      "<p class=\"provenance\">Definition version 1. Source <a href=\"#src-S1\">S1</a>: intake "
      "data version 34, definitions 2024.1, computed 2024-09-02 09:34:00 UTC.</p>"));
  EXPECT_TRUE(absl::StrContains(
      ArticleOf(html, testing::kDaysLost),
      "Source <a href=\"#src-S6\">S6</a>: intake data version 42, workforce data version 7, "
      "definitions wf-1, computed 2024-09-02 09:34:00 UTC."));
  EXPECT_EQ(Occurrences(html, "<p class=\"provenance\">"), testing::kIndicatorCount);
  for (int i = 1; i <= report.sources_size(); ++i) {
    EXPECT_TRUE(absl::StrContains(html, absl::StrCat("<tr id=\"src-S", i, "\">"))) << i;
  }
  EXPECT_EQ(RowOf(html, "S2"),
            "<tr id=\"src-S2\"><th scope=\"row\">S2</th><td class=\"date\">2022-08-01 to<br>"
            "2023-07-31</td><td>intake 33</td><td>2024.1</td><td>2024-09-02 09:33:00 UTC</td>"
            "<td>Published: counts 1 to 5 suppressed, values withheld when D is under 10, "
            "secondary suppression</td><td class=\"id\">ind-2023-0001</td>");
  EXPECT_TRUE(absl::StrContains(RowOf(html, "S6"), "<td>intake 42, workforce 7</td>"));
}

TEST(ReportHtmlRender, DataQualityNotesOfTheReportAndOfAnIndicatorAreShown) {
  const std::string html = Html(FixtureReport());
  EXPECT_TRUE(absl::StrContains(html,
                                "<li>312 placement records are still rejected at intake and "
                                "are not counted.</li>"));
  EXPECT_TRUE(absl::StrContains(ArticleOf(html, testing::kRepeatReferral),
                                "<li>3 referrals were left out: the child&#39;s date of birth "
                                "was not recorded.</li>"));
}

TEST(ReportHtmlRender, InternalReportSaysSoAndHasNoSuppressionLegend) {
  Report report = FixtureReport();
  report.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  const std::string html = Html(report);
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"banner internal\">Internal management report"));
  EXPECT_TRUE(absl::StrContains(html, "<dt>Figures</dt><dd>Internal management figures</dd>"));
  EXPECT_FALSE(absl::StrContains(html, "Suppressed: counts"));
}

}  // namespace
}  // namespace pif::report_render
