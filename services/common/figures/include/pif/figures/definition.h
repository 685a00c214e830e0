// What a figure is, as the council reads it: the catalogue entry of an indicator or workforce
// figure (code, title, area, theme, unit, polarity, definition and its version).
#pragma once

#include <string>
#include <vector>

namespace pif::figures {

// Whether a higher value is better.
enum class Polarity { kHigherIsBetter, kLowerIsBetter, kNeutral };

// What one unit of an indicator is.
enum class UnitKind {
  kChild,
  kAssessment,
  kInvolvement,
  kAccommodationSpell,
  kSiblingGroup,
  kFamily,
  kReview,
  kRespondent,
};

// The SHANARRI theme (wellbeing indicator) an indicator of sections 1 and 2 belongs to.
enum class Theme {
  kNone,  // sections 5, 7, 9, 10
  kSafe,
  kHealthy,
  kAchieving,  // "Achieving and active" is reported as two themes, achieving and active
  kNurtured,
  kActive,
  kRespected,  // "Respected and responsible" likewise
  kResponsible,
  kIncluded,
};

// A catalogue entry: what an indicator is, as the council reads it.
struct IndicatorDefinition {
  std::string code;   // exactly as indicators.md writes it: "1 N.5a", "5.1"
  std::string title;  // the framework's wording, shortened
  int area = 1;       // framework area 1-10
  Theme theme = Theme::kNone;
  UnitKind unit = UnitKind::kChild;
  Polarity polarity = Polarity::kHigherIsBetter;
  std::string definition_version;  // bumped whenever the rule changes ("1")
  std::string definition;          // the rule in plain words
  std::string denominator_text;    // who is in D: the definition's "D:" part
  std::string numerator_text;      // who of those is in N: the first sentence of its "N:" part
  // Breakdown dimensions of its own, always reported ("review_type" for 5.2).
  std::vector<std::string> own_dimensions;
  // Names of the supplementary figures it reports ("incidents", "responses").
  std::vector<std::string> supplementary_names;
  // False for indicators never broken down below council level when published (1 H.4, 1 H.5, 1
  // R.3).
  bool breakdowns_publishable = true;
};

}  // namespace pif::figures
