// Conversions between the indicators service's protos and its domain types, and nothing else.
#pragma once

#include "pif/common/v1/results.pb.h"
#include "pif/indicators/domain/computed_results.h"
#include "pif/indicators/domain/disclosure_policies.h"
#include "pif/indicators/domain/explainer.h"
#include "pif/indicators/domain/request_checks.h"
#include "pif/indicators/domain/result_computer.h"
#include "pif/indicators/v1/indicators_service.pb.h"

namespace pif::indicators {

// UNSPECIFIED means PUBLISHED (the safe choice).
DisclosureMode ModeOf(common::v1::DisclosureMode mode);

ComputeRequest ComputeRequestOf(const v1::ComputeIndicatorsRequest& request);
SeriesRequest SeriesRequestOf(const v1::ComputeIndicatorSeriesRequest& request);
ExplainRequest ExplainRequestOf(const v1::ExplainIndicatorRequest& request);
PolicyFields PolicyFieldsOf(const common::v1::DisclosurePolicy& policy);

// A catalogue entry.
void DefinitionToProto(const figures::IndicatorDefinition& definition,
                       v1::IndicatorDefinition* out);
// One indicator's figures: counts as Count (a number or its suppression reason), the value as a
// Percentage (a number or why it is withheld).
void FiguresToProto(const IndicatorFigures& figures, common::v1::IndicatorResult* out);
void ProvenanceToProto(const Provenance& provenance, common::v1::Provenance* out);
void NoteToProto(const DataQualityNote& note, common::v1::DataQualityNote* out);
// Provenance, results and notes of a set into the fields of a response of that shape.
void ResultSetToProto(const ResultSet& set, common::v1::Provenance* provenance,
                      google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>* results,
                      google::protobuf::RepeatedPtrField<common::v1::DataQualityNote>* notes);
// One unit of an explanation of an indicator counting `unit_kind` units.
void UnitToProto(const engine::UnitExplanation& unit, figures::UnitKind unit_kind,
                 v1::UnitExplanation* out);
// A policy in force (every field set).
void PolicyToProto(const PolicyInForce& policy, common::v1::DisclosurePolicy* out);

}  // namespace pif::indicators
