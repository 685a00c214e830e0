// How an indicator is written: a catalogue entry plus a function that reports every unit it
// considers to a UnitSink. The same function serves computing (counts) and explaining (reasons).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "pif/engine/figures.h"
#include "pif/engine/snapshot.h"

namespace pif::engine {

// A unit's part in an indicator.
enum class Membership {
  kOutside,      // considered, but not in the denominator (explain only)
  kUnknown,      // left out of the denominator because an item needed was not recorded
  kDenominator,  // in D, not in N
  kNumerator,    // in D and in N
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
