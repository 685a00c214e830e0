// Month by month, how many children have an open case and how many live in a council children's
// house: what the workforce is sized to.
#pragma once

#include <cstdint>
#include <vector>

#include "context.h"
#include "pif/dates/year_month.h"
#include "plan.h"

namespace pif::sample::internal {

// Counts on the first day of each month from the data start's month to the extraction month.
class Caseload {
 public:
  explicit Caseload(const Context& context);

  // Adds one child's open involvements and council residential placements.
  void AddChild(const ChildPlan& child);

  // Months counted.
  int months() const { return static_cast<int>(open_.size()) - 1; }
  // The first day of month `m` (0 = the data start's month).
  Date MonthStart(int m) const { return first_.AddMonths(m).first_day(); }
  // Children with an open involvement on the first day of month m.
  int64_t OpenChildren(int m) const;
  // Children placed in a council children's house (RES_LA, not a short break) that day.
  int64_t ResidentialChildren(int m) const;

 private:
  // Adds one to every month whose first day is in [start, end).
  void Count(std::vector<int64_t>& diff, Date start, const OptDate& end);
  static int64_t Sum(const std::vector<int64_t>& diff, int m);

  dates::YearMonth first_;
  std::vector<int64_t> open_;         // differences: prefix sums give the counts
  std::vector<int64_t> residential_;  // likewise
};

}  // namespace pif::sample::internal
