// The catalogue of workforce figures (indicators.md section 5): what each one is, as a council
// reads it, and how its result is shaped, so the adapter can map it to the contract.
#pragma once

#include <string>
#include <vector>

#include "pif/figures/definition.h"

namespace pif::workforce {

// The kind of headline value a figure has (pif.common.v1.ValueKind).
enum class ValueKind {
  kPercentage,  // 100 * N / D from the result's counts
  kMeasure,     // a decimal in `measure_unit`, carried by the supplementary figure `measure_figure`
  kNone,        // no headline: the breakdown and supplementary figures are the result
};

// A supplementary figure a result may carry.
struct SupplementaryDefinition {
  std::string name;   // as in the result (figure_names.h)
  std::string label;  // plain English for a report
  std::string unit;   // a measure's unit ("years", "FTE days", "FTE"); empty for a count
};

// A catalogue entry, like figures::IndicatorDefinition; every unit is a staff member, except a
// child for 7.4a/b.
struct FigureDefinition {
  std::string code;  // exactly as indicators.md writes it: "7.3a", "9.1"
  std::string title;
  int area = 7;  // framework area: 7 or 9
  figures::Polarity polarity = figures::Polarity::kHigherIsBetter;
  std::string definition_version;  // bumped whenever the rule changes
  std::string definition;          // the rule in plain words, with the decisions at the edges
  ValueKind value_kind = ValueKind::kPercentage;
  std::string measure_unit;    // kMeasure only: the headline's unit
  std::string measure_figure;  // kMeasure only: the supplementary figure holding the headline
  std::vector<std::string> own_breakdown_dimensions = {};
  // Figures reported alongside, in the order results carry them (measure_figure not included).
  std::vector<SupplementaryDefinition> supplementary = {};
  // True for 7.4a/b, which join intake's open cases (not computed without them).
  bool needs_case_data = false;
};

// Every workforce figure in code order: 7.1, 7.2, 7.3a-c, 7.4a-b, 7.5, 7.6, 7.7, 9.1.
const std::vector<FigureDefinition>& WorkforceCatalogue();

// The figure with this code, or nullptr.
const FigureDefinition* FindFigure(const std::string& code);

// One version string for the whole set of workforce definitions (changes when any one does).
const std::string& WorkforceDefinitionsVersion();

}  // namespace pif::workforce
