// Builds what 7.4 needs from intake's involvements and allocations: the children with an
// involvement open at the census date and the staff allocated to those involvements on that day.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pif/dates/date.h"
#include "pif/workforce/domain/open_cases.h"

namespace pif::workforce {

// Collects involvements and allocations in any order, keeping only what covers the census date.
class OpenCasesAt {
 public:
  // CD, the day cases must be open on.
  explicit OpenCasesAt(dates::Date census) : census_(census) {}

  // An involvement of `person_id` on [open, close) (no close: still open); kept when open at CD
  // (open <= CD < close, indicators.md section 8).
  void AddInvolvement(const std::string& involvement_id, const std::string& person_id,
                      dates::Date open, std::optional<dates::Date> close);
  // An allocation of `staff_id` (empty: a team or duty allocation) to an involvement on
  // [start, end); kept when it covers CD.
  void AddAllocation(const std::string& involvement_id, const std::string& staff_id,
                     dates::Date start, std::optional<dates::Date> end);

  // The children with an involvement open at CD, in person_id order, each with the staff_ids of
  // the allocations covering CD of their open involvements (sorted, no repeats). Allocations of
  // involvements not open at CD are ignored.
  OpenCases Build() const;

 private:
  bool Covers(dates::Date start, const std::optional<dates::Date>& end) const;

  dates::Date census_;
  std::map<std::string, std::string> open_involvements_;          // involvement_id -> person_id
  std::vector<std::pair<std::string, std::string>> allocations_;  // (involvement_id, staff_id)
};

}  // namespace pif::workforce
