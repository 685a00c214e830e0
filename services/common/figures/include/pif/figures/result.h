// The numbers an indicator or workforce figure produces, before any disclosure control.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pif::figures {

// A numerator over a denominator.
struct Counts {
  int64_t numerator = 0;
  int64_t denominator = 0;
};

// 100 * N / D rounded to one decimal (half away from zero); nullopt when D = 0.
std::optional<double> PercentOf(const Counts& counts);

// One cell of a breakdown table.
struct BreakdownCell {
  std::string
      dimension;         // sex, age_band, ethnic_group, disability, locality, or indicator-specific
  std::string category;  // M, 0-4, "not recorded", ...
  Counts counts;
};

// A named extra figure reported alongside (counts by type, number of incidents, responses).
struct SupplementaryFigure {
  std::string name;
  double value = 0;
};

// The result of one indicator for one council and period.
struct IndicatorResult {
  std::string code;
  Counts counts;
  // Units left out of D because an item needed was not recorded.
  int64_t unknown = 0;
  std::vector<BreakdownCell> breakdowns;
  std::vector<SupplementaryFigure> supplementary;
};

}  // namespace pif::figures
