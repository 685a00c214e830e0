// The numbers an indicator produces, before any disclosure control.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pif::engine {

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

// Why one unit is or is not counted.
struct UnitExplanation {
  std::string unit_id;
  std::string person_id;  // empty for group units
  bool in_denominator = false;
  bool in_numerator = false;
  bool unknown = false;
  std::vector<std::string> reasons;
};

}  // namespace pif::engine
