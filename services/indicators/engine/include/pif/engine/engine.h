// The engine's entry points: the catalogue, computing results with breakdowns, explaining units.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "pif/engine/indicator.h"
#include "pif/engine/result.h"
#include "pif/engine/snapshot.h"

namespace pif::engine {

// The breakdown dimensions of child-level units (indicators.md section 1).
enum class Dimension { kSex, kAgeBand, kEthnicGroup, kDisability, kLocality };

// The dimension's name as written in results ("age_band").
absl::string_view DimensionName(Dimension dimension);
// Parses a dimension name; nullopt when unknown.
std::optional<Dimension> ParseDimension(absl::string_view name);
// The child's age band at `census`: unborn, 0-4, 5-11, 12-15 or 16+ (no dob, or a dob after the
// census date, is unborn).
std::string AgeBandOf(const Child& child, Date census);
// The category label of a child in a dimension ("not recorded" for an empty value).
std::string CategoryOf(const Child& child, Dimension dimension, Date census);

// Every indicator the engine computes, in the framework's order.
const std::vector<Indicator>& Catalogue();
// The indicator with this code, or nullptr.
const Indicator* FindIndicator(absl::string_view code);
// One version string for the whole set of definitions (changes when any definition changes).
const std::string& DefinitionsVersion();

// What to compute.
struct ComputeRequest {
  Period period;
  // Codes to compute; empty computes every indicator of the catalogue.
  std::vector<std::string> codes;
  // Breakdowns of child-level units to produce.
  std::vector<Dimension> breakdowns;
};

// Computes the requested indicators. INVALID_ARGUMENT for a period ending before it starts;
// NOT_FOUND naming the first unknown code.
absl::StatusOr<std::vector<IndicatorResult>> Compute(const Snapshot& snapshot,
                                                     const ComputeRequest& request);

// Every unit one indicator considers for the period, with its membership and plain reasons;
// only units whose id or person_id equals `unit_filter` when it is given.
absl::StatusOr<std::vector<UnitExplanation>> Explain(const Snapshot& snapshot, const Period& period,
                                                     absl::string_view code,
                                                     std::optional<std::string> unit_filter = {});

}  // namespace pif::engine
