#include "proto_conversion.h"

#include "pif/figures_proto/published_proto.h"
#include "pif/proto_util/dates.h"

namespace pif::workforce {
namespace {

using figures_proto::CountToProto;
using figures_proto::PercentToProto;
using figures_proto::PolarityToProto;
using figures_proto::WithholdToProto;

void MeasureToProto(const PublishedMeasure& measure, common::v1::Measure* out) {
  if (measure.value.has_value()) {
    out->set_value(*measure.value);
  } else {
    out->set_withheld(WithholdToProto(measure.reason));
  }
}

void SupplementToProto(const FigureSupplement& supplement, common::v1::SupplementaryFigure* out) {
  out->set_name(supplement.name);
  out->set_label(supplement.label);
  out->set_unit(supplement.unit);
  if (const auto* count = std::get_if<figures::PublishedCount>(&supplement.value)) {
    CountToProto(*count, out->mutable_count());
  } else {
    MeasureToProto(std::get<PublishedMeasure>(supplement.value), out->mutable_measure());
  }
}

void ProvenanceToProto(const WorkforceProvenance& provenance, common::v1::Provenance* out) {
  out->set_council(provenance.council);
  *out->mutable_period() = PeriodToProto(provenance.period);
  out->set_intake_data_version(provenance.intake_data_version);
  out->set_workforce_data_version(provenance.workforce_data_version);
  out->set_definitions_version(provenance.definitions_version);
  *out->mutable_computed_at() = ToTimestamp(provenance.computed_at);
  out->set_result_id(provenance.result_id);
  if (provenance.policy.has_value()) {
    out->set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
    common::v1::DisclosurePolicy* policy = out->mutable_disclosure_policy();
    policy->set_council(provenance.council);
    policy->set_min_shown_count(provenance.policy->smallest_shown_count);
    policy->set_min_denominator(provenance.policy->min_percent_denominator);
    policy->set_secondary_suppression(provenance.policy->secondary_suppression);
  } else {
    out->set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  }
}

void NoteToProto(const figures::DataQualityNote& note, common::v1::DataQualityNote* out) {
  out->set_code(note.code);
  out->set_message(note.message);
  out->set_indicator_code(note.indicator_code);
  out->set_count(note.count);
}

}  // namespace

ComputeRequest ComputeRequestOf(const v1::ComputeWorkforceRequest& request) {
  ComputeRequest out;
  out.council = request.council();
  out.period = PeriodFieldsOf(request.period(), request.has_period());
  out.codes.assign(request.codes().begin(), request.codes().end());
  out.published = request.disclosure_mode() != common::v1::DISCLOSURE_MODE_INTERNAL;
  return out;
}

void FigureToProto(const WorkforceFigure& figure, common::v1::IndicatorResult* out) {
  out->set_code(figure.code);
  out->set_title(figure.title);
  out->set_polarity(PolarityToProto(figure.polarity));
  out->set_definition_version(figure.definition_version);
  if (figure.numerator.has_value()) CountToProto(*figure.numerator, out->mutable_numerator());
  if (figure.denominator.has_value()) {
    CountToProto(*figure.denominator, out->mutable_denominator());
  }
  if (figure.unknown.has_value()) CountToProto(*figure.unknown, out->mutable_unknown());
  if (const auto* percent = std::get_if<figures::PublishedPercent>(&figure.headline)) {
    PercentToProto(*percent, out->mutable_value());
  } else if (const auto* measure = std::get_if<PublishedMeasure>(&figure.headline)) {
    MeasureToProto(*measure, out->mutable_measure());
  }
  for (const figures::PublishedCell& cell : figure.breakdowns) {
    common::v1::BreakdownCell* cell_out = out->add_breakdowns();
    cell_out->set_dimension(cell.dimension);
    cell_out->set_category(cell.category);
    CountToProto(cell.numerator, cell_out->mutable_numerator());
    CountToProto(cell.denominator, cell_out->mutable_denominator());
    PercentToProto(cell.percent, cell_out->mutable_value());
  }
  for (const FigureSupplement& supplement : figure.supplementary) {
    SupplementToProto(supplement, out->add_supplementary());
  }
}

void ResultSetToProto(const WorkforceResultSet& set, v1::ComputeWorkforceResponse* out) {
  ProvenanceToProto(set.provenance, out->mutable_provenance());
  for (const WorkforceFigure& figure : set.figures.results) {
    FigureToProto(figure, out->add_results());
  }
  for (const figures::DataQualityNote& note : set.figures.notes) {
    NoteToProto(note, out->add_notes());
  }
  out->set_reused(set.reused);
}

}  // namespace pif::workforce
