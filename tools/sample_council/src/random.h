// A portable pseudo-random source: std::mt19937_64 (its output is fixed by the C++ standard) with
// distribution code of our own, so that a seed gives the same council on every standard library.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <random>

#include "absl/types/span.h"
#include "pif/dates/date.h"

namespace pif::sample::internal {

// A band of a piecewise-uniform distribution: `weight` of the mass spread evenly on [lo, hi].
struct Band {
  double weight;
  int lo;
  int hi;
};

// Draws numbers, dates and choices from one mt19937_64 stream.
class Random {
 public:
  // A stream seeded with `seed` mixed with `stream` (different streams are independent).
  Random(uint64_t seed, uint64_t stream);

  // A uniform integer in [0, n); n must be positive.
  uint64_t Below(uint64_t n);
  // A uniform integer in [lo, hi] (both inclusive); lo <= hi.
  int Between(int lo, int hi);
  // A uniform real in [0, 1), from 53 random bits.
  double Unit();
  // True with probability p.
  bool Chance(double p);
  // An index drawn in proportion to `weights` (which must not all be zero).
  int Weighted(absl::Span<const double> weights);
  // A whole number from a piecewise-uniform distribution.
  int FromBands(absl::Span<const Band> bands);
  // A uniform date in [first, last]; first when last < first.
  dates::Date DateBetween(dates::Date first, dates::Date last);

 private:
  std::mt19937_64 engine_;
};

// Picks one of `items` in proportion to `weights` (same length).
template <typename T>
const T& PickWeighted(Random& random, std::initializer_list<T> items,
                      std::initializer_list<double> weights) {
  return items.begin()[random.Weighted(weights)];
}

}  // namespace pif::sample::internal
