#include "pif/workforce/domain/figure_shaping.h"

#include <cmath>
#include <cstdint>

#include "pif/workforce/domain/figure_names.h"
#include "tenths.h"

namespace pif::workforce {
namespace {

// A measure: its value rounded to 1 decimal, or why it is not given.
PublishedMeasure MeasureOf(std::optional<double> value, figures::WithholdReason withheld) {
  PublishedMeasure measure;
  if (!value.has_value()) {
    measure.reason = figures::WithholdReason::kNoDenominator;
  } else if (withheld != figures::WithholdReason::kNone) {
    measure.reason = withheld;
  } else {
    measure.value = RoundToTenth(*value);
  }
  return measure;
}

std::optional<double> FigureOf(const figures::IndicatorResult& result, const std::string& name) {
  for (const figures::SupplementaryFigure& figure : result.supplementary) {
    if (figure.name == name) return figure.value;
  }
  return std::nullopt;
}

figures::PublishedCount Shown(int64_t value) { return {value, figures::SuppressionReason::kNone}; }

figures::PublishedPercent PercentShown(const figures::Counts& counts) {
  figures::PublishedPercent percent;
  percent.value = figures::PercentOf(counts);
  if (!percent.value.has_value()) percent.reason = figures::WithholdReason::kNoDenominator;
  return percent;
}

// Every count shown, as figures::Publish would give them without any policy.
figures::PublishedResult Internal(const figures::IndicatorResult& result) {
  figures::PublishedResult shown;
  shown.code = result.code;
  shown.numerator = Shown(result.counts.numerator);
  shown.denominator = Shown(result.counts.denominator);
  shown.unknown = Shown(result.unknown);
  shown.percent = PercentShown(result.counts);
  for (const figures::BreakdownCell& cell : result.breakdowns) {
    shown.breakdowns.push_back({cell.dimension, cell.category, Shown(cell.counts.numerator),
                                Shown(cell.counts.denominator), PercentShown(cell.counts)});
  }
  for (const figures::SupplementaryFigure& figure : result.supplementary) {
    shown.supplementary.push_back({figure.name, figure.value, figures::SuppressionReason::kNone});
  }
  return shown;
}

figures::IndicatorDefinition EngineDefinitionOf(const FigureDefinition& definition) {
  figures::IndicatorDefinition out;
  out.code = definition.code;
  out.title = definition.title;
  out.area = definition.area;
  out.polarity = definition.polarity;
  out.definition_version = definition.definition_version;
  out.definition = definition.definition;
  out.breakdowns_publishable = true;
  return out;
}

const figures::PublishedFigure* PublishedFigureOf(const figures::PublishedResult& published,
                                                  const std::string& name) {
  for (const figures::PublishedFigure& figure : published.supplementary) {
    if (figure.name == name) return &figure;
  }
  return nullptr;
}

// Why the measures resting on a base (a headcount or a mean FTE) are withheld in published
// figures: kNone when shown.
figures::WithholdReason BaseWithheld(const std::optional<figures::DisclosurePolicy>& policy,
                                     double base, bool base_suppressed) {
  if (!policy.has_value()) return figures::WithholdReason::kNone;
  if (base_suppressed) return figures::WithholdReason::kDenominatorSuppressed;
  if (base < static_cast<double>(policy->min_percent_denominator)) {
    return figures::WithholdReason::kDenominatorUnderThreshold;
  }
  return figures::WithholdReason::kNone;
}

// A count of staff alongside, as published (0 when the result did not give it).
figures::PublishedCount SupplementaryCount(const figures::PublishedResult& published,
                                           const std::string& name) {
  const figures::PublishedFigure* figure = PublishedFigureOf(published, name);
  figures::PublishedCount count;
  if (figure == nullptr) {
    count.value = 0;
  } else if (figure->reason != figures::SuppressionReason::kNone) {
    count.reason = figure->reason;
  } else {
    count.value = std::llround(figure->value.value_or(0));
  }
  return count;
}

}  // namespace

ShapedFigure ShapeFigure(const figures::IndicatorResult& result, const FigureDefinition& definition,
                         const std::optional<figures::DisclosurePolicy>& policy) {
  figures::IndicatorResult counted = result;
  if (definition.value_kind == ValueKind::kNone) {
    // The band cells add up to the headcount, which is therefore the total their numerators are
    // protected against (7.1 and 7.2 have no numerator of their own).
    counted.counts.numerator = result.counts.denominator;
  }
  const figures::PublishedResult published =
      policy.has_value() ? figures::Publish(counted, EngineDefinitionOf(definition), *policy)
                         : Internal(counted);

  ShapedFigure shaped;
  WorkforceFigure& out = shaped.figure;
  out.code = definition.code;
  out.title = definition.title;
  out.polarity = definition.polarity;
  out.definition_version = definition.definition_version;

  figures::WithholdReason measures_withheld = figures::WithholdReason::kNone;
  switch (definition.value_kind) {
    case ValueKind::kPercentage:
      out.numerator = published.numerator;
      out.denominator = published.denominator;
      out.headline = published.percent;
      out.unknown = published.unknown;
      break;
    case ValueKind::kNone:
      out.denominator = published.denominator;
      out.unknown = published.unknown;
      measures_withheld = BaseWithheld(policy, static_cast<double>(result.counts.denominator),
                                       published.denominator.suppressed());
      break;
    case ValueKind::kMeasure:
      measures_withheld = BaseWithheld(policy, FigureOf(result, kMeanFte).value_or(0), false);
      out.headline = MeasureOf(FigureOf(result, definition.measure_figure), measures_withheld);
      break;
  }
  out.breakdowns = published.breakdowns;
  shaped.withheld_dimensions = published.withheld_dimensions;

  for (const SupplementaryDefinition& supplementary : definition.supplementary) {
    FigureSupplement figure;
    figure.name = supplementary.name;
    figure.label = supplementary.label;
    figure.unit = supplementary.unit;
    if (supplementary.unit.empty()) {
      // A count of staff.
      figure.value = SupplementaryCount(published, supplementary.name);
    } else {
      // mean_fte is the base itself, not a figure resting on it.
      figure.value = MeasureOf(
          FigureOf(result, supplementary.name),
          supplementary.name == kMeanFte ? figures::WithholdReason::kNone : measures_withheld);
    }
    out.supplementary.push_back(std::move(figure));
  }
  return shaped;
}

}  // namespace pif::workforce
