// Checks of the arguments of the indicators service's calls. Each failure is INVALID_ARGUMENT
// with a field violation naming the field as the contract spells it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/core/council.h"
#include "pif/engine/engine.h"
#include "pif/figures/period.h"
#include "pif/figures/period_check.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// The council check every service shares (pif/core/council.h).
using ::pif::CheckCouncil;

// The codes in catalogue order without repeats; empty asks for every indicator. An unknown code
// is INVALID_ARGUMENT naming it (`<field>[i]`, rule UNKNOWN_INDICATOR_CODE).
absl::StatusOr<std::vector<std::string>> CheckCodes(const std::vector<std::string>& codes,
                                                    const std::string& field = "codes");

// An indicator that PUBLISHED figures carry only as a cell of another indicator's breakdown, never
// as a result of its own.
struct BreakdownCellOnly {
  const char* code;       // "2 R.5 child"
  const char* whole;      // "2 R.5"
  const char* dimension;  // "respondent"
  const char* category;   // "CHILD"
};

// The publication rule (docs/indicators.md, "Disclosure control"), the one place it is written:
// `2 R.5 child` and `2 R.5 parent` are the parts of `2 R.5` in the same units (2 R.5 = child +
// parent), so either published beside 2 R.5, each disclosure-controlled on its own, would let a
// suppressed part be recovered by subtraction, cell by cell. Their published figures are the
// CHILD and PARENT_CARER cells of 2 R.5's `respondent` breakdown, which secondary suppression
// protects as one table. Returns how `code` is published when it is such a part, else nullptr.
const BreakdownCellOnly* PublishedOnlyAsBreakdown(std::string_view code);

// The codes a computation in `mode` covers, in catalogue order without repeats. First CheckCodes;
// then, for PUBLISHED, the rule above: no codes means every indicator published on its own (an
// explicit list, without the parts of 2 R.5), and a code naming a part is INVALID_ARGUMENT naming
// `<field>[i]` (rule PUBLISHED_ONLY_AS_BREAKDOWN). INTERNAL: as CheckCodes (empty = every
// indicator, the parts included).
absl::StatusOr<std::vector<std::string>> CheckCodesFor(const std::vector<std::string>& codes,
                                                       DisclosureMode mode,
                                                       const std::string& field = "codes");

// The breakdown dimensions in the engine's order without repeats; an unknown name is
// INVALID_ARGUMENT naming it (rule UNKNOWN_BREAKDOWN_DIMENSION).
absl::StatusOr<std::vector<engine::Dimension>> CheckBreakdowns(
    const std::vector<std::string>& names, const std::string& field = "breakdown_dimensions");

}  // namespace pif::indicators
