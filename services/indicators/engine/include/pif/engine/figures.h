// The engine computes in the shared figures vocabulary (services/common/figures): periods,
// results, catalogue entries and disclosure control. These names are that vocabulary.
#pragma once

#include "pif/figures/definition.h"
#include "pif/figures/period.h"
#include "pif/figures/result.h"

namespace pif::engine {

using figures::BreakdownCell;
using figures::Counts;
using figures::IndicatorDefinition;
using figures::IndicatorResult;
using figures::PercentOf;
using figures::Period;
using figures::Polarity;
using figures::SupplementaryFigure;
using figures::Theme;
using figures::UnitKind;

}  // namespace pif::engine
