// How an indicator is written: a catalogue entry plus a function that reports every unit it
// considers to a UnitSink. The same function serves computing (counts) and explaining (reasons).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "pif/engine/period.h"
#include "pif/engine/snapshot.h"

namespace pif::engine {

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

// A unit's part in an indicator.
enum class Membership {
  kOutside,      // considered, but not in the denominator (explain only)
  kUnknown,      // left out of the denominator because an item needed was not recorded
  kDenominator,  // in D, not in N
  kNumerator,    // in D and in N
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

// Receives the units an indicator considers. Reasons are built only when explaining.
class UnitSink {
 public:
  virtual ~UnitSink() = default;
  // Reports one unit: its id, the child it concerns (for breakdowns; nullptr for group units),
  // its membership, and a function giving the plain reasons (called only when explaining).
  virtual void Add(absl::string_view unit_id, const Child* child, Membership membership,
                   absl::FunctionRef<std::vector<std::string>()> reasons) = 0;
  // Like Add, with an extra breakdown category of an indicator-specific dimension
  // (for example review_type for 5.2, respondent for 2 R.5).
  virtual void AddWithCategory(absl::string_view unit_id, const Child* child, Membership membership,
                               absl::string_view dimension, absl::string_view category,
                               absl::FunctionRef<std::vector<std::string>()> reasons) = 0;
  // Adds `amount` to a named supplementary figure ("incidents", "SELF_HARM", "responses").
  virtual void AddSupplementary(absl::string_view name, double amount) = 0;
};

// Evaluates one indicator over a snapshot and period, reporting to `sink`.
using IndicatorFunction = void (*)(const Snapshot& snapshot, const Period& period, UnitSink& sink);

// An indicator: its definition and its evaluation.
struct Indicator {
  IndicatorDefinition definition;
  IndicatorFunction evaluate;
};

}  // namespace pif::engine
