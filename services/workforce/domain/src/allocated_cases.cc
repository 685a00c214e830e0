#include "pif/workforce/domain/allocated_cases.h"

#include <map>
#include <string>

namespace pif::workforce {

std::vector<figures::IndicatorResult> AllocatedCases(const OpenCases& open_cases,
                                                     const StaffIndex& staff, dates::Date census) {
  struct Allocated {
    bool worker = false;
    bool qualified = false;
  };
  std::map<std::string, Allocated> children;
  for (const OpenCase& child : open_cases.children) {
    Allocated& allocated = children[child.person_id];
    for (const std::string& staff_id : child.staff_ids) {
      if (staff_id.empty()) continue;
      allocated.worker = true;
      const StaffRow* row = staff.RowInForce(staff_id, census);
      if (row != nullptr && row->role == Role::kQsw) allocated.qualified = true;
    }
  }
  figures::IndicatorResult qualified;
  qualified.code = "7.4a";
  figures::IndicatorResult any;
  any.code = "7.4b";
  for (const auto& [person_id, allocated] : children) {
    ++qualified.counts.denominator;
    ++any.counts.denominator;
    if (allocated.qualified) ++qualified.counts.numerator;
    if (allocated.worker) ++any.counts.numerator;
  }
  return {qualified, any};
}

}  // namespace pif::workforce
