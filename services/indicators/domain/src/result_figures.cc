#include "pif/indicators/domain/result_figures.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace pif::indicators {
namespace {

// The engine's name for an empty attribute ("not recorded"); the contract says NOT_RECORDED.
constexpr char kEngineNotRecorded[] = "not recorded";

// The contract's name and label of one of the engine's supplementary figures.
struct FigureName {
  std::string name;
  std::string label;
};

FigureName NameOf(const std::string& code, const std::string& engine_name) {
  if (engine_name == "incidents" && code == "1 S.2") {
    return {"missing_incident_count", "Missing incidents of 24 hours or more"};
  }
  if (engine_name == "incidents" && code == "1 H.4") {
    return {"pregnancy_incident_count", "Pregnancies recorded while accommodated"};
  }
  if (engine_name == "SELF_HARM") return {"self_harm_count", "Self-harm incidents"};
  if (engine_name == "SUICIDE_ATTEMPT") {
    return {"suicide_attempt_count", "Suicide attempt incidents"};
  }
  if (engine_name == "SUICIDE") return {"suicide_count", "Suicides"};
  if (engine_name == "needs_due") return {"needs_due_count", "Needs due in the period"};
  if (engine_name == "needs_met_in_time") {
    return {"needs_met_in_time_count", "Needs met by their due date"};
  }
  if (engine_name == "responses") return {"response_count", "Survey responses"};
  // A figure this table does not know yet keeps a machine name derived from the engine's.
  const std::string name = absl::StrCat(absl::AsciiStrToLower(engine_name), "_count");
  return {name, name};
}

std::string CategoryText(const std::string& category) {
  return category == kEngineNotRecorded ? kNotRecordedCategory : category;
}

figures::PublishedCount Shown(int64_t value) {
  figures::PublishedCount count;
  count.value = value;
  return count;
}

figures::PublishedPercent InternalPercent(const figures::Counts& counts) {
  figures::PublishedPercent percent;
  percent.value = figures::PercentOf(counts);
  if (!percent.value.has_value()) percent.reason = figures::WithholdReason::kNoDenominator;
  return percent;
}

void CopyHeader(const figures::IndicatorDefinition& definition, IndicatorFigures& figures) {
  figures.code = definition.code;
  figures.title = definition.title;
  figures.polarity = definition.polarity;
  figures.definition_version = definition.definition_version;
}

}  // namespace

IndicatorFigures InternalFigures(const figures::IndicatorResult& result,
                                 const figures::IndicatorDefinition& definition) {
  IndicatorFigures figures;
  CopyHeader(definition, figures);
  figures.numerator = Shown(result.counts.numerator);
  figures.denominator = Shown(result.counts.denominator);
  figures.unknown = Shown(result.unknown);
  figures.percent = InternalPercent(result.counts);
  for (const figures::BreakdownCell& cell : result.breakdowns) {
    figures::PublishedCell out;
    out.dimension = cell.dimension;
    out.category = CategoryText(cell.category);
    out.numerator = Shown(cell.counts.numerator);
    out.denominator = Shown(cell.counts.denominator);
    out.percent = InternalPercent(cell.counts);
    figures.breakdowns.push_back(std::move(out));
  }
  for (const figures::SupplementaryFigure& figure : result.supplementary) {
    FigureName name = NameOf(definition.code, figure.name);
    figures.supplementary.push_back(
        {std::move(name.name), std::move(name.label), Shown(std::llround(figure.value))});
  }
  return figures;
}

IndicatorFigures PublishedFigures(const figures::IndicatorResult& result,
                                  const figures::IndicatorDefinition& definition,
                                  const figures::DisclosurePolicy& policy) {
  figures::PublishedResult published = figures::Publish(result, definition, policy);
  IndicatorFigures figures;
  CopyHeader(definition, figures);
  figures.numerator = published.numerator;
  figures.denominator = published.denominator;
  figures.unknown = published.unknown;
  figures.percent = published.percent;
  figures.breakdowns = std::move(published.breakdowns);
  for (figures::PublishedCell& cell : figures.breakdowns)
    cell.category = CategoryText(cell.category);
  for (const figures::PublishedFigure& figure : published.supplementary) {
    FigureName name = NameOf(definition.code, figure.name);
    figures::PublishedCount count;
    count.reason = figure.reason;
    if (figure.value.has_value()) count.value = std::llround(*figure.value);
    figures.supplementary.push_back({std::move(name.name), std::move(name.label), count});
  }
  figures.withheld_dimensions = std::move(published.withheld_dimensions);
  figures.breakdowns_withheld = published.breakdowns_withheld;
  return figures;
}

}  // namespace pif::indicators
