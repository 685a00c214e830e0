// Staff rows by staff member, answering "which row is in force on day d" (indicators.md
// section 5: groups use the row in force on the day in question).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pif/dates/date.h"
#include "pif/workforce/domain/staff.h"

namespace pif::workforce {

// A read-only index over staff rows; the rows must outlive it.
class StaffIndex {
 public:
  // Indexes `rows` by staff_id.
  explicit StaffIndex(const std::vector<StaffRow>& rows);

  // The row of `staff_id` covering `d`, or nullptr when the staff member is not in post on `d`
  // (or unknown). Should rows overlap (the contract rejects that), the latest valid_from wins.
  const StaffRow* RowInForce(const std::string& staff_id, dates::Date d) const;

  // The row in force on `d` of every staff member in post on `d`, in staff_id order.
  std::vector<const StaffRow*> InPostOn(dates::Date d) const;

 private:
  std::map<std::string, std::vector<const StaffRow*>> rows_by_staff_;
};

}  // namespace pif::workforce
