#include "html_page.h"

#include <optional>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "html_escape.h"
#include "html_parts.h"
#include "report_walk.h"
#include "text_format.h"

namespace pif::report_render {
namespace {

using common::v1::DisclosurePolicy;
using reporting::v1::Area;
using reporting::v1::KeyQuestion;
using reporting::v1::Report;

bool Published(const Report& report) {
  return report.disclosure_mode() != common::v1::DISCLOSURE_MODE_INTERNAL;
}

std::string AreaAnchor(const Area& area) { return absl::StrCat("area-", area.number()); }

std::string QuestionAnchor(const KeyQuestion& question) {
  return absl::StrCat("kq-", question.number());
}

std::string HeaderHtml(const Report& report) {
  const std::string period = PeriodText(report.period());
  std::string html = absl::StrCat(
      "<header>\n<h1>Performance Improvement Framework report: ", EscapeHtml(report.council()),
      ", ", EscapeHtml(period),
      "</h1>\n<p class=\"subtitle\">Children and families social work services</p>\n"
      "<dl class=\"meta\">\n<dt>Council</dt><dd>",
      EscapeHtml(report.council()), "</dd>\n<dt>Period</dt><dd>", EscapeHtml(period),
      "</dd>\n<dt>Census date</dt><dd>", EscapeHtml(LongDate(report.period().last_day())),
      "</dd>\n<dt>Figures</dt><dd>",
      Published(report) ? "Published: disclosure control applied" : "Internal management figures",
      "</dd>\n<dt>Report built</dt><dd>", EscapeHtml(TimestampText(report.built_at())),
      "</dd>\n</dl>\n");
  if (Published(report)) {
    absl::StrAppend(&html,
                    "<p class=\"banner\">Small numbers are not published: a count shown as "
                    "<span class=\"supp\">c</span> is suppressed to protect the privacy of "
                    "children, families and staff.</p>\n");
  } else {
    absl::StrAppend(&html,
                    "<p class=\"banner internal\">Internal management report: every count is "
                    "shown and no disclosure control is applied. Not for publication.</p>\n");
  }
  absl::StrAppend(&html, "</header>\n");
  return html;
}

std::string ContentsHtml(const Report& report) {
  std::string html =
      "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n"
      "<li><a href=\"#legend\">How to read this report</a></li>\n"
      "<li><a href=\"#data-quality\">Data quality</a></li>\n";
  for (const KeyQuestion& question : report.key_questions()) {
    absl::StrAppend(&html, "<li><a href=\"#", QuestionAnchor(question), "\">Key question ",
                    question.number(), ": ", EscapeHtml(question.question()), "</a>\n<ol>\n");
    for (const Area& area : question.areas()) {
      absl::StrAppend(&html, "<li><a href=\"#", AreaAnchor(area), "\">Area ", area.number(), ": ",
                      EscapeHtml(area.title()), "</a></li>\n");
    }
    absl::StrAppend(&html, "</ol></li>\n");
  }
  absl::StrAppend(&html,
                  "<li><a href=\"#sources\">Sources of the figures</a></li>\n</ol>\n</nav>\n");
  return html;
}

// The disclosure thresholds of the report's published sources when they all agree; unset
// otherwise.
std::optional<DisclosurePolicy> CommonPolicy(const Report& report) {
  std::optional<DisclosurePolicy> common;
  for (const common::v1::Provenance& source : report.sources()) {
    if (!source.has_disclosure_policy()) continue;
    const DisclosurePolicy& policy = source.disclosure_policy();
    if (!common.has_value()) {
      common = policy;
    } else if (std::make_tuple(common->min_shown_count(), common->min_denominator(),
                               common->secondary_suppression()) !=
               std::make_tuple(policy.min_shown_count(), policy.min_denominator(),
                               policy.secondary_suppression())) {
      return std::nullopt;
    }
  }
  return common;
}

std::string LegendHtml(const Report& report) {
  std::string html =
      "<section class=\"legend\" aria-labelledby=\"legend\">\n"
      "<h2 id=\"legend\">How to read this report</h2>\n<dl>\n"
      "<dt>N and D</dt><dd>The numerator N counts the units (usually children) that meet the "
      "indicator; the denominator D counts the units it considers. The value is 100 &#215; N "
      "&#247; D, to one decimal place.</dd>\n"
      "<dt>Unknown</dt><dd>Units left out of D because an item the indicator needs was not "
      "recorded.</dd>\n"
      "<dt>Change</dt><dd>The value compared with the same period a year earlier, in words: "
      "<strong>Improved</strong> or <strong>Worse</strong> given the indicator&#39;s polarity "
      "(whether a higher value is better), <strong>Same</strong> to the decimal place shown, or "
      "<strong>Up</strong>/<strong>Down</strong> where neither direction is better. The arrows "
      "&#9650; and &#9660; show which way the value moved. Values are not compared across a "
      "change of definition.</dd>\n"
      "<dt>Trend</dt><dd>Up to five periods, oldest first, ending with this period (filled "
      "dot). A dashed upright line marks a change of definition version.</dd>\n";
  if (Published(report)) {
    const std::optional<DisclosurePolicy> policy = CommonPolicy(report);
    const std::string small =
        policy.has_value() && policy->has_min_shown_count()
            ? (policy->min_shown_count() <= 1
                   ? std::string("no count is suppressed for being small")
                   : absl::StrCat("counts from 1 to ", policy->min_shown_count() - 1,
                                  " are not published"))
            : std::string("small counts (by default 1 to 5) are not published");
    const std::string denominator =
        policy.has_value() && policy->has_min_denominator()
            ? absl::StrCat("its denominator is under ", policy->min_denominator())
            : std::string("its denominator is under the threshold (by default 10)");
    absl::StrAppend(
        &html, "<dt><span class=\"supp\">c</span> in place of a count</dt><dd>Suppressed: ",
        EscapeHtml(small),
        " (primary suppression), and in a breakdown table the next smallest count is hidden too "
        "where needed, so that a suppressed count cannot be worked out from the totals "
        "(secondary suppression). A true zero is shown as 0.</dd>\n"
        "<dt><span class=\"supp\">c</span> in place of a value</dt><dd>Withheld: a percentage "
        "or measure is not published when its numerator is suppressed or ",
        EscapeHtml(denominator),
        ", because it would reveal a small count or be too unstable to read.</dd>\n");
  } else {
    absl::StrAppend(&html,
                    "<dt>Disclosure control</dt><dd>None: this internal report shows every "
                    "count. Publish the report to apply disclosure control.</dd>\n");
  }
  absl::StrAppend(&html,
                  "<dt>&#8211;</dt><dd>No value: there is nothing to count (the denominator is "
                  "0), or the figure does not apply.</dd>\n"
                  "<dt>Sources</dt><dd>Every indicator names its source (S1, S2 ...): the data "
                  "versions, definitions and time of computation its figures come from, listed "
                  "at the end.</dd>\n</dl>\n</section>\n");
  return html;
}

std::string DataQualityHtml(const Report& report) {
  std::string html =
      "<section aria-labelledby=\"data-quality\">\n<h2 id=\"data-quality\">Data quality</h2>\n";
  if (report.notes().empty()) {
    absl::StrAppend(&html, "<p>No caveats about the report as a whole.</p>\n");
  } else {
    absl::StrAppend(&html, "<ul class=\"report-notes\">\n");
    for (const common::v1::DataQualityNote& note : report.notes()) {
      absl::StrAppend(&html, "<li>", EscapeHtml(note.message()), "</li>\n");
    }
    absl::StrAppend(&html, "</ul>\n");
  }
  absl::StrAppend(&html, "</section>\n");
  return html;
}

std::string AreaHtml(const Area& area, HtmlContext& context) {
  std::string html =
      absl::StrCat("<section class=\"area\" id=\"", AreaAnchor(area), "\" aria-labelledby=\"",
                   AreaAnchor(area), "-h\">\n<h3 id=\"", AreaAnchor(area), "-h\">Area ",
                   area.number(), ": ", EscapeHtml(area.title()), "</h3>\n");
  absl::StrAppend(&html, AreaEvaluationHtml(area.self_evaluation()));
  for (const reporting::v1::ThemeGroup& group : area.theme_groups()) {
    const std::string id = context.NewId();
    const std::string title = group.title().empty() ? ThemeTitle(group.theme()) : group.title();
    absl::StrAppend(&html, "<section class=\"theme\" aria-labelledby=\"", id, "\">\n<h4 id=\"", id,
                    "\">", EscapeHtml(title), "</h4>\n");
    if (group.indicators().empty()) {
      absl::StrAppend(&html, "<p class=\"no-indicators\">No indicators under this heading.</p>\n");
    }
    for (const reporting::v1::IndicatorEntry& entry : group.indicators()) {
      absl::StrAppend(&html, IndicatorHtml(entry, 5, context));
    }
    absl::StrAppend(&html, "</section>\n");
  }
  for (const reporting::v1::IndicatorEntry& entry : area.indicators()) {
    absl::StrAppend(&html, IndicatorHtml(entry, 4, context));
  }
  if (area.has_self_evaluation_summary()) {
    absl::StrAppend(&html, SelfEvaluationSummaryHtml(area.self_evaluation_summary(), 4, context));
  }
  if (area.theme_groups().empty() && area.indicators().empty() &&
      !area.has_self_evaluation_summary()) {
    absl::StrAppend(&html,
                    "<p class=\"no-indicators\">The framework gives this area no quantitative "
                    "indicators: it is evaluated through the self-evaluation.</p>\n");
  }
  absl::StrAppend(&html, "</section>\n");
  return html;
}

std::string KeyQuestionHtml(const KeyQuestion& question, HtmlContext& context) {
  std::string html = absl::StrCat(
      "<section class=\"key-question\" id=\"", QuestionAnchor(question), "\" aria-labelledby=\"",
      QuestionAnchor(question), "-h\">\n<h2 id=\"", QuestionAnchor(question), "-h\">Key question ",
      question.number(), ": ", EscapeHtml(question.question()), "</h2>\n");
  for (const Area& area : question.areas()) absl::StrAppend(&html, AreaHtml(area, context));
  absl::StrAppend(&html, "</section>\n");
  return html;
}

std::string PolicyText(const common::v1::Provenance& source) {
  if (source.disclosure_mode() == common::v1::DISCLOSURE_MODE_INTERNAL) return "Internal";
  if (!source.has_disclosure_policy()) return "Published";
  const DisclosurePolicy& policy = source.disclosure_policy();
  const std::string small =
      policy.min_shown_count() <= 1
          ? std::string("no small counts suppressed")
          : absl::StrCat("counts 1 to ", policy.min_shown_count() - 1, " suppressed");
  return absl::StrCat(
      "Published: ", small, ", values withheld when D is under ", policy.min_denominator(), ", ",
      policy.secondary_suppression() ? "secondary suppression" : "no secondary suppression");
}

// "intake 34, workforce 7": the data versions a source used.
std::string DataVersionsText(const common::v1::Provenance& source) {
  std::string text;
  if (source.intake_data_version() != 0) {
    absl::StrAppend(&text, "intake ", source.intake_data_version());
  }
  if (source.workforce_data_version() != 0) {
    absl::StrAppend(&text, text.empty() ? "" : ", ", "workforce ", source.workforce_data_version());
  }
  return text.empty() ? "none" : text;
}

std::string SourcesHtml(const Report& report) {
  std::string html =
      "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Sources of the figures</h2>\n"
      "<p>Every figure in this report was computed from the data and definition versions "
      "below, so it can be reproduced exactly.</p>\n";
  if (report.sources().empty()) {
    absl::StrAppend(&html, "<p>This report records no sources.</p>\n</section>\n");
    return html;
  }
  absl::StrAppend(&html,
                  "<table class=\"sources\"><caption>Computations behind the figures</caption>\n"
                  "<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Period</th>"
                  "<th scope=\"col\">Data versions</th><th scope=\"col\">Definitions</th>"
                  "<th scope=\"col\">Computed at</th><th scope=\"col\">Disclosure control</th>"
                  "<th scope=\"col\">Result id</th></tr></thead>\n<tbody>\n");
  for (int i = 0; i < report.sources_size(); ++i) {
    const common::v1::Provenance& source = report.sources(i);
    const std::string ref = SourceIndex::RefAt(i);
    absl::StrAppend(&html, "<tr id=\"src-", ref, "\"><th scope=\"row\">", ref,
                    "</th><td class=\"date\">", EscapeHtml(IsoDate(source.period().first_day())),
                    " to<br>", EscapeHtml(IsoDate(source.period().last_day())), "</td><td>",
                    DataVersionsText(source), "</td><td>", EscapeHtml(source.definitions_version()),
                    "</td><td>", EscapeHtml(TimestampText(source.computed_at())), "</td><td>",
                    EscapeHtml(PolicyText(source)), "</td><td class=\"id\">",
                    EscapeHtml(source.result_id()), "</td></tr>\n");
  }
  absl::StrAppend(&html, "</tbody></table>\n</section>\n");
  return html;
}

}  // namespace

std::string RenderHtml(const Report& report) {
  const SourceIndex sources(report);
  HtmlContext context{report, sources};
  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>PIF report: ",
      EscapeHtml(report.council()), ", ", EscapeHtml(PeriodText(report.period())),
      "</title>\n<style>", PageStyle(), "</style>\n</head>\n<body>\n");
  absl::StrAppend(&html, HeaderHtml(report), ContentsHtml(report), "<main>\n", LegendHtml(report),
                  DataQualityHtml(report));
  for (const KeyQuestion& question : report.key_questions()) {
    absl::StrAppend(&html, KeyQuestionHtml(question, context));
  }
  absl::StrAppend(&html, SourcesHtml(report), "</main>\n</body>\n</html>\n");
  return html;
}

}  // namespace pif::report_render
