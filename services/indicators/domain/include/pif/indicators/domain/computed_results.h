// The figures the indicators service hands out and stores: one result set per computation, with
// its provenance, in the shape the contract renders (counts that may be suppressed, percentages
// that may be withheld), so a stored set renders the same every time it is returned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "pif/engine/indicator.h"
#include "pif/figures/data_quality.h"
#include "pif/figures/disclosure.h"
#include "pif/figures/period.h"

namespace pif::indicators {

// Whether figures are for internal management use (every count) or for publication.
enum class DisclosureMode { kInternal, kPublished };

// An extra named count reported with an indicator, in the contract's vocabulary.
struct SupplementaryCount {
  // Lower snake case machine name ("self_harm_count").
  std::string name;
  // Plain-English label for a report.
  std::string label;
  // The count, or the reason it is suppressed.
  figures::PublishedCount count;
};

// The figures of one indicator for one council and period, as handed out.
struct IndicatorFigures {
  std::string code;
  std::string title;
  figures::Polarity polarity = figures::Polarity::kHigherIsBetter;
  std::string definition_version;
  figures::PublishedCount numerator;
  figures::PublishedCount denominator;
  figures::PublishedCount unknown;
  figures::PublishedPercent percent;
  // Cells with categories in the contract's vocabulary (NOT_RECORDED for an empty value).
  std::vector<figures::PublishedCell> breakdowns;
  std::vector<SupplementaryCount> supplementary;
  // Breakdown dimensions left out of a published result because suppression could not protect
  // them, or every dimension (`breakdowns_withheld`) for 1 H.4, 1 H.5 and 1 R.3.
  std::vector<std::string> withheld_dimensions;
  bool breakdowns_withheld = false;
};

// Where a result set came from, so that any figure can be reproduced exactly.
struct Provenance {
  std::string council;
  figures::Period period;
  int64_t intake_data_version = 0;
  std::string definitions_version;
  // Set by the store when the set is first stored; kept when it is returned again.
  absl::Time computed_at = absl::UnixEpoch();
  // The store's id of the set.
  std::string result_id;
  DisclosureMode mode = DisclosureMode::kPublished;
  // The policy applied (PUBLISHED only).
  std::optional<figures::DisclosurePolicy> policy;
};

// A caveat about the data behind some figures (the vocabulary workforce shares).
using DataQualityNote = figures::DataQualityNote;

// One computation: provenance, results in catalogue order, notes.
struct ResultSet {
  Provenance provenance;
  std::vector<IndicatorFigures> results;
  std::vector<DataQualityNote> notes;
};

// A result set as a compute call returns it.
struct ComputedResultSet {
  ResultSet set;
  // True when an identical computation was already stored and is returned unchanged.
  bool reused = false;
};

}  // namespace pif::indicators
