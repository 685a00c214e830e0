// Why a unit is or is not counted, as the engine explains it; the figures themselves are the
// shared vocabulary of pif/figures/result.h.
#pragma once

#include <string>
#include <vector>

#include "pif/engine/figures.h"

namespace pif::engine {

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
