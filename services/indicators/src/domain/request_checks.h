// Checks of the arguments of the indicators service's calls. Each failure is INVALID_ARGUMENT
// with a field violation naming the field as the contract spells it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/engine/engine.h"
#include "pif/engine/period.h"

namespace pif::indicators {

// A calendar date as the request sent it, before checking.
struct DateFields {
  int year = 0;
  int month = 0;
  int day = 0;
};

// A period as the request sent it: either day may be missing.
struct PeriodFields {
  std::optional<DateFields> first_day;
  std::optional<DateFields> last_day;
};

// OK when `council` is a GSS code: an upper-case letter then 8 digits (S12000033).
absl::Status CheckCouncil(const std::string& council, const std::string& field = "council");

// The period when both days are given, are calendar dates and the first is not after the last.
absl::StatusOr<engine::Period> CheckPeriod(const PeriodFields& period,
                                           const std::string& field = "period");

// The codes in catalogue order without repeats; empty asks for every indicator. An unknown code
// is INVALID_ARGUMENT naming it (`<field>[i]`, rule UNKNOWN_INDICATOR_CODE).
absl::StatusOr<std::vector<std::string>> CheckCodes(const std::vector<std::string>& codes,
                                                    const std::string& field = "codes");

// The breakdown dimensions in the engine's order without repeats; an unknown name is
// INVALID_ARGUMENT naming it (rule UNKNOWN_BREAKDOWN_DIMENSION).
absl::StatusOr<std::vector<engine::Dimension>> CheckBreakdowns(
    const std::vector<std::string>& names, const std::string& field = "breakdown_dimensions");

}  // namespace pif::indicators
