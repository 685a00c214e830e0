// Conversions between the workforce service's protos and its domain types, and nothing else.
#pragma once

#include "pif/common/v1/results.pb.h"
#include "pif/workforce/domain/compute_request.h"
#include "pif/workforce/domain/workforce_figures.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::workforce {

// The request as sent (UNSPECIFIED disclosure means PUBLISHED, the safe choice).
ComputeRequest ComputeRequestOf(const v1::ComputeWorkforceRequest& request);

// One figure: counts as Count (a number or its suppression reason), the headline as a
// Percentage or a Measure (a number or why it is withheld), only the parts the figure has.
void FigureToProto(const WorkforceFigure& figure, common::v1::IndicatorResult* out);

// Provenance, results, notes and the reused flag of a computation.
void ResultSetToProto(const WorkforceResultSet& set, v1::ComputeWorkforceResponse* out);

}  // namespace pif::workforce
