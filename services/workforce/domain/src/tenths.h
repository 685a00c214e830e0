// Rounding of the workforce measures.
#pragma once

#include <cmath>

namespace pif::workforce {

// `value` rounded to one decimal, half away from zero (as figures::PercentOf rounds).
inline double RoundToTenth(double value) { return std::round(10.0 * value) / 10.0; }

}  // namespace pif::workforce
