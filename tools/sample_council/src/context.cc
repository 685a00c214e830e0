#include "context.h"

#include <algorithm>

namespace pif::sample::internal {
namespace {

int Scaled(int64_t children, int64_t per, int minimum) {
  return static_cast<int>(std::max<int64_t>(minimum, children / per));
}

}  // namespace

Context MakeContext(const SampleOptions& options) {
  Context c;
  c.children = options.children;
  c.as_of = options.as_of;
  c.window_start = options.as_of.AddMonths(-12 * options.years).AddDays(1);
  c.data_start = c.window_start.AddMonths(-12);
  // About one fostering household per 1.5 fostered children at any time (see proportions.h).
  c.foster_la = Scaled(options.children, 60, 12);
  c.foster_purchased = Scaled(options.children, 180, 6);
  c.residential_la = Scaled(options.children, 2000, 2);
  c.residential_voluntary = Scaled(options.children, 4000, 1);
  c.residential_school = Scaled(options.children, 6000, 1);
  c.secure = Scaled(options.children, 40000, 1);
  c.crisis = Scaled(options.children, 10000, 1);
  c.other_residential = Scaled(options.children, 10000, 1);
  c.respite = Scaled(options.children, 8000, 1);
  return c;
}

}  // namespace pif::sample::internal
