// The workforce figures shaped for handing out, internal (every figure shown) or published
// (disclosure control applied), by each figure's value kind:
//   7.1, 7.2   no numerator and no headline; denominator = EMPLOYEE headcount, unknown =
//              employment not recorded, one `length_of_service_band` cell per band (N = band
//              headcount, D = headcount, value = %), median_years (measure) and
//              agency_headcount (count) alongside;
//   7.3a/b/c   no counts; the headline measure is days_per_fte, with sick_fte_days_lost,
//              mean_fte and other_unplanned_fte_days_lost alongside as measures;
//   the rest   N, D, percentage and unknown (0); 7.6 adds reg_cond_count and not_reg_count,
//              9.1 its `manager_level` cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pif/figures/disclosure.h"
#include "pif/figures/result.h"
#include "pif/workforce/domain/figure_catalogue.h"
#include "pif/workforce/domain/workforce_figures.h"

namespace pif::workforce {

// One figure as handed out, with what its notes need beside it.
struct ShapedFigure {
  WorkforceFigure figure;
  // Breakdown dimensions left out of a published result because suppressing cells could not
  // protect them.
  std::vector<std::string> withheld_dimensions;
};

// Shapes one result of `definition`. Without `policy` every figure is shown (a percentage is
// withheld only for D = 0, a measure only when it has no base). With it: counts, cells and
// percentages go through figures::Publish; counts alongside are suppressed like any count; a
// measure is withheld when its base is under the policy's min_percent_denominator (or
// suppressed): the headcount for median_years, mean_fte for 7.3's days_per_fte and the days lost
// behind it (mean_fte itself is shown). Measures are rounded to 1 decimal.
ShapedFigure ShapeFigure(const figures::IndicatorResult& result, const FigureDefinition& definition,
                         const std::optional<figures::DisclosurePolicy>& policy);

}  // namespace pif::workforce
