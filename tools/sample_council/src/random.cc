#include "random.h"

#include <limits>

namespace pif::sample::internal {
namespace {

// SplitMix64's finaliser: spreads the bits of a seed so nearby seeds give unrelated streams.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

Random::Random(uint64_t seed, uint64_t stream) : engine_(Mix(seed ^ Mix(stream))) {}

uint64_t Random::Below(uint64_t n) {
  // Rejection keeps the result exactly uniform: values past the last whole multiple of n retry.
  const uint64_t max = std::numeric_limits<uint64_t>::max();
  const uint64_t limit = max - max % n;
  uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

int Random::Between(int lo, int hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
}

double Random::Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

bool Random::Chance(double p) { return p > 0 && Unit() < p; }

int Random::Weighted(absl::Span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Unit() * total;
  int index = 0;
  for (double w : weights) {
    if (x < w) return index;
    x -= w;
    ++index;
  }
  // Rounding can leave x just past the last band: take the last non-zero weight.
  for (int i = static_cast<int>(weights.size()) - 1; i >= 0; --i) {
    if (weights[static_cast<size_t>(i)] > 0) return i;
  }
  return 0;
}

int Random::FromBands(absl::Span<const Band> bands) {
  double total = 0;
  for (const Band& band : bands) total += band.weight;
  double x = Unit() * total;
  const Band* chosen = bands.end() - 1;
  for (const Band& band : bands) {
    if (x < band.weight) {
      chosen = &band;
      break;
    }
    x -= band.weight;
  }
  return Between(chosen->lo, chosen->hi);
}

dates::Date Random::DateBetween(dates::Date first, dates::Date last) {
  if (last <= first) return first;
  return first.AddDays(Between(0, dates::DaysBetween(first, last)));
}

}  // namespace pif::sample::internal
