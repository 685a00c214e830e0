// The fixed facts of one generation run: its dates and the sizes of the council's carer pools.
#pragma once

#include <cstdint>

#include "pif/dates/date.h"
#include "pif/sample/options.h"

namespace pif::sample::internal {

// Dates and pool sizes shared by every generator of one run.
struct Context {
  int64_t children = 0;
  // The extraction date: nothing is recorded after it.
  dates::Date as_of;
  // First day of the trend history: as_of minus `years` years, plus one day.
  dates::Date window_start;
  // First day on which events (assessments, reviews, incidents, surveys...) are recorded: one
  // year before window_start, so that look-backs of the first trend year have data.
  dates::Date data_start;
  // Carers and establishments, scaled to the council's size.
  int foster_la = 0;
  int foster_purchased = 0;
  int residential_la = 0;
  int residential_voluntary = 0;
  int residential_school = 0;
  int secure = 0;
  int crisis = 0;
  int other_residential = 0;
  int respite = 0;

  // True when d is in [data_start, as_of].
  bool InData(dates::Date d) const { return data_start <= d && d <= as_of; }
};

// The context of a run with these options.
Context MakeContext(const SampleOptions& options);

}  // namespace pif::sample::internal
