// What sample council to generate: its size, seed, extraction date and length of history.
#pragma once

#include <cstdint>

#include "pif/dates/date.h"

namespace pif::sample {

// 2025-07-31, the last day of the latest complete CLAS year (1 August to 31 July).
inline dates::Date DefaultAsOf() { return *dates::Date::FromYmd(2025, 7, 31); }

// Size, seed and dates of a sample council; equal options give equal councils.
struct SampleOptions {
  // Children (and unborn children) in children.csv.
  int64_t children = 5000;
  // Seed of every random choice.
  uint64_t seed = 1;
  // The extraction date: nothing is recorded after it; what runs on past it is still open.
  dates::Date as_of = DefaultAsOf();
  // Years of history before as_of covered by trends (one more year is generated as lead-in).
  int years = 5;
};

}  // namespace pif::sample
