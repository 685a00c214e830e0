#include "pif/figures/result.h"

#include <cmath>

namespace pif::figures {

std::optional<double> PercentOf(const Counts& counts) {
  if (counts.denominator == 0) return std::nullopt;
  const double tenths = std::round(1000.0 * static_cast<double>(counts.numerator) /
                                   static_cast<double>(counts.denominator));
  return tenths / 10.0;
}

}  // namespace pif::figures
