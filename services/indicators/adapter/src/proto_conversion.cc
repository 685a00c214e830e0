#include "proto_conversion.h"

#include "pif/figures_proto/published_proto.h"
#include "pif/proto_util/dates.h"

namespace pif::indicators {
namespace {

using figures_proto::CountToProto;
using figures_proto::PercentToProto;
using figures_proto::PolarityToProto;

common::v1::ShanarriTheme ThemeToProto(figures::Theme theme) {
  switch (theme) {
    case figures::Theme::kNone:
      return common::v1::SHANARRI_THEME_UNSPECIFIED;
    case figures::Theme::kSafe:
      return common::v1::SHANARRI_THEME_SAFE;
    case figures::Theme::kHealthy:
      return common::v1::SHANARRI_THEME_HEALTHY;
    case figures::Theme::kAchieving:
      return common::v1::SHANARRI_THEME_ACHIEVING;
    case figures::Theme::kNurtured:
      return common::v1::SHANARRI_THEME_NURTURED;
    case figures::Theme::kActive:
      return common::v1::SHANARRI_THEME_ACTIVE;
    // The framework has one heading for both.
    case figures::Theme::kRespected:
    case figures::Theme::kResponsible:
      return common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE;
    case figures::Theme::kIncluded:
      return common::v1::SHANARRI_THEME_INCLUDED;
  }
  return common::v1::SHANARRI_THEME_UNSPECIFIED;
}

common::v1::UnitKind UnitKindToProto(figures::UnitKind unit) {
  switch (unit) {
    case figures::UnitKind::kChild:
      return common::v1::UNIT_KIND_CHILD;
    case figures::UnitKind::kAssessment:
      return common::v1::UNIT_KIND_ASSESSMENT;
    case figures::UnitKind::kInvolvement:
      return common::v1::UNIT_KIND_INVOLVEMENT;
    case figures::UnitKind::kAccommodationSpell:
      return common::v1::UNIT_KIND_ACCOMMODATION_SPELL;
    case figures::UnitKind::kSiblingGroup:
      return common::v1::UNIT_KIND_SIBLING_GROUP;
    case figures::UnitKind::kFamily:
      return common::v1::UNIT_KIND_FAMILY;
    case figures::UnitKind::kReview:
      return common::v1::UNIT_KIND_REVIEW;
    case figures::UnitKind::kRespondent:
      return common::v1::UNIT_KIND_RESPONDENT;
  }
  return common::v1::UNIT_KIND_UNSPECIFIED;
}

}  // namespace

DisclosureMode ModeOf(common::v1::DisclosureMode mode) {
  return mode == common::v1::DISCLOSURE_MODE_INTERNAL ? DisclosureMode::kInternal
                                                      : DisclosureMode::kPublished;
}

ComputeRequest ComputeRequestOf(const v1::ComputeIndicatorsRequest& request) {
  ComputeRequest out;
  out.council = request.council();
  out.period = PeriodFieldsOf(request.period(), request.has_period());
  out.codes.assign(request.codes().begin(), request.codes().end());
  out.breakdowns.assign(request.breakdown_dimensions().begin(),
                        request.breakdown_dimensions().end());
  out.mode = ModeOf(request.disclosure_mode());
  return out;
}

SeriesRequest SeriesRequestOf(const v1::ComputeIndicatorSeriesRequest& request) {
  SeriesRequest out;
  out.council = request.council();
  if (request.has_sequence()) {
    const v1::PeriodSequence& sequence = request.sequence();
    out.sequence = SequenceFields{PeriodFieldsOf(sequence.first(), sequence.has_first()),
                                  sequence.count(), sequence.step_months()};
  } else if (request.has_list()) {
    std::vector<figures::PeriodFields> periods;
    for (const common::v1::Period& period : request.list().periods()) {
      periods.push_back(PeriodFieldsOf(period, true));
    }
    out.list = std::move(periods);
  }
  out.codes.assign(request.codes().begin(), request.codes().end());
  out.breakdowns.assign(request.breakdown_dimensions().begin(),
                        request.breakdown_dimensions().end());
  out.mode = ModeOf(request.disclosure_mode());
  return out;
}

ExplainRequest ExplainRequestOf(const v1::ExplainIndicatorRequest& request) {
  ExplainRequest out;
  out.council = request.council();
  out.period = PeriodFieldsOf(request.period(), request.has_period());
  out.code = request.code();
  out.unit_id = request.unit_id();
  switch (request.selection()) {
    case v1::UNIT_SELECTION_DENOMINATOR:
      out.selection = UnitSelection::kDenominator;
      break;
    case v1::UNIT_SELECTION_NUMERATOR:
      out.selection = UnitSelection::kNumerator;
      break;
    case v1::UNIT_SELECTION_NOT_NUMERATOR:
      out.selection = UnitSelection::kNotNumerator;
      break;
    case v1::UNIT_SELECTION_EXCLUDED:
      out.selection = UnitSelection::kExcluded;
      break;
    default:
      out.selection = UnitSelection::kAll;
      break;
  }
  out.page_size = request.page_size();
  out.page_token = request.page_token();
  return out;
}

PolicyFields PolicyFieldsOf(const common::v1::DisclosurePolicy& policy) {
  PolicyFields out;
  out.council = policy.council();
  if (policy.has_min_shown_count()) out.min_shown_count = policy.min_shown_count();
  if (policy.has_min_denominator()) out.min_denominator = policy.min_denominator();
  if (policy.has_secondary_suppression()) {
    out.secondary_suppression = policy.secondary_suppression();
  }
  return out;
}

void DefinitionToProto(const figures::IndicatorDefinition& definition,
                       v1::IndicatorDefinition* out) {
  out->set_code(definition.code);
  out->set_title(definition.title);
  out->set_area(definition.area);
  out->set_theme(ThemeToProto(definition.theme));
  out->set_unit_kind(UnitKindToProto(definition.unit));
  out->set_polarity(PolarityToProto(definition.polarity));
  out->set_definition_version(definition.definition_version);
  out->set_definition(definition.definition);
  out->set_denominator_text(definition.denominator_text);
  out->set_numerator_text(definition.numerator_text);
  for (const std::string& dimension : definition.own_dimensions) {
    out->add_own_breakdown_dimensions(dimension);
  }
  for (const std::string& name : definition.supplementary_names) out->add_supplementary_names(name);
  // A part of 2 R.5 is not published on its own (PublishedOnlyAsBreakdown), so neither is any
  // breakdown of it.
  out->set_breakdowns_published(definition.breakdowns_publishable &&
                                PublishedOnlyAsBreakdown(definition.code) == nullptr);
  out->set_value_kind(common::v1::VALUE_KIND_PERCENTAGE);
}

void FiguresToProto(const IndicatorFigures& figures, common::v1::IndicatorResult* out) {
  out->set_code(figures.code);
  out->set_title(figures.title);
  CountToProto(figures.numerator, out->mutable_numerator());
  CountToProto(figures.denominator, out->mutable_denominator());
  PercentToProto(figures.percent, out->mutable_value());
  CountToProto(figures.unknown, out->mutable_unknown());
  out->set_polarity(PolarityToProto(figures.polarity));
  out->set_definition_version(figures.definition_version);
  for (const figures::PublishedCell& cell : figures.breakdowns) {
    common::v1::BreakdownCell* cell_out = out->add_breakdowns();
    cell_out->set_dimension(cell.dimension);
    cell_out->set_category(cell.category);
    CountToProto(cell.numerator, cell_out->mutable_numerator());
    CountToProto(cell.denominator, cell_out->mutable_denominator());
    PercentToProto(cell.percent, cell_out->mutable_value());
  }
  for (const SupplementaryCount& figure : figures.supplementary) {
    common::v1::SupplementaryFigure* figure_out = out->add_supplementary();
    figure_out->set_name(figure.name);
    figure_out->set_label(figure.label);
    CountToProto(figure.count, figure_out->mutable_count());
  }
}

void ProvenanceToProto(const Provenance& provenance, common::v1::Provenance* out) {
  out->set_council(provenance.council);
  *out->mutable_period() = PeriodToProto(provenance.period);
  out->set_intake_data_version(provenance.intake_data_version);
  out->set_definitions_version(provenance.definitions_version);
  *out->mutable_computed_at() = ToTimestamp(provenance.computed_at);
  out->set_result_id(provenance.result_id);
  out->set_disclosure_mode(provenance.mode == DisclosureMode::kPublished
                               ? common::v1::DISCLOSURE_MODE_PUBLISHED
                               : common::v1::DISCLOSURE_MODE_INTERNAL);
  if (provenance.policy.has_value()) {
    common::v1::DisclosurePolicy* policy = out->mutable_disclosure_policy();
    policy->set_council(provenance.council);
    policy->set_min_shown_count(provenance.policy->smallest_shown_count);
    policy->set_min_denominator(provenance.policy->min_percent_denominator);
    policy->set_secondary_suppression(provenance.policy->secondary_suppression);
  }
}

void NoteToProto(const DataQualityNote& note, common::v1::DataQualityNote* out) {
  out->set_code(note.code);
  out->set_message(note.message);
  out->set_indicator_code(note.indicator_code);
  out->set_count(note.count);
}

void ResultSetToProto(const ResultSet& set, common::v1::Provenance* provenance,
                      google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>* results,
                      google::protobuf::RepeatedPtrField<common::v1::DataQualityNote>* notes) {
  ProvenanceToProto(set.provenance, provenance);
  for (const IndicatorFigures& figures : set.results) FiguresToProto(figures, results->Add());
  for (const DataQualityNote& note : set.notes) NoteToProto(note, notes->Add());
}

void UnitToProto(const engine::UnitExplanation& unit, figures::UnitKind unit_kind,
                 v1::UnitExplanation* out) {
  out->set_unit_id(unit.unit_id);
  out->set_unit_kind(UnitKindToProto(unit_kind));
  if (!unit.person_id.empty()) out->add_person_ids(unit.person_id);
  out->set_in_denominator(unit.in_denominator);
  out->set_in_numerator(unit.in_numerator);
  if (!unit.in_denominator) {
    out->set_exclusion(unit.unknown ? v1::EXCLUSION_NOT_RECORDED : v1::EXCLUSION_NOT_ELIGIBLE);
    // The engine gives the deciding step last.
    if (!unit.reasons.empty()) out->set_excluded_reason(unit.reasons.back());
  }
  for (const std::string& reason : unit.reasons) out->add_reasons(reason);
}

void PolicyToProto(const PolicyInForce& policy, common::v1::DisclosurePolicy* out) {
  out->set_council(policy.council);
  out->set_min_shown_count(policy.policy.smallest_shown_count);
  out->set_min_denominator(policy.policy.min_percent_denominator);
  out->set_secondary_suppression(policy.policy.secondary_suppression);
}

}  // namespace pif::indicators
