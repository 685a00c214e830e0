#include "figure_protos.h"

#include <cmath>
#include <cstdint>

#include "domain/figure_names.h"
#include "domain/tenths.h"
#include "pif/figures_proto/published_proto.h"

namespace pif::workforce {
namespace {

using figures_proto::CountToProto;
using figures_proto::PercentToProto;
using figures_proto::PolarityToProto;
using figures_proto::WithholdToProto;

// A measure: its value rounded to 1 decimal, or why it is not given.
void MeasureToProto(std::optional<double> value, figures::WithholdReason withheld,
                    common::v1::Measure* out) {
  if (!value.has_value()) {
    out->set_withheld(WithholdToProto(figures::WithholdReason::kNoDenominator));
  } else if (withheld != figures::WithholdReason::kNone) {
    out->set_withheld(WithholdToProto(withheld));
  } else {
    out->set_value(RoundToTenth(*value));
  }
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

}  // namespace

FigureProto FigureToProto(const figures::IndicatorResult& result,
                          const FigureDefinition& definition,
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

  FigureProto proto;
  common::v1::IndicatorResult& out = proto.result;
  out.set_code(definition.code);
  out.set_title(definition.title);
  out.set_polarity(PolarityToProto(definition.polarity));
  out.set_definition_version(definition.definition_version);

  figures::WithholdReason measures_withheld = figures::WithholdReason::kNone;
  switch (definition.value_kind) {
    case ValueKind::kPercentage:
      CountToProto(published.numerator, out.mutable_numerator());
      CountToProto(published.denominator, out.mutable_denominator());
      PercentToProto(published.percent, out.mutable_value());
      CountToProto(published.unknown, out.mutable_unknown());
      break;
    case ValueKind::kNone:
      CountToProto(published.denominator, out.mutable_denominator());
      CountToProto(published.unknown, out.mutable_unknown());
      measures_withheld = BaseWithheld(policy, static_cast<double>(result.counts.denominator),
                                       published.denominator.suppressed());
      break;
    case ValueKind::kMeasure: {
      measures_withheld = BaseWithheld(policy, FigureOf(result, kMeanFte).value_or(0), false);
      MeasureToProto(FigureOf(result, definition.measure_figure), measures_withheld,
                     out.mutable_measure());
      break;
    }
  }
  for (const figures::PublishedCell& cell : published.breakdowns) {
    common::v1::BreakdownCell* cell_out = out.add_breakdowns();
    cell_out->set_dimension(cell.dimension);
    cell_out->set_category(cell.category);
    CountToProto(cell.numerator, cell_out->mutable_numerator());
    CountToProto(cell.denominator, cell_out->mutable_denominator());
    PercentToProto(cell.percent, cell_out->mutable_value());
  }
  proto.withheld_dimensions = published.withheld_dimensions;

  for (const SupplementaryDefinition& supplementary : definition.supplementary) {
    common::v1::SupplementaryFigure* figure = out.add_supplementary();
    figure->set_name(supplementary.name);
    figure->set_label(supplementary.label);
    figure->set_unit(supplementary.unit);
    if (supplementary.unit.empty()) {
      // A count of staff.
      const figures::PublishedFigure* published_figure =
          PublishedFigureOf(published, supplementary.name);
      figures::PublishedCount count;
      if (published_figure == nullptr) {
        count.value = 0;
      } else if (published_figure->reason != figures::SuppressionReason::kNone) {
        count.reason = published_figure->reason;
      } else {
        count.value = std::llround(published_figure->value.value_or(0));
      }
      CountToProto(count, figure->mutable_count());
    } else {
      // mean_fte is the base itself, not a figure resting on it.
      MeasureToProto(
          FigureOf(result, supplementary.name),
          supplementary.name == kMeanFte ? figures::WithholdReason::kNone : measures_withheld,
          figure->mutable_measure());
    }
  }
  return proto;
}

}  // namespace pif::workforce
