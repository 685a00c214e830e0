// The workforce figures as the service hands them out and stores them: each figure in the shape
// its value kind gives it, disclosure control already applied, and a computation's figures with
// their provenance and notes. Plain data: the domain fills it, the store keeps it, the adapter
// converts it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/time.h"
#include "pif/figures/data_quality.h"
#include "pif/figures/definition.h"
#include "pif/figures/disclosure.h"
#include "pif/figures/period.h"

namespace pif::workforce {

// A measure as handed out: a decimal rounded to 1 place, or why it is not given.
struct PublishedMeasure {
  std::optional<double> value;
  // Why there is no value (kNoDenominator when it has no base).
  figures::WithholdReason reason = figures::WithholdReason::kNone;
};

// A supplementary figure as handed out: a count of staff (no unit) or a measure (with its unit).
struct FigureSupplement {
  std::string name;
  std::string label;
  std::string unit;
  std::variant<figures::PublishedCount, PublishedMeasure> value;
};

// A figure's headline: a percentage, a measure (7.3's days per FTE), or none (7.1, 7.2).
using Headline = std::variant<std::monostate, figures::PublishedPercent, PublishedMeasure>;

// One workforce figure as handed out. Which counts it has follows its value kind: a percentage
// figure has N, D and unknown; 7.1 and 7.2 have D (the headcount) and unknown; 7.3 none.
struct WorkforceFigure {
  std::string code;
  std::string title;
  figures::Polarity polarity = figures::Polarity::kHigherIsBetter;
  std::string definition_version;
  std::optional<figures::PublishedCount> numerator;
  std::optional<figures::PublishedCount> denominator;
  std::optional<figures::PublishedCount> unknown;
  Headline headline;
  std::vector<figures::PublishedCell> breakdowns;
  std::vector<FigureSupplement> supplementary;
};

// The figures of one computation as stored: results in catalogue order, then the notes.
struct FigureSet {
  std::vector<WorkforceFigure> results;
  std::vector<figures::DataQualityNote> notes;
};

// Where a set of figures came from, so that any figure can be reproduced exactly.
struct WorkforceProvenance {
  std::string council;
  figures::Period period;
  int64_t workforce_data_version = 0;
  // 0 when 7.4 was not asked for.
  int64_t intake_data_version = 0;
  std::string definitions_version;
  // When the set was first stored, and the store's id of it.
  absl::Time computed_at = absl::UnixEpoch();
  std::string result_id;
  // The policy applied to PUBLISHED figures; nullopt for INTERNAL ones.
  std::optional<figures::DisclosurePolicy> policy;
};

// A computation as ComputeWorkforce returns it.
struct WorkforceResultSet {
  WorkforceProvenance provenance;
  FigureSet figures;
  // True when the same computation on the same data was stored before and is returned unchanged.
  bool reused = false;
};

}  // namespace pif::workforce
