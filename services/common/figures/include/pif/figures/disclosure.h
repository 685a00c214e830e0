// Disclosure control of published figures (indicators.md section 7): small counts shown as `c`,
// secondary suppression in breakdown tables, percentages withheld, and indicators never broken
// down below council level. Internal management reports use IndicatorResult as it is; only a
// published report goes through Publish.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pif/figures/definition.h"
#include "pif/figures/result.h"

namespace pif::figures {

// The thresholds of one council (every one configurable; the defaults are section 7's).
struct DisclosurePolicy {
  // Counts from 1 to smallest_shown_count - 1 are suppressed (default: 1 to 5); 0 is shown.
  int64_t smallest_shown_count = 6;
  // A percentage is withheld when its denominator is under this (default 10).
  int64_t min_percent_denominator = 10;
  // Whether breakdown tables get secondary suppression.
  bool secondary_suppression = true;
};

// Why a count is not shown.
enum class SuppressionReason {
  kNone,       // shown
  kPrimary,    // a small count (1 to smallest_shown_count - 1)
  kSecondary,  // suppressed so that another suppressed count cannot be worked out from a total
};

// A published count: a value, or none with the reason (shown as `c`).
struct PublishedCount {
  std::optional<int64_t> value;
  SuppressionReason reason = SuppressionReason::kNone;

  bool suppressed() const { return reason != SuppressionReason::kNone; }
};

// Why a percentage is not shown.
enum class WithholdReason {
  kNone,
  kNoDenominator,              // D = 0: there is no percentage
  kNumeratorSuppressed,        // it would give the suppressed numerator back
  kDenominatorSuppressed,      // it would give the suppressed denominator back
  kDenominatorUnderThreshold,  // D < min_percent_denominator
};

// A published percentage (100 * N / D, one decimal), or none with the reason.
struct PublishedPercent {
  std::optional<double> value;
  WithholdReason reason = WithholdReason::kNone;
};

// One published breakdown cell.
struct PublishedCell {
  std::string dimension;
  std::string category;
  PublishedCount numerator;
  PublishedCount denominator;
  PublishedPercent percent;
};

// One published supplementary figure (counts by type, incidents, responses).
struct PublishedFigure {
  std::string name;
  std::optional<double> value;
  SuppressionReason reason = SuppressionReason::kNone;
};

// An indicator result as a published report may show it.
struct PublishedResult {
  std::string code;
  PublishedCount numerator;
  PublishedCount denominator;
  PublishedCount unknown;
  PublishedPercent percent;
  // True when the definition forbids breakdowns below council level (1 H.4, 1 H.5, 1 R.3):
  // `breakdowns` is then empty whatever the result held.
  bool breakdowns_withheld = false;
  std::vector<PublishedCell> breakdowns;  // in the result's order
  // Dimensions left out because suppressing cells could not protect them: no cell was left to
  // suppress beside a lone suppressed cell, or beside suppressed 1s adding up to the shown total.
  std::vector<std::string> withheld_dimensions;
  std::vector<PublishedFigure> supplementary;
};

// Applies the policy to one result of the indicator `definition` describes.
PublishedResult Publish(const IndicatorResult& result, const IndicatorDefinition& definition,
                        const DisclosurePolicy& policy = DisclosurePolicy());

// A count as printed: its value, or "c" when suppressed.
std::string DisplayText(const PublishedCount& count);

}  // namespace pif::figures
